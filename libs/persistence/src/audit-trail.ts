import { randomUUID } from 'node:crypto';
import type { Principal } from '@scrt/contracts';
import { currentRequestContext, uuidv7, type RequestContext } from '@scrt/observability';
import { SqlParameters } from './sql-parameters.js';

export type AuditAction = 'create' | 'read' | 'update' | 'delete' | 'publish' | 'list' | 'export';

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
const RESOURCE_ID_MAX_LENGTH = 100;
const requestsAudited = new WeakSet<RequestContext>();

/** Whether anything was audited for the current request, so a refusal is not recorded twice. */
export function isCurrentRequestAudited(): boolean {
  const context = currentRequestContext();
  return context !== undefined && requestsAudited.has(context);
}

/** A refused request's id may be anything a caller typed; PostgreSQL text cannot hold NUL, and the record must not fail. */
const storableText = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/**
 * Appends audit records (who, role, organisation, what, why, when, the server's request id and
 * the correlation id the client sent, if any) to the service's own append-only `audit_event`
 * table, inside the caller's transaction when given one. Records are keyed on the request id,
 * never on the correlation id, which a client may choose.
 */
export class AuditTrail {
  constructor(readonly schema: string) {
    if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${schema}`);
  }

  /** `actor` is undefined when the caller could not be identified (no valid token). */
  async record(db: SqlExecutor, actor: AuditActor | undefined, entry: AuditEntry, details: AuditDetails = {}): Promise<void> {
    const parameters = new SqlParameters();
    await db.$executeRawUnsafe(this.insertSql(parameters, actor, entry, details), ...parameters.values);
    markCurrentRequestAudited();
  }

  /** One record per entry (e.g. each case a list returned), in one statement. */
  async recordEach(db: SqlExecutor, actor: AuditActor | undefined, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const parameters = new SqlParameters();
    const rows = entries.map((entry) => this.rowOf(actor, entry, {}));
    const values = rows.map((row) => `(${row.map(([, value, cast]) => parameters.add(value, cast)).join(', ')})`).join(', ');
    await db.$executeRawUnsafe(`INSERT INTO "${this.schema}"."audit_event" (${rows[0].map(([column]) => column).join(', ')}) VALUES ${values}`, ...parameters.values);
    markCurrentRequestAudited();
  }

  /**
   * The same record as an `INSERT ... SELECT ... FROM source` that a use case runs inside one
   * larger statement (a data-modifying CTE): a record for each row of `source`, so none when the
   * use case wrote nothing. Call `markCurrentRequestAudited()` once the statement has run.
   */
  insertFromSql(parameters: SqlParameters, source: string, actor: AuditActor | undefined, entry: AuditEntry): string {
    return this.insertSql(parameters, actor, entry, {}, source);
  }

  private insertSql(parameters: SqlParameters, actor: AuditActor | undefined, entry: AuditEntry, details: AuditDetails, source?: string): string {
    const extraColumns = Object.keys(details);
    const invalid = extraColumns.find((column) => !IDENTIFIER.test(column));
    if (invalid !== undefined) throw new Error(`invalid audit column name ${invalid}`);
    const row = this.rowOf(actor, entry, details);
    const placeholders = row.map(([, value, cast]) => parameters.add(value, cast)).join(', ');
    return `INSERT INTO "${this.schema}"."audit_event" (${row.map(([column]) => column).join(', ')})
       ${source ? `SELECT ${placeholders} FROM ${source}` : `VALUES (${placeholders})`}`;
  }

  private rowOf(actor: AuditActor | undefined, entry: AuditEntry, details: AuditDetails): [string, unknown, string?][] {
    const extraColumns = Object.keys(details);
    const context = currentRequestContext();
    return [
      ['id', randomUUID(), 'uuid'],
      ['actor_subject', actor?.subject ?? null],
      ['actor_kind', actor?.kind ?? null],
      ['actor_role_id', actor?.roleId ?? null],
      ['organisation_code', actor?.organisationCode ?? null],
      ['action', entry.action],
      ['resource_type', entry.resourceType],
      ['resource_id', entry.resourceId === undefined ? null : storableText(entry.resourceId.slice(0, RESOURCE_ID_MAX_LENGTH))],
      ['request_id', context?.requestId ?? uuidv7(), 'uuid'],
      ['client_correlation_id', context?.clientCorrelationId ?? null],
      ['outcome', entry.outcome],
      ['reason', entry.reason ?? null],
      ...extraColumns.map((column): [string, unknown] => [column, details[column]]),
    ];
  }
}

/** Notes that the current request has its audit record (see `isCurrentRequestAudited`). */
export function markCurrentRequestAudited(): void {
  const context = currentRequestContext();
  if (context) requestsAudited.add(context);
}
