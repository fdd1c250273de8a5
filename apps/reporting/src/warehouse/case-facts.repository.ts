import { Inbox, type InboxOutcome, type SqlClient, type TransactionalSqlClient } from '@scrt/messaging';
import type { EventEnvelope } from '@scrt/contracts';
import { SqlParameters } from '@scrt/persistence';
import type { CaseFactRow } from './case-fact.js';
import { WAREHOUSE_CONSUMER, WAREHOUSE_INBOX_TABLE, WarehouseTables } from './warehouse-tables.js';

const CASE_COLUMNS: [keyof CaseFactRow, string, string][] = [
  ['caseId', 'case_id', 'uuid'],
  ['version', 'version', 'int'],
  ['organisationCode', 'organisation_code', 'varchar'],
  ['regionCode', 'region_code', 'varchar'],
  ['subIcbLocationCode', 'sub_icb_location_code', 'varchar'],
  ['reviewType', 'review_type', 'varchar'],
  ['incidentDate', 'incident_date', 'date'],
  ['dateAdded', 'date_added', 'date'],
  ['subjectGroup', 'subject_group', 'varchar'],
  ['ageBand', 'age_band', 'varchar'],
  ['setting', 'setting', 'varchar'],
  ['designatedProfessional', 'designated_professional', 'varchar'],
  ['partnershipId', 'partnership_id', 'uuid'],
  ['identifierCount', 'identifier_count', 'int'],
  ['withdrawn', 'withdrawn', 'boolean'],
  ['withdrawnAt', 'withdrawn_at', 'timestamptz'],
  ['recordedAt', 'recorded_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
  ['sourceEventId', 'source_event_id', 'uuid'],
  ['sourceOccurredAt', 'source_occurred_at', 'timestamptz'],
];

/**
 * Writes case facts into one warehouse (live or being rebuilt), each event once (its inbox), and
 * keeps the highest version of each case: late, repeated and reordered events converge.
 */
export class CaseFactsRepository {
  private readonly inbox: Inbox;

  constructor(
    private readonly db: TransactionalSqlClient,
    private readonly tables: WarehouseTables,
  ) {
    this.inbox = new Inbox(tables.schema, WAREHOUSE_INBOX_TABLE);
  }

  apply(event: EventEnvelope, row: CaseFactRow): Promise<InboxOutcome> {
    return this.inbox.processOnce(this.db, event, WAREHOUSE_CONSUMER, (tx) => this.upsert(tx, row));
  }

  private async upsert(tx: SqlClient, row: CaseFactRow): Promise<void> {
    const parameters = new SqlParameters();
    const values = CASE_COLUMNS.map(([key, , cast]) => parameters.add(row[key], cast));
    const themes = parameters.add(row.themes, 'varchar[]');
    const occurredAt = parameters.add(row.sourceOccurredAt, 'timestamptz');
    const caseFact = this.tables.table('case_fact');
    const themeFact = this.tables.table('case_theme_fact');
    const updates = CASE_COLUMNS.filter(([key]) => key !== 'caseId').map(([, column]) => `"${column}" = EXCLUDED."${column}"`);
    await tx.$executeRawUnsafe(
      `WITH "written" AS (
         INSERT INTO ${caseFact} (${CASE_COLUMNS.map(([, column]) => `"${column}"`).join(', ')}) VALUES (${values.join(', ')})
         ON CONFLICT ("case_id") DO UPDATE SET ${updates.join(', ')}, "loaded_at" = now(), "change_seq" = DEFAULT
         WHERE ${caseFact}."version" < EXCLUDED."version"
         RETURNING "case_id"
       ), "progress" AS (
         INSERT INTO ${this.tables.table('warehouse_state')} ("id", "data_as_of", "events_applied") VALUES (1, ${occurredAt}, 1)
         ON CONFLICT ("id") DO UPDATE SET "data_as_of" = GREATEST(${this.tables.table('warehouse_state')}."data_as_of", EXCLUDED."data_as_of"), "events_applied" = ${this.tables.table('warehouse_state')}."events_applied" + 1
       ), "dropped" AS (
         DELETE FROM ${themeFact} WHERE "case_id" IN (SELECT "case_id" FROM "written") AND "position" > cardinality(${themes})
       )
       INSERT INTO ${themeFact} ("case_id", "position", "theme_code")
       SELECT "written"."case_id", "theme"."position", "theme"."code" FROM "written", unnest(${themes}) WITH ORDINALITY AS "theme"("code", "position")
       ON CONFLICT ("case_id", "position") DO UPDATE SET "theme_code" = EXCLUDED."theme_code"`,
      ...parameters.values,
    );
  }
}
