import type { SqlParameters } from '@scrt/persistence';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import { CASES, LEARNING, REVIEWS, scopedFacts, warehouseTable } from './report-sql.js';
import type { ReportScope } from './report-scope.js';

export const ReportNames = ['caseload', 'conversion', 'timeliness', 'themes', 'learning', 'workload', 'data-quality'] as const;
export type ReportName = (typeof ReportNames)[number];

/** One report: its columns (the CSV header, in order) and its query over the warehouse. */
export interface ReportDefinition {
  name: ReportName;
  /** The audit's resource type. */
  resourceType: string;
  columns: string[];
  sql(parameters: SqlParameters, schema: string, scope: ReportScope, query: ReportQueryDto, today: string): string;
}

const GROUPED = `"period", "region_in_force" AS "regionCode", "icb_code" AS "organisationCode"`;

/** Whether each case's reviews are all closed (a case without reviews is open). */
const closedCases = (schema: string) =>
  `(SELECT "case_id", bool_and("status" = 'closed') AS "closed" FROM ${warehouseTable(schema, 'review_fact')} GROUP BY "case_id")`;

const caseload: ReportDefinition = {
  name: 'caseload',
  resourceType: 'caseload-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'cases', 'open', 'closed', 'withdrawn'],
  sql: (parameters, schema, scope, query) => `WITH ${scopedFacts(parameters, schema, CASES, scope, query)}
    SELECT ${GROUPED}, s."review_type" AS "reviewType",
      count(*) FILTER (WHERE NOT s."withdrawn")::int AS "cases",
      count(*) FILTER (WHERE NOT s."withdrawn" AND NOT COALESCE(c."closed", false))::int AS "open",
      count(*) FILTER (WHERE NOT s."withdrawn" AND COALESCE(c."closed", false))::int AS "closed",
      count(*) FILTER (WHERE s."withdrawn")::int AS "withdrawn"
    FROM "scoped" s LEFT JOIN ${closedCases(schema)} c ON c."case_id" = s."case_id"
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
};

const themes: ReportDefinition = {
  name: 'themes',
  resourceType: 'themes-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'source', 'themeCode', 'count', 'asFirstTheme'],
  sql: (parameters, schema, scope, query) => {
    const cases = scopedFacts(parameters, schema, CASES, scope, query);
    const recommendations = scopedFacts(parameters, schema, LEARNING, scope, query, 'scoped_l');
    return `WITH ${cases}, ${recommendations}
    SELECT * FROM (
      SELECT ${GROUPED}, s."review_type" AS "reviewType", 'case' AS "source", t."theme_code" AS "themeCode", count(*)::int AS "count", count(*) FILTER (WHERE t."position" = 1)::int AS "asFirstTheme"
      FROM "scoped" s JOIN ${warehouseTable(schema, 'case_theme_fact')} t ON t."case_id" = s."case_id" WHERE NOT s."withdrawn" GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      SELECT ${GROUPED}, l."review_type", 'recommendation', l."theme_code", count(*)::int, NULL
      FROM "scoped_l" l WHERE l."kind" = 'recommendation' AND l."theme_code" IS NOT NULL GROUP BY 1, 2, 3, 4, 6
    ) AS "themes" ORDER BY 1, 2, 3, 4, 5, 6`;
  },
};

const workload: ReportDefinition = {
  name: 'workload',
  resourceType: 'workload-report',
  columns: ['period', 'regionCode', 'organisationCode', 'designatedProfessional', 'cases', 'open'],
  sql: (parameters, schema, scope, query) => `WITH ${scopedFacts(parameters, schema, CASES, scope, query)}
    SELECT ${GROUPED}, s."designated_professional" AS "designatedProfessional", count(*)::int AS "cases",
      count(*) FILTER (WHERE NOT COALESCE(c."closed", false))::int AS "open"
    FROM "scoped" s LEFT JOIN ${closedCases(schema)} c ON c."case_id" = s."case_id"
    WHERE NOT s."withdrawn"
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 NULLS LAST`,
};

/** Records not changed for this long while open are stale. */
const STALE_AFTER_DAYS = 180;

const dataQuality: ReportDefinition = {
  name: 'data-quality',
  resourceType: 'data-quality-report',
  columns: ['period', 'regionCode', 'organisationCode', 'cases', 'missingIdentifiers', 'dateOrderBreaks', 'staleRecords', 'closedWithoutSignOff'],
  sql: (parameters, schema, scope, query, today) => {
    const sql = scopedFacts(parameters, schema, CASES, scope, query);
    const todayParameter = parameters.add(today, 'date');
    return `WITH ${sql}, "review_quality" AS (
      SELECT "case_id", bool_and("status" = 'closed') AS "closed",
        bool_or("status" = 'closed' AND "signed_off_on" IS NULL AND COALESCE("publication_state", '') NOT IN ('PUBLISHED', 'EMBARGOED')) AS "closed_without_sign_off",
        bool_or("signed_off_on" > "published_on" OR "signed_off_on" > ${todayParameter} OR "published_on" > ${todayParameter}) AS "date_order_break"
      FROM ${warehouseTable(schema, 'review_fact')} GROUP BY "case_id"
    )
    SELECT ${GROUPED}, count(*)::int AS "cases",
      count(*) FILTER (WHERE s."identifier_count" = 0)::int AS "missingIdentifiers",
      count(*) FILTER (WHERE s."incident_date" > s."fact_day" OR s."fact_day" > ${todayParameter} OR COALESCE(q."date_order_break", false))::int AS "dateOrderBreaks",
      count(*) FILTER (WHERE NOT COALESCE(q."closed", false) AND COALESCE(s."updated_at", s."recorded_at") < ${todayParameter} - ${STALE_AFTER_DAYS})::int AS "staleRecords",
      count(*) FILTER (WHERE COALESCE(q."closed_without_sign_off", false))::int AS "closedWithoutSignOff"
    FROM "scoped" s LEFT JOIN "review_quality" q ON q."case_id" = s."case_id"
    WHERE NOT s."withdrawn"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  },
};

