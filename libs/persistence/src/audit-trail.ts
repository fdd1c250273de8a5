import { randomUUID } from 'node:crypto';
import type { Principal } from '@scrt/contracts';
import { currentCorrelationId } from '@scrt/observability';

export type AuditAction = 'create' | 'read' | 'update' | 'delete' | 'publish' | 'list' | 'export';

/** One audited access to case data. */
export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string;
  outcome: 'success' | 'denied' | 'not-found';
}

/** The raw SQL a Prisma client or transaction offers. */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

/**
 * Appends audit records (who, role, organisation, what, when, correlation id) to the service's
 * own append-only `audit_event` table, inside the caller's transaction when given one.
 */
export class AuditTrail {
  constructor(private readonly schema: string) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  }

  async record(db: SqlExecutor, principal: Principal, entry: AuditEntry): Promise<void> {
    await db.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_event"
         (id, actor_subject, actor_kind, actor_role_id, organisation_code, action, resource_type, resource_id, correlation_id, outcome)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      randomUUID(),
      principal.subject,
      principal.kind,
      principal.roleId ?? null,
      principal.organisationCode,
      entry.action,
      entry.resourceType,
      entry.resourceId ?? null,
      currentCorrelationId() ?? null,
      entry.outcome,
    );
  }
}
