import type { SqlParameters } from '@scrt/persistence';
import { qualifiedTable } from '@scrt/messaging';
import type { ReportQueryDto, ReportPeriod } from './dto/report-query.dto.js';
import type { ReportScope } from './report-scope.js';

const PERIOD_COLUMN: Record<ReportPeriod, string> = { month: 'd."month"', quarter: 'd."quarter"', financialYear: 'd."financial_year"', all: "'all'" };

/** A fact table a report reads: which table, and which of its dates places a row in a period. */
export interface FactSource {
  table: string;
  /** SQL of the row's day (alias `f`). */
  day: string;
}

/** Cases are placed by the date added (the referral), or the day they were recorded for old events without it. */
export const CASES: FactSource = { table: 'case_fact', day: `COALESCE(f."date_added", (f."recorded_at" AT TIME ZONE 'Europe/London')::date)` };
export const REVIEWS: FactSource = { table: 'review_fact', day: `(f."created_at" AT TIME ZONE 'Europe/London')::date` };
export const LEARNING: FactSource = { table: 'learning_fact', day: `COALESCE(f."occurred_on", f."due_on")` };

export const warehouseTable = (schema: string, table: string) => qualifiedTable(schema, table);

function scopeCondition(parameters: SqlParameters, scope: ReportScope): string {
  if (scope.visibleCodes === null) return 'TRUE';
  const visible = `f."organisation_code" = ANY(${parameters.add(scope.visibleCodes, 'varchar[]')})`;
  if (scope.unknownCodesOfRegion === null) return visible;
  return `(${visible} OR (f."organisation_code" <> ALL(${parameters.add(scope.knownCodes, 'varchar[]')}) AND f."region_code" = ${parameters.add(scope.unknownCodesOfRegion)}))`;
}

function filterConditions(parameters: SqlParameters, query: ReportQueryDto): string[] {
  return [
    ...(query.from ? [`d."day" >= ${parameters.add(query.from, 'date')}`] : []),
    ...(query.to ? [`d."day" <= ${parameters.add(query.to, 'date')}`] : []),
    ...(query.reviewType ? [`f."review_type" = ${parameters.add(query.reviewType)}`] : []),
    ...(query.regionCode ? [`COALESCE(o."region", f."region_code") = ${parameters.add(query.regionCode)}`] : []),
    ...(query.organisationCode ? [`COALESCE(o."icb", f."organisation_code") = ${parameters.add(query.organisationCode)}`] : []),
  ];
}

/**
 * The CTEs `"<name>_org"` and `"<name>"` (after a `WITH`): the rows of a fact table the caller may see and asked for, each with
 * its ICB and region in the hierarchy in force today (`icb_code`, `region_in_force`; a code the
 * hierarchy does not know stays as submitted) and its `period`.
 */
export function scopedFacts(parameters: SqlParameters, schema: string, source: FactSource, scope: ReportScope, query: ReportQueryDto, name = 'scoped'): string {
  const rollUp = `unnest(${parameters.add(scope.rollUp.codes, 'varchar[]')}, ${parameters.add(scope.rollUp.icbs, 'varchar[]')}, ${parameters.add(scope.rollUp.regions, 'varchar[]')}) AS o("code", "icb", "region")`;
  const conditions = [scopeCondition(parameters, scope), ...filterConditions(parameters, query)];
  return `"${name}_org" AS (SELECT * FROM ${rollUp}),
  "${name}" AS (
    SELECT f.*, d."day" AS "fact_day", ${PERIOD_COLUMN[query.period ?? 'all']} AS "period",
           COALESCE(o."icb", f."organisation_code") AS "icb_code", COALESCE(o."region", f."region_code") AS "region_in_force"
    FROM ${warehouseTable(schema, source.table)} f
    JOIN ${warehouseTable(schema, 'date_dim')} d ON d."day" = ${source.day}
    LEFT JOIN "${name}_org" o ON o."code" = f."organisation_code"
    WHERE ${conditions.join(' AND ')}
  )`;
}
