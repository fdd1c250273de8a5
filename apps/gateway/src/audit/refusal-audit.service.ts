import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { uuidv7 } from '@scrt/messaging';
import { RefusalActorResolver } from './refusal-actor.js';
import { RefusalAuditRepository } from './refusal-audit.repository.js';
import { refusedApiRequest } from './refused-request.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const MAX_PATH_LENGTH = 2048;
const MAX_METHOD_LENGTH = 10;

/** The server's id of the request: the one already given to it, else a new UUIDv7, echoed to the client. */
function requestIdOf(reply: FastifyReply): string {
  const existing = reply.getHeader(REQUEST_ID_HEADER);
  if (typeof existing === 'string' && existing.length > 0) return existing;
  const requestId = uuidv7();
  void reply.header(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/**
 * Records every `/api/v1` request the gateway itself refuses (401, 403) before it reaches a
 * service. Requests the gateway let through carry a principal (`request.user`); what their
 * service refuses is recorded in that service's own audit trail.
 */
@Injectable()
export class RefusalAuditService {
  private readonly logger = new Logger(RefusalAuditService.name);

  constructor(
    @Inject(RefusalActorResolver) private readonly actors: RefusalActorResolver,
    @Inject(RefusalAuditRepository) private readonly repository: RefusalAuditRepository,
  ) {}

  async recordIfRefused(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    if ((request as { user?: unknown }).user !== undefined) return;
    const refused = refusedApiRequest(request.method, request.url, reply.statusCode, payload);
    if (!refused) return;
    const context = {
      requestId: requestIdOf(reply),
      // The connection's own address: forwarding headers are the client's say-so.
      peerAddress: (request.raw.socket.remoteAddress ?? 'unknown').slice(0, 64),
      method: request.method.slice(0, MAX_METHOD_LENGTH),
      path: request.url.split('?')[0].slice(0, MAX_PATH_LENGTH),
    };
    try {
      await this.repository.record(await this.actors.actorOf(request.headers.authorization), refused, context);
    } catch (error) {
      this.logger.error({ message: 'refusal audit record failed', requestId: context.requestId, reason: refused.reason, error: String(error) });
    }
  }
}
