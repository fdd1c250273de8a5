import type { SqlParameters } from '@scrt/persistence';
import { qualifiedTable } from '@scrt/messaging';
import type { ReportQueryDto, ReportPeriod } from './dto/report-query.dto.js';
import type { DayRange } from './report-months.js';
import type { ReportScope } from './report-scope.js';

const PERIOD_COLUMN: Record<ReportPeriod, string> = { month: 'd."month"', quarter: 'd."quarter"', financialYear: 'd."financial_year"', all: "'all'" };
export const periodColumn = (period: ReportPeriod | undefined) => PERIOD_COLUMN[period ?? 'all'];

/** A fact table a report reads: which table, and which of its dates places a row in a period. */
export interface FactSource {
  table: string;
  /** SQL of the row's day (alias `f`); its month is the fact's `summary_month`. */
  day: string;
}

/** Cases are placed by the date added (the referral), or the day they were recorded for old events without it. */
export const CASES: FactSource = { table: 'case_fact', day: `COALESCE(f."date_added", (f."recorded_at" AT TIME ZONE 'Europe/London')::date)` };
export const REVIEWS: FactSource = { table: 'review_fact', day: `(f."created_at" AT TIME ZONE 'Europe/London')::date` };
export const LEARNING: FactSource = { table: 'learning_fact', day: `COALESCE(f."occurred_on", f."due_on")` };

export const warehouseTable = (schema: string, table: string) => qualifiedTable(schema, table);

/** Which facts a report's cells are computed from: a condition on the fact (alias `f`). */
export type FactSelection = (parameters: SqlParameters, source: FactSource) => string;

/** The facts of these cells (month and organisation as submitted): what the summaries are refreshed from. */
export const factsOfCells =
  (months: string[], organisationCodes: string[]): FactSelection =>
  (parameters) =>
    `(f."summary_month", f."organisation_code") IN (SELECT * FROM unnest(${parameters.add(months, 'date[]')}, ${parameters.add(organisationCodes, 'varchar[]')}))`;

/** The facts of these days the caller may see: the part of a month a report's dates cut through. */
export const factsOfDays =
  (scope: ReportScope, days: DayRange): FactSelection =>
  (parameters, source) =>
    `${scopeCondition(parameters, scope, 'f')} AND ${source.day} BETWEEN ${parameters.add(days.from, 'date')} AND ${parameters.add(days.to, 'date')}`;

/** Whether a row (by its submitted organisation and region, alias given) is within the caller's scope. */
export function scopeCondition(parameters: SqlParameters, scope: ReportScope, alias: string): string {
  if (scope.visibleCodes === null) return 'TRUE';
  const visible = `${alias}."organisation_code" = ANY(${parameters.add(scope.visibleCodes, 'varchar[]')})`;
  if (scope.unknownCodesOfRegion === null) return visible;
  return `(${visible} OR (${alias}."organisation_code" <> ALL(${parameters.add(scope.knownCodes, 'varchar[]')}) AND ${alias}."region_code" = ${parameters.add(scope.unknownCodesOfRegion, 'varchar')}))`;
}

/** The hierarchy in force today as a table `o` ("code", "icb", "region"): where each known code rolls up to. */
export const rollUpRows = (parameters: SqlParameters, scope: ReportScope) =>
  `unnest(${parameters.add(scope.rollUp.codes, 'varchar[]')}, ${parameters.add(scope.rollUp.icbs, 'varchar[]')}, ${parameters.add(scope.rollUp.regions, 'varchar[]')}) AS o("code", "icb", "region")`;

/** The report filters other than dates, on rows placed in the hierarchy in force (`placed`, joined to the roll-up `o`). */
export function filterConditions(parameters: SqlParameters, query: ReportQueryDto): string[] {
  return [
    ...(query.reviewType ? [`c."review_type" = ${parameters.add(query.reviewType, 'varchar')}`] : []),
    ...(query.regionCode ? [`COALESCE(o."region", c."region_code") = ${parameters.add(query.regionCode, 'varchar')}`] : []),
    ...(query.organisationCode ? [`COALESCE(o."icb", c."organisation_code") = ${parameters.add(query.organisationCode, 'varchar')}`] : []),
  ];
}

/**
 * The CTE `"<name>"` (after a `WITH`): the selected rows of a fact table, each with its cell (`period`: the month,
 * `icb_code` and `region_in_force`: the organisation and region as submitted) and its day (`fact_day`).
 */
export function cellFacts(parameters: SqlParameters, schema: string, source: FactSource, selection: FactSelection, name = 'scoped'): string {
  return `"${name}" AS (
    SELECT f.*, ${source.day} AS "fact_day", f."summary_month" AS "period", f."organisation_code" AS "icb_code", f."region_code" AS "region_in_force"
    FROM ${warehouseTable(schema, source.table)} f
    WHERE f."summary_month" IS NOT NULL AND ${selection(parameters, source)}
  )`;
}
