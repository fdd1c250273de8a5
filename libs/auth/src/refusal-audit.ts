import { Inject, Injectable, Logger, Optional, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { toProblem } from '@scrt/http';
import { AuditTrail, DATABASE, isCurrentRequestAudited, type SqlExecutor } from '@scrt/persistence';
import { AUDITED_RESOURCE, type AuditedResourceTarget } from './audited-resource.decorator.js';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from './current-principal.decorator.js';

/**
 * Records a refused attempt on an audited route (see `@AuditedResource`) in the service's audit
 * trail: who (when the internal token verified), what, why (the problem code) and when. A request
 * the service already audited itself (e.g. an out-of-scope read) is not recorded twice.
 */
@Injectable()
export class RefusalAudit {
  private readonly logger = new Logger(RefusalAudit.name);

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(DATABASE) private readonly database?: SqlExecutor | null,
    @Optional() @Inject(AuditTrail) private readonly trail?: AuditTrail | null,
  ) {}

  async recordIfRefused(context: ExecutionContext, error: unknown): Promise<void> {
    const target = this.reflector.getAllAndOverride<AuditedResourceTarget | undefined>(AUDITED_RESOURCE, [context.getHandler(), context.getClass()]);
    if (!target || isCurrentRequestAudited()) return;
    const { status, code } = toProblem(error);
    if (status < 400 || status >= 500) return;
    if (!this.database || !this.trail) {
      this.logger.error({ message: 'refusal not audited: this service has no audit trail', resourceType: target.resourceType, reason: code });
      return;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const resourceId = (request.params as Record<string, unknown> | undefined)?.[target.idParam];
    try {
      await this.trail.record(this.database, request[PRINCIPAL_REQUEST_KEY], {
        action: target.action,
        resourceType: target.resourceType,
        resourceId: typeof resourceId === 'string' ? resourceId : undefined,
        outcome: 'refused',
        reason: code,
      });
    } catch (auditError) {
      // The caller still gets the refusal it earned; the lost record is an operational alarm.
      this.logger.error({ message: 'refusal audit record failed', resourceType: target.resourceType, reason: code, error: String(auditError) });
    }
  }
}
