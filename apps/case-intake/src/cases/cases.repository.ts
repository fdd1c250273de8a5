import { Inject, Injectable } from '@nestjs/common';
import { CaseCreatedV1Contract, eventActorOf, type CaseCreatedV1, type Principal } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { AuditTrail, DATABASE, markCurrentRequestAudited, SqlParameters, type AuditEntry } from '@scrt/persistence';
import type { RecordScope } from '@scrt/reference-copy';
import { caseScopeSourceSql, caseScopeWhere, inCaseScope } from '../case-scope/scoped-database.js';
import { INTAKE_SCHEMA, type IntakeDatabase } from '../database.js';

export interface NewCase {
  id: string;
  organisationCode: string;
  regionCode: string;
  incidentDate: string;
  reviewType: string;
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

const audit = new AuditTrail(INTAKE_SCHEMA);

/** What `create` returns when another request already claimed the Idempotency-Key. */
export const KEY_TAKEN = Symbol('idempotency key taken');

export type CaseRow = Awaited<ReturnType<IntakeDatabase['caseRecord']['create']>>;

@Injectable()
export class CasesRepository {
  constructor(
    @Inject(DATABASE) private readonly db: IntakeDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The case, its `case.created` event, its audit record and the idempotency claim: one
   * statement (data-modifying CTEs), so one transaction and one round trip, all or nothing. The
   * case, event and audit rows are selected from the claim: a concurrent request with the same
   * key waits on the key's row, then finds it taken and writes nothing.
   */
  async create(newCase: NewCase, principal: Principal, scope: RecordScope, idempotency?: IdempotencyClaim): Promise<CaseRow | typeof KEY_TAKEN> {
    const createdAt = new Date();
    const record: CaseRow = {
      ...newCase,
      incidentDate: new Date(`${newCase.incidentDate}T00:00:00Z`),
      createdBy: principal.subject,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    const payload: CaseCreatedV1 = {
      caseId: record.id,
      organisationCode: record.organisationCode,
      regionCode: record.regionCode,
      incidentDate: newCase.incidentDate,
      reviewType: newCase.reviewType as CaseCreatedV1['reviewType'],
      createdAt: createdAt.toISOString(),
    };
    const p = new SqlParameters();
    const claim = idempotency
      ? `claim AS (
           INSERT INTO "${INTAKE_SCHEMA}"."idempotent_request" ("organisation_code", "idempotency_key", "request_hash", "resource_id", "created_at")
           VALUES (${p.add(newCase.organisationCode)}, ${p.add(idempotency.key)}, ${p.add(idempotency.requestHash)}, ${p.add(record.id, 'uuid')}, ${p.add(createdAt, 'timestamptz')})
           ON CONFLICT DO NOTHING
           RETURNING 1
         ),`
      : '';
    const created = `created AS (
         INSERT INTO "${INTAKE_SCHEMA}"."case_record" ("id", "organisation_code", "region_code", "incident_date", "review_type", "created_by", "created_at", "updated_at", "version")
         SELECT ${p.add(record.id, 'uuid')}, ${p.add(record.organisationCode)}, ${p.add(record.regionCode)}, ${p.add(newCase.incidentDate, 'date')}, ${p.add(record.reviewType)},
                ${p.add(record.createdBy)}, ${p.add(createdAt, 'timestamptz')}, ${p.add(createdAt, 'timestamptz')}, ${record.version}
         FROM ${caseScopeSourceSql(p, scope)} AS "scope" ${idempotency ? ', claim' : ''}
         RETURNING "id"
       )`;
    const event = this.outbox.appendFromSql(p, 'created', CaseCreatedV1Contract, payload, { actor: eventActorOf(principal) });
    const audited = audit.insertFromSql(p, 'created', principal, { action: 'create', resourceType: 'case', resourceId: record.id, outcome: 'success' });
    const [{ count }] = await this.db.$queryRawUnsafe<{ count: number }[]>(
      `WITH ${claim} ${created}, event AS (${event}), audited AS (${audited})
       SELECT count(*)::int AS "count" FROM created`,
      ...p.values,
    );
    if (count === 0) return KEY_TAKEN;
    markCurrentRequestAudited();
    return record;
  }

  /** The case if it is in the scope: filtered here, and by the database's row-level security. */
  findById(id: string, scope: RecordScope) {
    return inCaseScope(this.db, scope, (tx) => tx.caseRecord.findFirst({ where: { id, ...caseScopeWhere(scope) } }));
  }

  /** Whether the case exists at all (out of scope or not), to audit a refused read as denied. */
  async exists(id: string): Promise<boolean> {
    const [{ exists }] = await this.db.$queryRawUnsafe<{ exists: boolean }[]>(`SELECT "${INTAKE_SCHEMA}"."case_exists"($1::uuid) AS "exists"`, id);
    return exists;
  }

  findIdempotentRequest(organisationCode: string, key: string) {
    return this.db.idempotentRequest.findUnique({ where: { organisationCode_idempotencyKey: { organisationCode, idempotencyKey: key } } });
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}
