import { randomUUID } from 'node:crypto';
import type { Principal } from '@scrt/contracts';
import { currentRequestContext, uuidv7, type RequestContext } from '@scrt/observability';

export type AuditAction = 'create' | 'read' | 'update' | 'list' | 'export';

/** One audited access to case or report data. */
export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string;
  /** `refused`: stopped before the service looked at the data (no token, no permission, bad input). */
  outcome: 'success' | 'denied' | 'not-found' | 'refused';
  /** For refusals: the problem code the caller got (`FORBIDDEN`, `VALIDATION_FAILED`, ...). */
  reason?: string;
}

/** The raw SQL a Prisma client or transaction offers. */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

const RESOURCE_ID_MAX_LENGTH = 100;
const requestsAudited = new WeakSet<RequestContext>();

/** Whether anything was audited for the current request, so a refusal is not recorded twice. */
export function isCurrentRequestAudited(): boolean {
  const context = currentRequestContext();
  return context !== undefined && requestsAudited.has(context);
}

/**
 * Appends audit records (who, role, organisation, what, why, when, the server's request id and
 * the correlation id the client sent, if any) to the service's own append-only `audit_event`
 * table, inside the caller's transaction when given one. Records are keyed on the request id,
 * never on the correlation id, which a client may choose.
 */
export class AuditTrail {
  constructor(readonly schema: string) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  }

  /** `principal` is undefined when the caller could not be identified (no valid internal token). */
  async record(db: SqlExecutor, principal: Principal | undefined, entry: AuditEntry): Promise<void> {
    const context = currentRequestContext();
    await db.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_event"
         (id, actor_subject, actor_kind, actor_role_id, organisation_code, action, resource_type, resource_id, request_id, client_correlation_id, outcome, reason)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::uuid, $10, $11, $12)`,
      randomUUID(),
      principal?.subject ?? null,
      principal?.kind ?? null,
      principal?.roleId ?? null,
      principal?.organisationCode ?? null,
      entry.action,
      entry.resourceType,
      entry.resourceId?.slice(0, RESOURCE_ID_MAX_LENGTH) ?? null,
      context?.requestId ?? uuidv7(),
      context?.clientCorrelationId ?? null,
      entry.outcome,
      entry.reason ?? null,
    );
    if (context) requestsAudited.add(context);
  }
}
