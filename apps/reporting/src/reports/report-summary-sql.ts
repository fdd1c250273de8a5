import type { SqlParameters } from '@scrt/persistence';
import { EARLIEST_REPORT_DATE, LATEST_REPORT_DATE } from './dto/report-date.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import type { ReportDefinition } from './report-definitions.js';
import { reportRange, SummaryGrains } from './report-months.js';
import { factsOfDays, filterConditions, periodColumn, rollUpRows, warehouseTable, type FactSelection } from './report-sql.js';
import type { ReportScope } from './report-scope.js';
import { WAREHOUSE_SCHEMA } from '../warehouse/warehouse-tables.js';

const numbered = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
export const SAMPLE_COLUMNS = ['samples', 'samples_2', 'samples_3'] as const;
export const COUNT_COLUMNS = ['sample_counts', 'sample_counts_2', 'sample_counts_3'] as const;

/**
 * The review type of a report's summary rows over all types together: kept for the reports that
 * are not per type, so that without a type filter they add up one row per cell and grouping.
 */
export const ALL_REVIEW_TYPES = '*';

/** The organisation and region of summary rows over every organisation together: a national total, read where nothing narrows it. */
export const ALL_ORGANISATIONS = '*';

/** Whether a report reads its rows over all types together. */
export const hasAllTypesRows = (report: ReportDefinition) => !report.perReviewType && !report.onlyReviewType;

/** The columns of a summary row, as `report_summary` holds them (but the report's name). */
export const SUMMARY_COLUMNS = ['month', 'organisation_code', 'region_code', 'review_type', 'keys', 'measures', ...SAMPLE_COLUMNS, ...COUNT_COLUMNS, 'medians'] as const;

/** The median (as `percentile_cont(0.5)` gives it) of a histogram: distinct values ascending, and how often each occurs. */
export function histogramMedianSql(values: string, occurrences: string): string {
  return `(SELECT (min("value") FILTER (WHERE "before_next" > floor(("total" - 1) / 2.0)) + min("value") FILTER (WHERE "before_next" > ceil(("total" - 1) / 2.0)))::float8 / 2
      FROM (SELECT h."value", sum(h."occurrences") OVER (ORDER BY h."value") AS "before_next", sum(h."occurrences") OVER () AS "total" FROM unnest(${values}, ${occurrences}) AS h("value", "occurrences")) AS "cumulative")`;
}

/** The medians of a summary row's histograms, in the order of its sample columns. */
export const rowMediansSql = (report: ReportDefinition, valuesOf: (index: number) => string, occurrencesOf: (index: number) => string) =>
  `ARRAY[${numbered(report.samples ?? 0)
    .map((index) => histogramMedianSql(valuesOf(index), occurrencesOf(index)))
    .join(', ')}]::float8[]`;

/** A report's cells of the selected facts, shaped as summary rows (`SUMMARY_COLUMNS`). */
export function summaryRows(parameters: SqlParameters, schema: string, report: ReportDefinition, selection: FactSelection, today: string): string {
  const keys = report.keys.map((key) => `"${key}"::text`).join(', ');
  const measures = numbered(report.measures).map((index) => `"m${index}"`).join(', ');
  const arrays = (columns: readonly string[], prefix: string) =>
    columns.map((column, index) => `${index < (report.samples ?? 0) ? `COALESCE("${prefix}${index + 1}", '{}')::int[]` : `'{}'::int[]`} AS "${column}"`);
  const samples = [...arrays(SAMPLE_COLUMNS, 's'), ...arrays(COUNT_COLUMNS, 'c')];
  const medians = rowMediansSql(report, (index) => `"s${index}"`, (index) => `"c${index}"`);
  return `SELECT "period" AS "month", "organisation_code", "region_code", "review_type", "keys", "measures", ${[...SAMPLE_COLUMNS, ...COUNT_COLUMNS].map((column) => `"${column}"`).join(', ')}, ${medians} AS "medians"
    FROM (SELECT "period", "organisationCode" AS "organisation_code", "regionCode" AS "region_code", "reviewType" AS "review_type",
      ARRAY[${keys}]::text[] AS "keys", ARRAY[${measures}]::float8[] AS "measures", ${samples.join(', ')}${numbered(report.samples ?? 0)
        .map((index) => `, "s${index}", "c${index}"`)
        .join('')}
      FROM (${report.cells(parameters, schema, selection, today)}) AS "cell") AS "row"`;
}

