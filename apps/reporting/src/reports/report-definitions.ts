import type { SqlParameters } from '@scrt/persistence';
import { CASES, cellFacts, LEARNING, REVIEWS, warehouseTable, type FactSelection } from './report-sql.js';

export const ReportNames = ['caseload', 'conversion', 'timeliness', 'themes', 'learning', 'workload', 'data-quality'] as const;
export type ReportName = (typeof ReportNames)[number];

/** SQL of the combined cells' i-th measure (1-based) in a report's output expressions. */
export type MeasureOf = (index: number) => string;

/**
 * One report: its columns (the CSV header, in order), how one cell (a month of one organisation as
 * submitted) is computed from the facts, and how cells combine into its rows.
 */
export interface ReportDefinition {
  name: ReportName;
  /** The audit's resource type. */
  resourceType: string;
  columns: string[];
  /** Whether rows are per review type (`reviewType` column); every cell is, for the filter. */
  perReviewType: boolean;
  /** Columns that group rows besides period, region, organisation and review type. */
  keys: string[];
  /** How many measures (`m1`...) and sample arrays (`s1`..., at most 3) each cell carries. */
  measures: number;
  samples?: 1 | 2 | 3;
  /** Measures (1-based) that combine as their least, as the earliest day does; the others add up. */
  leastOf?: number[];
  /** Every other column from the combined cells: an aggregate over `measure(i)`, or the median of the i-th samples (only where no grouping column is ever null). */
  outputs: Record<string, { of: (measure: MeasureOf, today: () => string) => string } | { medianOfSamples: 1 | 2 | 3 }>;
  /** Only cells of this review type (the filter is fixed). */
  onlyReviewType?: string;
  /**
   * The cells of the selected facts: columns `period` (the month), `regionCode`, `organisationCode`, `reviewType`, the keys, then
   * measures `m1`... (numbers), and for medians `s1`... (the distinct values, ascending) with `c1`... (how often each occurs).
   */
  cells(parameters: SqlParameters, schema: string, selection: FactSelection, today: string): string;
}

/** A cell's columns from scoped facts (by their alias). */
const cellOf = (alias: string) => `${alias}."period", ${alias}."region_in_force" AS "regionCode", ${alias}."icb_code" AS "organisationCode", ${alias}."review_type" AS "reviewType"`;
const sumOf = (index: number) => (measure: MeasureOf) => `sum(${measure(index)})::int`;

/** Whether each scoped case's reviews are all closed (a case without reviews is open). */
const closedCases = (schema: string) =>
  `(SELECT r."case_id", bool_and(r."status" = 'closed') AS "closed" FROM ${warehouseTable(schema, 'review_fact')} r WHERE r."case_id" IN (SELECT "case_id" FROM "scoped") GROUP BY r."case_id")`;

const caseload: ReportDefinition = {
  name: 'caseload',
  resourceType: 'caseload-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'cases', 'open', 'closed', 'withdrawn'],
  perReviewType: true,
  keys: [],
  measures: 4,
  outputs: { cases: { of: sumOf(1) }, open: { of: sumOf(2) }, closed: { of: sumOf(3) }, withdrawn: { of: sumOf(4) } },
  cells: (parameters, schema, selection) => `WITH ${cellFacts(parameters, schema, CASES, selection)}
    SELECT ${cellOf('s')},
      count(*) FILTER (WHERE NOT s."withdrawn") AS "m1",
      count(*) FILTER (WHERE NOT s."withdrawn" AND NOT COALESCE(c."closed", false)) AS "m2",
      count(*) FILTER (WHERE NOT s."withdrawn" AND COALESCE(c."closed", false)) AS "m3",
      count(*) FILTER (WHERE s."withdrawn") AS "m4"
    FROM "scoped" s LEFT JOIN ${closedCases(schema)} c ON c."case_id" = s."case_id"
    GROUP BY 1, 2, 3, 4`,
};

const themes: ReportDefinition = {
  name: 'themes',
  resourceType: 'themes-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'source', 'themeCode', 'count', 'asFirstTheme'],
  perReviewType: true,
  keys: ['source', 'themeCode'],
  measures: 2,
  outputs: { count: { of: sumOf(1) }, asFirstTheme: { of: sumOf(2) } },
  cells: (parameters, schema, selection) => `WITH ${cellFacts(parameters, schema, CASES, selection)}, ${cellFacts(parameters, schema, LEARNING, selection, 'scoped_l')}
    SELECT ${cellOf('s')}, 'case' AS "source", t."theme_code" AS "themeCode", count(*) AS "m1", count(*) FILTER (WHERE t."position" = 1) AS "m2"
    FROM "scoped" s JOIN ${warehouseTable(schema, 'case_theme_fact')} t ON t."case_id" = s."case_id" WHERE NOT s."withdrawn" GROUP BY 1, 2, 3, 4, 6
    UNION ALL
    SELECT ${cellOf('l')}, 'recommendation', l."theme_code", count(*), NULL
    FROM "scoped_l" l WHERE l."kind" = 'recommendation' AND l."theme_code" IS NOT NULL GROUP BY 1, 2, 3, 4, 6`,
};