const conversion: ReportDefinition = {
  name: 'conversion',
  resourceType: 'conversion-report',
  columns: ['period', 'regionCode', 'organisationCode', 'rapidReviews', 'converted', 'toCspr', 'toSar', 'toDhr', 'conversionRate'],
  sql: (parameters, schema, scope, query) => `WITH ${scopedFacts(parameters, schema, REVIEWS, scope, { ...query, reviewType: 'RAPID_REVIEW' })}
    SELECT ${GROUPED}, count(*)::int AS "rapidReviews", count(t."review_id")::int AS "converted",
      count(*) FILTER (WHERE t."review_type" LIKE 'CSPR%')::int AS "toCspr",
      count(*) FILTER (WHERE t."review_type" = 'SAR')::int AS "toSar",
      count(*) FILTER (WHERE t."review_type" LIKE 'DHR%')::int AS "toDhr",
      round(count(t."review_id")::numeric / count(*), 4)::float8 AS "conversionRate"
    FROM "scoped" s LEFT JOIN ${warehouseTable(schema, 'review_fact')} t ON t."review_id" = s."converted_to_id"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
};

const timeliness: ReportDefinition = {
  name: 'timeliness',
  resourceType: 'timeliness-report',
  columns: ['period', 'regionCode', 'organisationCode', 'reviewType', 'reviews', 'medianDaysToDecision', 'medianDaysToSignOff', 'medianDaysToPublication', 'pastTargetNow', 'meanSlippageDays', 'embargoed', 'oldestEmbargoDays'],
  sql: (parameters, schema, scope, query, today) => {
    const sql = scopedFacts(parameters, schema, REVIEWS, scope, query);
    const todayParameter = parameters.add(today, 'date');
    const transitions = warehouseTable(schema, 'stage_transition_fact');
    return `WITH ${sql}, "timed" AS (
      SELECT s.*, COALESCE(c."date_added", (c."recorded_at" AT TIME ZONE 'Europe/London')::date, s."fact_day") AS "referred_on",
        (SELECT min(t."entered_on") FROM ${transitions} t WHERE t."review_id" = s."review_id" AND t."to_stage" = 'DECISION') AS "decided_on",
        (SELECT t."target_on" FROM ${transitions} t WHERE t."review_id" = s."review_id" AND t."to_stage" = s."stage" ORDER BY t."entered_on" DESC LIMIT 1) AS "stage_target_on",
        (SELECT avg(t."slippage_days") FROM ${transitions} t WHERE t."review_id" = s."review_id") AS "slippage"
      FROM "scoped" s LEFT JOIN ${warehouseTable(schema, 'case_fact')} c ON c."case_id" = s."case_id"
    )
    SELECT ${GROUPED}, "review_type" AS "reviewType", count(*)::int AS "reviews",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "decided_on" - "referred_on")::float8 AS "medianDaysToDecision",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "signed_off_on" - "referred_on")::float8 AS "medianDaysToSignOff",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "published_on" - "referred_on")::float8 AS "medianDaysToPublication",
      count(*) FILTER (WHERE "status" = 'open' AND "stage_target_on" < ${todayParameter})::int AS "pastTargetNow",
      round(avg("slippage"), 1)::float8 AS "meanSlippageDays",
      count(*) FILTER (WHERE "publication_state" = 'EMBARGOED')::int AS "embargoed",
      max(${todayParameter} - "stage_date") FILTER (WHERE "publication_state" = 'EMBARGOED')::int AS "oldestEmbargoDays"
    FROM "timed" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
  },
};

const learning: ReportDefinition = {
  name: 'learning',
  resourceType: 'learning-report',
  columns: ['period', 'regionCode', 'organisationCode', 'kind', 'status', 'items', 'overdue'],
  sql: (parameters, schema, scope, query, today) => {
    const sql = scopedFacts(parameters, schema, LEARNING, scope, query);
    return `WITH ${sql}
    SELECT ${GROUPED}, s."kind", s."status", count(*)::int AS "items",
      count(*) FILTER (WHERE s."due_on" < ${parameters.add(today, 'date')} AND s."completed_on" IS NULL)::int AS "overdue"
    FROM "scoped" s GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5 NULLS LAST`;
  },
};

export const REPORTS: Record<ReportName, ReportDefinition> = { caseload, conversion, timeliness, themes, learning, workload, 'data-quality': dataQuality };
