import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '#prisma/intake';
import { CaseCreatedV2Contract, CaseUpdatedV1Contract, CaseWithdrawnV1Contract, eventActorOf, type Principal } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { AuditTrail, DATABASE, markCurrentRequestAudited, SqlParameters, type AuditEntry } from '@scrt/persistence';
import type { RecordScope } from '@scrt/reference-copy';
import { caseScopeSourceSql, caseScopeWhere, inCaseScope } from '../case-scope/scoped-database.js';
import { INTAKE_SCHEMA, type IntakeDatabase } from '../database.js';
import type { CaseFields, PersonalDataWarning } from './record/case-fields.js';
import { snapshotOf, type CaseRow } from './record/case-row.js';

export type { CaseRow } from './record/case-row.js';

export interface NewCase extends CaseFields {
  id: string;
  organisationCode: string;
  regionCode: string;
  personalDataWarnings: PersonalDataWarning[];
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** One field's change: the values as the API states them. */
export interface FieldChange {
  field: keyof CaseFields;
  oldValue: unknown;
  newValue: unknown;
}

export interface CaseChangeToApply {
  id: string;
  /** The version the caller saw (If-Match). */
  expectedVersion: number;
  fields: CaseFields;
  changes: FieldChange[];
  personalDataWarnings: PersonalDataWarning[];
}

export interface CaseWithdrawal {
  id: string;
  expectedVersion: number;
  reason: string;
  personalDataWarnings: PersonalDataWarning[];
}

const audit = new AuditTrail(INTAKE_SCHEMA);

/** What `create` returns when another request already claimed the Idempotency-Key. */
export const KEY_TAKEN = Symbol('idempotency key taken');
/** What `update` and `withdraw` return when the case is no longer open at the expected version. */
export const NOT_CHANGED = Symbol('case not open at that version');

type Tx = Prisma.TransactionClient;

const dateColumn = (date: string) => new Date(`${date}T00:00:00Z`);

/** The columns of the recorded items, as Prisma writes them. */
function columnsOf(fields: CaseFields, personalDataWarnings: PersonalDataWarning[]) {
  return {
    ...fields,
    incidentDate: dateColumn(fields.incidentDate),
    dateAdded: dateColumn(fields.dateAdded),
    identifiers: fields.identifiers as unknown as Prisma.InputJsonValue,
    personalDataWarnings: personalDataWarnings as unknown as Prisma.InputJsonValue,
  };
}

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
    const { id, organisationCode, regionCode, personalDataWarnings, ...fields } = newCase;
    const record: CaseRow = {
      id,
      organisationCode,
      regionCode,
      ...columnsOf(fields, personalDataWarnings),
      identifiers: fields.identifiers as unknown as Prisma.JsonValue,
      personalDataWarnings: personalDataWarnings as unknown as Prisma.JsonValue,
      status: 'open',
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalReason: null,
      createdBy: principal.subject,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    const p = new SqlParameters();
    const claim = idempotency
      ? `claim AS (
           INSERT INTO "${INTAKE_SCHEMA}"."idempotent_request" ("organisation_code", "idempotency_key", "request_hash", "resource_id", "created_at")
           VALUES (${p.add(organisationCode)}, ${p.add(idempotency.key)}, ${p.add(idempotency.requestHash)}, ${p.add(id, 'uuid')}, ${p.add(createdAt, 'timestamptz')})
           ON CONFLICT DO NOTHING
           RETURNING 1
         ),`
      : '';
    const columns: [string, unknown, string?][] = [
      ['id', id, 'uuid'],
      ['organisation_code', organisationCode],
      ['region_code', regionCode],
      ['review_type', fields.reviewType],
      ['incident_date', fields.incidentDate, 'date'],
      ['date_added', fields.dateAdded, 'date'],
      ['subject_group', fields.subjectGroup],
      ['themes', fields.themes, 'text[]'],
      ['brief_information', fields.briefInformation],
      ['identifiers', JSON.stringify(fields.identifiers), 'jsonb'],
      ['partnership_id', fields.partnershipId, 'uuid'],
      ['partnership_name', fields.partnershipName],
      ['designated_professional', fields.designatedProfessional],
      ['age_band', fields.ageBand],
      ['locality', fields.locality],
      ['setting', fields.setting],
      ['comments', fields.comments],
      ['sub_icb_location_code', fields.subIcbLocationCode],
      ['personal_data_warnings', JSON.stringify(personalDataWarnings), 'jsonb'],
      ['created_by', principal.subject],
      ['created_at', createdAt, 'timestamptz'],
      ['updated_at', createdAt, 'timestamptz'],
      ['version', record.version, 'int'],
    ];
    const created = `created AS (
         INSERT INTO "${INTAKE_SCHEMA}"."case_record" (${columns.map(([column]) => `"${column}"`).join(', ')})
         SELECT ${columns.map(([, value, cast]) => p.add(value, cast)).join(', ')}
         FROM ${caseScopeSourceSql(p, scope)} AS "scope" ${idempotency ? ', claim' : ''}
         RETURNING "id"
       )`;
    const event = this.outbox.appendFromSql(p, 'created', CaseCreatedV2Contract, snapshotOf(record), { actor: eventActorOf(principal) });
    const audited = audit.insertFromSql(p, 'created', principal, { action: 'create', resourceType: 'case', resourceId: id, outcome: 'success' });
    const [{ count }] = await this.db.$queryRawUnsafe<{ count: number }[]>(
      `WITH ${claim} ${created}, event AS (${event}), audited AS (${audited})
       SELECT count(*)::int AS "count" FROM created`,
      ...p.values,
    );
    if (count === 0) return KEY_TAKEN;
    markCurrentRequestAudited();
    return record;
  }