/**
 * The CTE `"median_<name>"`: per group of more than one row (a group of one has its row's median), the median of the
 * values the rows count in their `index`-th histogram: the mean of the values at the middle position(s) of the group's values in order.
 */
function medianSql(name: string, grouped: string, positions: string, groupNames: string, index: number): string {
  return `"median_${name}" AS (
      SELECT ${groupNames}, (min("value") FILTER (WHERE "before_next" > floor(("total" - 1) / 2.0)) + min("value") FILTER (WHERE "before_next" > ceil(("total" - 1) / 2.0)))::float8 / 2 AS "value"
      FROM (
        SELECT ${groupNames}, "value", sum("occurrences") OVER (PARTITION BY ${groupNames} ORDER BY "value") AS "before_next", sum("occurrences") OVER (PARTITION BY ${groupNames}) AS "total"
        FROM (SELECT ${grouped}, h."value", sum(h."occurrences") AS "occurrences" FROM "grouped" c, unnest(c."${SAMPLE_COLUMNS[index]}", c."${COUNT_COLUMNS[index]}") AS h("value", "occurrences")
          WHERE c."rows_in_group" > 1 GROUP BY ${positions}, h."value") AS "counted"
      ) AS "cumulative" GROUP BY ${groupNames})`;
}

/**
 * The CTE `"present_codes"`: the organisation codes the summaries hold, found by one index probe each
 * (a few dozen), so that a region reads the rows of codes outside the hierarchy by index too.
 */
const presentCodesSql = (schema: string) => {
  const summary = warehouseTable(schema, 'report_summary');
  return `"present_codes" AS (
      SELECT min("organisation_code") AS "code" FROM ${summary}
      UNION ALL SELECT (SELECT min("organisation_code") FROM ${summary} WHERE "organisation_code" > p."code") FROM "present_codes" p WHERE p."code" IS NOT NULL)`;
};

/**
 * The caller's scope on summary rows as conditions that share no row, each of which an index answers: the
 * codes the caller sees, and for a region the codes the hierarchy does not know, submitted in the region.
 */
function summaryScopeConditions(parameters: SqlParameters, scope: ReportScope): string[] {
  if (scope.visibleCodes === null) return ['TRUE'];
  const visible = `s."organisation_code" = ANY(${parameters.add(scope.visibleCodes, 'varchar[]')})`;
  if (scope.unknownCodesOfRegion === null) return [visible];
  const unknownCodes = `ARRAY(SELECT "code" FROM "present_codes" WHERE "code" <> ALL(${parameters.add(scope.knownCodes, 'varchar[]')}))`;
  return [visible, `s."organisation_code" = ANY(${unknownCodes}) AND s."region_code" = ${parameters.add(scope.unknownCodesOfRegion, 'varchar')}`];
}

/** Where a report's whole months come from: the summaries, or (what they must equal) the facts. */
export type ReportSource = 'summaries' | 'facts';

/**
 * A report's rows for the caller's scope and filters: the summaries of the whole months asked for,
 * and the facts of the days of a month only partly asked for, each placed in the hierarchy in force
 * today (a code the hierarchy does not know stays as submitted) and combined by period and area.
 */
