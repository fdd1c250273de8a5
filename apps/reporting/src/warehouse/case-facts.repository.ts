import type { SqlClient } from '@scrt/messaging';
import type { DirtyCells } from '../summaries/dirty-cells.js';
import { SqlParameters } from '@scrt/persistence';
import type { CaseFactRow } from './case-fact.js';
import { excludedUpdates, insertParts, WarehouseFactsRepository, type FactColumns } from './fact-sql.repository.js';

const CASE_COLUMNS: FactColumns<CaseFactRow> = [
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
export class CaseFactsRepository extends WarehouseFactsRepository<CaseFactRow> {
  protected markCells(tx: SqlClient, cells: DirtyCells, row: CaseFactRow) {
    return cells.ofCase(tx, row.caseId);
  }

  protected async write(tx: SqlClient, row: CaseFactRow): Promise<void> {
    const parameters = new SqlParameters();
    const { names, values } = insertParts(CASE_COLUMNS, row, parameters);
    const themes = parameters.add(row.themes, 'varchar[]');
    const caseFact = this.tables.table('case_fact');
    const themeFact = this.tables.table('case_theme_fact');
    await tx.$executeRawUnsafe(
      `WITH "written" AS (
         INSERT INTO ${caseFact} (${names}) VALUES (${values})
         ON CONFLICT ("case_id") DO UPDATE SET ${excludedUpdates(CASE_COLUMNS, 'caseId').join(', ')}, "loaded_at" = now(), "change_seq" = DEFAULT
         WHERE ${caseFact}."version" < EXCLUDED."version"
         RETURNING "case_id"
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
