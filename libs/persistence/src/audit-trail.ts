import { randomUUID } from 'node:crypto';
import type { Principal } from '@scrt/contracts';
import { currentCorrelationId } from '@scrt/observability';

export type AuditAction = 'create' | 'read' | 'update' | 'list' | 'export';

/** One audited access to case data. */
export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string;
  outcome: 'success' | 'denied' | 'not-found';
}

/**
 * Who acted, as far as known: a principal, or for a request refused before one could be
 * established only the verified subject, or nobody (undefined) when no token verified.
 */
export type AuditActor = Pick<Principal, 'subject' | 'kind'> & Partial<Pick<Principal, 'roleId' | 'organisationCode'>>;

/** Further columns a schema's audit table has (e.g. the gateway's `reason`, `peer_address`). */
export type AuditDetails = Record<string, string | null>;

/** The raw SQL a Prisma client or transaction offers. */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

const IDENTIFIER = /^[a-z_]+$/;

/**
 * Appends audit records (who, role, organisation, what, when, correlation id) to the service's
 * own append-only `audit_event` table, inside the caller's transaction when given one.
 */
export class AuditTrail {
  constructor(private readonly schema: string) {
    if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${schema}`);
  }

  async record(db: SqlExecutor, actor: AuditActor | undefined, entry: AuditEntry, details: AuditDetails = {}): Promise<void> {
    const extraColumns = Object.keys(details);
    const invalid = extraColumns.find((column) => !IDENTIFIER.test(column));
    if (invalid !== undefined) throw new Error(`invalid audit column name ${invalid}`);
    const columns = ['actor_subject', 'actor_kind', 'actor_role_id', 'organisation_code', 'action', 'resource_type', 'resource_id', 'correlation_id', 'outcome', ...extraColumns];
    const values = [
      actor?.subject ?? null,
      actor?.kind ?? null,
      actor?.roleId ?? null,
      actor?.organisationCode ?? null,
      entry.action,
      entry.resourceType,
      entry.resourceId ?? null,
      currentCorrelationId() ?? null,
      entry.outcome,
      ...extraColumns.map((column) => details[column]),
    ];
    await db.$executeRawUnsafe(
      `INSERT INTO "${this.schema}"."audit_event" (id, ${columns.join(', ')})
       VALUES ($1::uuid, ${columns.map((_column, index) => `$${index + 2}`).join(', ')})`,
      randomUUID(),
      ...values,
    );
  }
}