export function reportSql(parameters: SqlParameters, schema: string, report: ReportDefinition, scope: ReportScope, query: ReportQueryDto, today: string, source: ReportSource = 'summaries'): string {
  const range = source === 'summaries' ? reportRange(query.from, query.to, query.period) : { blocks: [], partDays: [{ from: query.from ?? EARLIEST_REPORT_DATE, to: query.to ?? LATEST_REPORT_DATE }] };
  const nationalTotal = scope.visibleCodes === null && query.area === 'all' && !query.regionCode && !query.organisationCode;
  const summaryConditions = [
    `s."report" = ${parameters.add(report.name, 'varchar')}`,
    `s."organisation_code" ${nationalTotal ? '=' : '<>'} '${ALL_ORGANISATIONS}'`,
    `s."review_type" ${hasAllTypesRows(report) && !query.reviewType ? '=' : '<>'} '${ALL_REVIEW_TYPES}'`,
  ].join(' AND ');
  const scopes = summaryScopeConditions(parameters, scope);
  // A part per block and scope condition: each reads its rows from the index alone.
  const summaryParts = (condition: string) =>
    scopes.map((scopeCondition) => `SELECT ${SUMMARY_COLUMNS.map((column) => `s."${column}"`).join(', ')} FROM ${warehouseTable(schema, 'report_summary')} s WHERE ${summaryConditions} AND ${scopeCondition} AND ${condition}`);
  const blocks = range.blocks.flatMap((block) =>
    summaryParts(`s."grain" = '${SummaryGrains[block.grain]}' AND s."month" BETWEEN ${parameters.add(block.first, 'date')} AND ${parameters.add(block.last, 'date')}`),
  );
  const parts = [...(blocks.length > 0 ? blocks : summaryParts('FALSE')), ...range.partDays.map((days) => summaryRows(parameters, schema, report, factsOfDays(scope, days), today))];
  const filters = filterConditions(parameters, { ...query, reviewType: report.onlyReviewType ?? query.reviewType });
  const area = query.area ?? 'icb';
  const areaGroups: [string, string][] = [
    ...(area !== 'all' ? [['regionCode', 'c."region_in_force"'] as [string, string]] : []),
    ...(area === 'icb' ? [['organisationCode', 'c."icb_code"'] as [string, string]] : []),
  ];
  const groups: [string, string][] = [
    ['period', 'c."period"'],
    ...areaGroups,
    ...(report.perReviewType ? [['reviewType', 'c."review_type"'] as [string, string]] : []),
    ...report.keys.map((key, index): [string, string] => [key, `c."keys"[${index + 1}]`]),
  ];
  // The area columns a coarser area leaves out stay in every row, empty.
  const areasLeftOut = ['regionCode', 'organisationCode'].filter((column) => !areaGroups.some(([name]) => name === column)).map((column) => `NULL::varchar AS "${column}"`);
  const grouped = groups.map(([name, sql]) => `${sql} AS "${name}"`).join(', ');
  const positions = groups.map((_, index) => index + 1).join(', ');
  let todayParameter: string | undefined;
  // Bound only where an output uses it: a parameter the statement does not use has no type.
  const todayInSql = () => (todayParameter ??= parameters.add(today, 'date'));
  const measure = (index: number) => `c."measures"[${index}]`;
  const outputs = Object.entries(report.outputs);
  const medianOutputs = outputs.flatMap(([name, output]) => ('medianOfSamples' in output ? [[name, output.medianOfSamples] as const] : []));
  const medians = medianOutputs.map(([name, index]) => medianSql(name, grouped, positions, groups.map(([group]) => `"${group}"`).join(', '), index - 1));
  const columns = report.columns.map((column) => {
    const output = report.outputs[column];
    if (!output) return `r."${column}"`;
    return 'medianOfSamples' in output ? `COALESCE("median_${column}"."value", r."${column}") AS "${column}"` : `r."${column}"`;
  });
  const medianJoins = medianOutputs.map(([name]) => `LEFT JOIN "median_${name}" ON ${groups.map(([group]) => `"median_${name}"."${group}" = r."${group}"`).join(' AND ')}`);
  const aggregates = [
    ...areasLeftOut,
    ...outputs.flatMap(([name, output]) => ('of' in output ? [`${output.of(measure, todayInSql)} AS "${name}"`] : [])),
    ...medianOutputs.map(([name, index]) => `CASE WHEN count(*) = 1 THEN min(c."medians"[${index}]) END AS "${name}"`),
  ];
  return `WITH RECURSIVE "org" AS (SELECT * FROM ${rollUpRows(parameters, scope)}),
    ${presentCodesSql(schema)},
    "cells" AS (${parts.join('\n    UNION ALL ')}),
    "placed" AS (
      SELECT c.*, ${periodColumn(query.period)} AS "period", COALESCE(o."icb", c."organisation_code") AS "icb_code", COALESCE(o."region", c."region_code") AS "region_in_force"
      FROM "cells" c JOIN ${warehouseTable(WAREHOUSE_SCHEMA, 'date_dim')} d ON d."day" = c."month" LEFT JOIN "org" o ON o."code" = c."organisation_code"
      ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}
    ),
    "grouped" AS (SELECT c.*${medians.length > 0 ? `, count(*) OVER (PARTITION BY ${groups.map(([, sql]) => sql).join(', ')}) AS "rows_in_group"` : ''} FROM "placed" c),
    "rows" AS (SELECT ${[grouped, ...aggregates].join(', ')} FROM "grouped" c GROUP BY ${positions})${medians.map((median) => `,\n    ${median}`).join('')}
    SELECT ${columns.join(', ')} FROM "rows" r ${medianJoins.join(' ')}
    ORDER BY ${groups.map(([group]) => `r."${group}"`).join(', ')}`;
}