const workload: ReportDefinition = {
  name: 'workload',
  resourceType: 'workload-report',
  columns: ['period', 'regionCode', 'organisationCode', 'designatedProfessional', 'cases', 'open'],
  perReviewType: false,
  keys: ['designatedProfessional'],
  measures: 2,
  outputs: { cases: { of: sumOf(1) }, open: { of: sumOf(2) } },
  cells: (parameters, schema, selection) => `WITH ${cellFacts(parameters, schema, CASES, selection)}
    SELECT ${cellOf('s')}, s."designated_professional" AS "designatedProfessional", count(*) AS "m1", count(*) FILTER (WHERE NOT COALESCE(c."closed", false)) AS "m2"
    FROM "scoped" s LEFT JOIN ${closedCases(schema)} c ON c."case_id" = s."case_id"
    WHERE NOT s."withdrawn"
    GROUP BY 1, 2, 3, 4, 5`,
};

/** Records not changed for this long while open are stale. */
export const STALE_AFTER_DAYS = 180;

const dataQuality: ReportDefinition = {
  name: 'data-quality',
  resourceType: 'data-quality-report',
  columns: ['period', 'regionCode', 'organisationCode', 'cases', 'missingIdentifiers', 'dateOrderBreaks', 'staleRecords', 'closedWithoutSignOff'],
  perReviewType: false,
  keys: [],
  measures: 5,
  outputs: { cases: { of: sumOf(1) }, missingIdentifiers: { of: sumOf(2) }, dateOrderBreaks: { of: sumOf(3) }, staleRecords: { of: sumOf(4) }, closedWithoutSignOff: { of: sumOf(5) } },
  cells: (parameters, schema, selection, today) => {
    const sql = cellFacts(parameters, schema, CASES, selection);
    const todayParameter = parameters.add(today, 'date');
    return `WITH ${sql}, "review_quality" AS (
      SELECT "case_id", bool_and("status" = 'closed') AS "closed",
        bool_or("status" = 'closed' AND "signed_off_on" IS NULL AND COALESCE("publication_state", '') NOT IN ('PUBLISHED', 'EMBARGOED')) AS "closed_without_sign_off",
        bool_or("signed_off_on" > "published_on" OR "signed_off_on" > ${todayParameter} OR "published_on" > ${todayParameter}) AS "date_order_break"
      FROM ${warehouseTable(schema, 'review_fact')} WHERE "case_id" IN (SELECT "case_id" FROM "scoped") GROUP BY "case_id"
    )
    SELECT ${cellOf('s')}, count(*) AS "m1",
      count(*) FILTER (WHERE s."identifier_count" = 0) AS "m2",
      count(*) FILTER (WHERE s."incident_date" > s."fact_day" OR s."fact_day" > ${todayParameter} OR COALESCE(q."date_order_break", false)) AS "m3",
      count(*) FILTER (WHERE NOT COALESCE(q."closed", false) AND COALESCE(s."updated_at", s."recorded_at") < ${todayParameter} - ${STALE_AFTER_DAYS}) AS "m4",
      count(*) FILTER (WHERE COALESCE(q."closed_without_sign_off", false)) AS "m5"
    FROM "scoped" s LEFT JOIN "review_quality" q ON q."case_id" = s."case_id"
    WHERE NOT s."withdrawn"
    GROUP BY 1, 2, 3, 4`;
  },
};

const conversion: ReportDefinition = {
  name: 'conversion',
  resourceType: 'conversion-report',
  columns: ['period', 'regionCode', 'organisationCode', 'rapidReviews', 'converted', 'toCspr', 'toSar', 'toDhr', 'conversionRate'],
  perReviewType: false,
  keys: [],
  measures: 5,
  onlyReviewType: 'RAPID_REVIEW',
  outputs: {
    rapidReviews: { of: sumOf(1) },
    converted: { of: sumOf(2) },
    toCspr: { of: sumOf(3) },
    toSar: { of: sumOf(4) },
    toDhr: { of: sumOf(5) },
    conversionRate: { of: (measure) => `round((sum(${measure(2)}) / NULLIF(sum(${measure(1)}), 0))::numeric, 4)::float8` },
  },
  cells: (parameters, schema, selection) => `WITH ${cellFacts(parameters, schema, REVIEWS, selection)}
    SELECT ${cellOf('s')}, count(*) AS "m1", count(t."review_id") AS "m2",
      count(*) FILTER (WHERE t."review_type" LIKE 'CSPR%') AS "m3",
      count(*) FILTER (WHERE t."review_type" = 'SAR') AS "m4",
      count(*) FILTER (WHERE t."review_type" LIKE 'DHR%') AS "m5"
    FROM "scoped" s LEFT JOIN ${warehouseTable(schema, 'review_fact')} t ON t."review_id" = s."converted_to_id"
    WHERE s."review_type" = 'RAPID_REVIEW'
    GROUP BY 1, 2, 3, 4`,
};

/** A day as a number (days since 1970), so that the earliest of several cells is their least. */
const DAY_NUMBER_ORIGIN = `date '1970-01-01'`;

