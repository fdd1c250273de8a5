import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, DATABASE, type AuditActor } from '@scrt/persistence';
import { GATEWAY_SCHEMA, type GatewayDatabase } from '../database.js';
import type { RefusedRequest } from './refused-request.js';

const audit = new AuditTrail(GATEWAY_SCHEMA);

/** Where and how the refused request came in. */
export interface RefusalContext {
  requestId: string;
  peerAddress: string;
  method: string;
  path: string;
}

/** `gateway.audit_event`: append-only, the same columns as the services' audit tables plus the refusal's context. */
@Injectable()
export class RefusalAuditRepository {
  constructor(@Inject(DATABASE) private readonly db: GatewayDatabase) {}

  async record(actor: AuditActor | undefined, refused: RefusedRequest, context: RefusalContext): Promise<void> {
    const { action, resourceType, resourceId, reason } = refused;
    await audit.record(this.db, actor, { action, resourceType, resourceId, outcome: 'refused', reason }, {
      peer_address: context.peerAddress,
      method: context.method,
      path: context.path,
    });
  }
}