  /**
   * The new state, one history row per changed field, the `case.updated` event and the audit
   * record, in one transaction; nothing when the case is no longer open at the expected version.
   */
  update(change: CaseChangeToApply, principal: Principal, scope: RecordScope): Promise<CaseRow | typeof NOT_CHANGED> {
    return inCaseScope(this.db, scope, async (tx) => {
      const row = await this.bumpVersion(tx, change.id, change.expectedVersion, columnsOf(change.fields, change.personalDataWarnings));
      if (!row) return NOT_CHANGED;
      await tx.caseChange.createMany({
        data: change.changes.map(({ field, oldValue, newValue }) => ({
          id: randomUUID(),
          caseId: row.id,
          version: row.version,
          changedAt: row.updatedAt,
          changedBy: principal.subject,
          field,
          oldValue: (oldValue ?? undefined) as Prisma.InputJsonValue | undefined,
          newValue: (newValue ?? undefined) as Prisma.InputJsonValue | undefined,
        })),
      });
      await this.outbox.append(tx, CaseUpdatedV1Contract, { changedFields: change.changes.map(({ field }) => field), case: snapshotOf(row) }, { actor: eventActorOf(principal) });
      await audit.record(tx, principal, { action: 'update', resourceType: 'case', resourceId: row.id, outcome: 'success' });
      return row;
    });
  }

  /** Withdrawn (never deleted), with its history row, `case.withdrawn` event and audit record, in one transaction. */
  withdraw(withdrawal: CaseWithdrawal, principal: Principal, scope: RecordScope): Promise<CaseRow | typeof NOT_CHANGED> {
    return inCaseScope(this.db, scope, async (tx) => {
      const withdrawnAt = new Date();
      const row = await this.bumpVersion(tx, withdrawal.id, withdrawal.expectedVersion, {
        status: 'withdrawn',
        withdrawnAt,
        withdrawnBy: principal.subject,
        withdrawalReason: withdrawal.reason,
        personalDataWarnings: withdrawal.personalDataWarnings as unknown as Prisma.InputJsonValue,
      });
      if (!row) return NOT_CHANGED;
      await tx.caseChange.create({
        data: { id: randomUUID(), caseId: row.id, version: row.version, changedAt: withdrawnAt, changedBy: principal.subject, field: 'status', oldValue: 'open', newValue: 'withdrawn' },
      });
      await this.outbox.append(tx, CaseWithdrawnV1Contract, { withdrawnAt: withdrawnAt.toISOString(), case: snapshotOf(row) }, { actor: eventActorOf(principal) });
      await audit.record(tx, principal, { action: 'update', resourceType: 'case', resourceId: row.id, outcome: 'success' });
      return row;
    });
  }

  /** Optimistic concurrency: writes only an open case still at `expectedVersion`. */
  private async bumpVersion(tx: Tx, id: string, expectedVersion: number, data: Prisma.CaseRecordUpdateManyMutationInput): Promise<CaseRow | undefined> {
    const { count } = await tx.caseRecord.updateMany({
      where: { id, version: expectedVersion, status: 'open' },
      data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) return undefined;
    return (await tx.caseRecord.findUnique({ where: { id } })) ?? undefined;
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

  /** Field-level changes of a case in the scope, oldest first. */
  history(caseId: string, scope: RecordScope) {
    return inCaseScope(this.db, scope, (tx) => tx.caseChange.findMany({ where: { caseId, caseRecord: caseScopeWhere(scope) }, orderBy: [{ version: 'asc' }, { field: 'asc' }] }));
  }

  findIdempotentRequest(organisationCode: string, key: string) {
    return this.db.idempotentRequest.findUnique({ where: { organisationCode_idempotencyKey: { organisationCode, idempotencyKey: key } } });
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}