const timeliness: ReportDefinition = {
  name: 'timeliness',
  resourceType: 'timeliness-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'reviews', 'medianDaysToDecision', 'medianDaysToSignOff', 'medianDaysToPublication', 'pastTargetNow', 'meanSlippageDays', 'embargoed', 'oldestEmbargoDays'],
  perReviewType: true,
  keys: [],
  measures: 6,
  samples: 3,
  leastOf: [6],
  outputs: {
    reviews: { of: sumOf(1) },
    medianDaysToDecision: { medianOfSamples: 1 },
    medianDaysToSignOff: { medianOfSamples: 2 },
    medianDaysToPublication: { medianOfSamples: 3 },
    pastTargetNow: { of: sumOf(2) },
    meanSlippageDays: { of: (measure) => `round((sum(${measure(3)}) / NULLIF(sum(${measure(4)}), 0))::numeric, 1)::float8` },
    embargoed: { of: sumOf(5) },
    oldestEmbargoDays: { of: (measure, today) => `(${today()} - ${DAY_NUMBER_ORIGIN} - min(${measure(6)}))::int` },
  },
  cells: (parameters, schema, selection, today) => {
    const sql = cellFacts(parameters, schema, REVIEWS, selection);
    const todayParameter = parameters.add(today, 'date');
    const transitions = warehouseTable(schema, 'stage_transition_fact');
    return `WITH ${sql}, "timed" AS (
      SELECT s.*, COALESCE(c."date_added", (c."recorded_at" AT TIME ZONE 'Europe/London')::date, s."fact_day") AS "referred_on",
        (SELECT min(t."entered_on") FROM ${transitions} t WHERE t."review_id" = s."review_id" AND t."to_stage" = 'DECISION') AS "decided_on",
        (SELECT t."target_on" FROM ${transitions} t WHERE t."review_id" = s."review_id" AND t."to_stage" = s."stage" ORDER BY t."entered_on" DESC LIMIT 1) AS "stage_target_on",
        (SELECT avg(t."slippage_days") FROM ${transitions} t WHERE t."review_id" = s."review_id") AS "slippage"
      FROM "scoped" s LEFT JOIN ${warehouseTable(schema, 'case_fact')} c ON c."case_id" = s."case_id"
    )
    , "days" AS (
      SELECT s."period", s."region_in_force", s."icb_code", s."review_type", "days".*
      FROM "timed" s, LATERAL (VALUES (1, "decided_on" - "referred_on"), (2, "signed_off_on" - "referred_on"), (3, "published_on" - "referred_on")) AS "days"("measure", "value")
      WHERE "days"."value" IS NOT NULL
    ), "histograms" AS (
      SELECT "period", "region_in_force", "icb_code", "review_type",
        ${[1, 2, 3].map((index) => `array_agg("value" ORDER BY "value") FILTER (WHERE "measure" = ${index}) AS "s${index}", array_agg("occurrences" ORDER BY "value") FILTER (WHERE "measure" = ${index}) AS "c${index}"`).join(',\n        ')}
      FROM (SELECT "period", "region_in_force", "icb_code", "review_type", "measure", "value", count(*) AS "occurrences" FROM "days" GROUP BY 1, 2, 3, 4, 5, 6) AS "counted"
      GROUP BY 1, 2, 3, 4
    )
    SELECT ${cellOf('s')}, count(*) AS "m1",
      count(*) FILTER (WHERE s."status" = 'open' AND s."stage_target_on" < ${todayParameter}) AS "m2",
      sum(s."slippage") AS "m3", count(s."slippage") AS "m4",
      count(*) FILTER (WHERE s."publication_state" = 'EMBARGOED') AS "m5",
      min(s."stage_date" - ${DAY_NUMBER_ORIGIN}) FILTER (WHERE s."publication_state" = 'EMBARGOED') AS "m6",
      min(h."s1") AS "s1", min(h."c1") AS "c1", min(h."s2") AS "s2", min(h."c2") AS "c2", min(h."s3") AS "s3", min(h."c3") AS "c3"
    FROM "timed" s LEFT JOIN "histograms" h USING ("period", "region_in_force", "icb_code", "review_type")
    GROUP BY 1, 2, 3, 4`;
  },
};

const learning: ReportDefinition = {
  name: 'learning',
  resourceType: 'learning-report',
  columns: ['period', 'regionCode', 'organisationCode', 'kind', 'status', 'items', 'overdue'],
  perReviewType: false,
  keys: ['kind', 'status'],
  measures: 2,
  outputs: { items: { of: sumOf(1) }, overdue: { of: sumOf(2) } },
  cells: (parameters, schema, selection, today) => `WITH ${cellFacts(parameters, schema, LEARNING, selection)}
    SELECT ${cellOf('s')}, s."kind", s."status", count(*) AS "m1",
      count(*) FILTER (WHERE s."due_on" < ${parameters.add(today, 'date')} AND s."completed_on" IS NULL) AS "m2"
    FROM "scoped" s GROUP BY 1, 2, 3, 4, 5, 6`,
};

export const REPORTS: Record<ReportName, ReportDefinition> = { caseload, conversion, timeliness, themes, learning, workload, 'data-quality': dataQuality };

