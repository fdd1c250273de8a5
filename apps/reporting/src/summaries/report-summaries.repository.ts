import type { SqlClient, TransactionalSqlClient } from '@scrt/messaging';
import { SqlParameters } from '@scrt/persistence';
import { REPORTS, STALE_AFTER_DAYS, type ReportDefinition } from '../reports/report-definitions.js';
import { factsOfCells } from '../reports/report-sql.js';
import { monthsIn, periodStart, SummaryGrains, type SummaryGrain } from '../reports/report-months.js';
import { ALL_ORGANISATIONS, ALL_REVIEW_TYPES, COUNT_COLUMNS, hasAllTypesRows, rowMediansSql, SAMPLE_COLUMNS, SUMMARY_COLUMNS, summaryRows } from '../reports/report-summary-sql.js';
import { WAREHOUSE_SWAP_LOCK_ORDER, type WarehouseTables } from '../warehouse/warehouse-tables.js';

/** Cells refreshed in one transaction at most: a refresh after a bulk load is cut into transactions of this size. */
export const CELLS_PER_REFRESH = 400;
/** One refresher at a time per warehouse (its schema's name picks the lock). */
const REFRESH_LOCK = `hashtext('scrt.report_summary.' || $1)`;
const REFRESH_TIMEOUT_MS = 10 * 60_000;

/** The grains kept besides months, each computed from the month rows. */
const COARSER_GRAINS = ['quarter', 'financialYear'] as const satisfies SummaryGrain[];

/** The columns a combined row is made from, after its period's first day. */
const PART_COLUMNS = ['organisation_code', 'region_code', 'review_type', 'keys', 'measures', ...SAMPLE_COLUMNS, ...COUNT_COLUMNS] as const;

const SWAP_LOCKED_WRITES = WAREHOUSE_SWAP_LOCK_ORDER.filter((name) => name === 'report_summary' || name === 'summary_dirty' || name === 'warehouse_state');

/** What one batch did: left cells to refresh, left none, or found another refresher at work. */
export type RefreshOutcome = 'more' | 'drained' | 'busy';

interface DirtyCell {
  id: bigint;
  month: string;
  organisation_code: string;
}

/**
 * Keeps every report's summaries equal to what its facts give: recomputes the cells the
 * projector marked dirty (in the transaction of each change), and once a day the cells whose
 * measures depend on today (overdue, past target, stale, dates in the future).
 */
export class ReportSummaries {
  constructor(
    private readonly db: TransactionalSqlClient,
    private readonly tables: WarehouseTables,
  ) {}

  /** Refreshes every dirty cell, a transaction per `limit` cells, unless another refresher is at work (it will). */
  async refreshAll(today: string, limit = CELLS_PER_REFRESH): Promise<void> {
    while ((await this.refreshBatch(today, limit)) === 'more');
  }

  /** Refreshes up to `limit` dirty cells, in one transaction. */
  refreshBatch(today: string, limit = CELLS_PER_REFRESH): Promise<RefreshOutcome> {
    return this.db.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS "locked"`, this.tables.schema);
        if (!locked) return 'busy';
        // The tables it writes, before it reads anything, in the order a rebuild's swap locks them: a swap that
        // waited for this refresh could otherwise come to wait on a table this one read, while this waits on it.
        await tx.$executeRawUnsafe(`LOCK TABLE ${SWAP_LOCKED_WRITES.map((name) => this.tables.table(name)).join(', ')} IN ROW EXCLUSIVE MODE`);
        const [state] = await tx.$queryRawUnsafe<{ data_as_of: Date; summaries_day: string | null }[]>(`SELECT "data_as_of", "summaries_day"::text FROM ${this.tables.table('warehouse_state')} WHERE "id" = 1`);
        if (state?.summaries_day && state.summaries_day < today) await this.markCellsChangingWithTheDay(tx, state.summaries_day, today);
        // By month: a batch's cells share few months, whose national rows it recomputes (from every organisation's).
        const dirty = await tx.$queryRawUnsafe<DirtyCell[]>(
          `SELECT "id", "month"::text, "organisation_code" FROM ${this.tables.table('summary_dirty')} ORDER BY "month", "organisation_code", "id" LIMIT ${Number(limit)}`,
        );
        const cells = new Map(dirty.map((cell) => [`${cell.month}|${cell.organisation_code}`, cell]));
        if (cells.size > 0) await this.recompute(tx, [...cells.keys()].map((key) => key.split('|') as [string, string]), today);
        await tx.$executeRawUnsafe(`DELETE FROM ${this.tables.table('summary_dirty')} WHERE "id" = ANY($1::bigint[])`, dirty.map((cell) => cell.id));
        const drained = dirty.length < limit;
        await tx.$executeRawUnsafe(
          `UPDATE ${this.tables.table('warehouse_state')} SET "summaries_day" = $1::date${drained ? `, "summaries_as_of" = $2::timestamptz` : ''} WHERE "id" = 1`,
          today,
          ...(drained ? [state?.data_as_of ?? null] : []),
        );
        return drained ? 'drained' : 'more';
      },
      { timeout: REFRESH_TIMEOUT_MS, maxWait: 10_000 },
    );
  }

  private async recompute(tx: SqlClient, cells: [string, string][], today: string): Promise<void> {
    const months = cells.map(([month]) => month);
    const organisations = cells.map(([, organisation]) => organisation);
    await this.deleteRows(tx, 'month', months, organisations);
    for (const report of Object.values(REPORTS)) {
      const parameters = new SqlParameters();
      const name = parameters.add(report.name, 'varchar');
      const rows = summaryRows(parameters, this.tables.schema, report, factsOfCells(months, organisations), today);
      await tx.$executeRawUnsafe(`INSERT INTO ${this.summary} ("report", ${SUMMARY_COLUMNS.map((column) => `"${column}"`).join(', ')}) SELECT ${name}, * FROM (${rows}) AS "rows"`, ...parameters.values);
      if (hasAllTypesRows(report)) await this.addAllTypesRows(tx, report, months, organisations);
    }
    const nationalMonths = [...new Set(months)];
    await this.deleteRows(tx, 'month', nationalMonths, nationalMonths.map(() => ALL_ORGANISATIONS));
    for (const report of Object.values(REPORTS)) await this.addNationalRows(tx, report, nationalMonths);
    const changed = [...cells, ...nationalMonths.map((month): [string, string] => [month, ALL_ORGANISATIONS])];
    for (const grain of COARSER_GRAINS) {
      const periods = new Map(changed.map(([month, organisation]) => [`${periodStart(grain, month)}|${organisation}`, [periodStart(grain, month), organisation]]));
      const starts = [...periods.values()].map(([start]) => start);
      const periodOrganisations = [...periods.values()].map(([, organisation]) => organisation);
      await this.deleteRows(tx, grain, starts, periodOrganisations);
      for (const report of Object.values(REPORTS)) await this.addCoarserRows(tx, report, grain, starts, periodOrganisations);
    }
  }

  private get summary() {
    return this.tables.table('report_summary');
  }

  /** Deletes the rows of one grain of these periods (their first days) and organisations. */
  private deleteRows(tx: SqlClient, grain: SummaryGrain, starts: string[], organisations: string[]): Promise<number> {
    return tx.$executeRawUnsafe(
      `DELETE FROM ${this.summary} WHERE "grain" = '${SummaryGrains[grain]}' AND ("organisation_code", "month") IN (SELECT * FROM unnest($1::varchar[], $2::date[]))`,
      organisations,
      starts,
    );
  }

  /** The cells' month rows over all review types together (these reports' measures are all sums). */
  private addAllTypesRows(tx: SqlClient, report: ReportDefinition, months: string[], organisations: string[]): Promise<number> {
    const sums = Array.from({ length: report.measures }, (_, index) => `sum("measures"[${index + 1}])`).join(', ');
    return tx.$executeRawUnsafe(
      `INSERT INTO ${this.summary} ("report", "month", "organisation_code", "region_code", "review_type", "keys", "measures")
       SELECT "report", "month", "organisation_code", "region_code", '${ALL_REVIEW_TYPES}', "keys", ARRAY[${sums}]::float8[]
       FROM ${this.summary} WHERE "report" = $1 AND "grain" = '${SummaryGrains.month}' AND ("organisation_code", "month") IN (SELECT * FROM unnest($3::varchar[], $2::date[]))
       GROUP BY "report", "month", "organisation_code", "region_code", "keys"`,
      report.name,
      months,
      organisations,
    );
  }

  /** A report's rows of these quarters or years (first days) and organisations, combined from their month rows. */
  private addCoarserRows(tx: SqlClient, report: ReportDefinition, grain: SummaryGrain, starts: string[], organisations: string[]): Promise<number> {
    const parts = `SELECT p."start", ${PART_COLUMNS.map((column) => `s."${column}"`).join(', ')}
      FROM unnest($2::date[], $3::varchar[]) AS p("start", "organisation_code")
      JOIN ${this.summary} s ON s."organisation_code" = p."organisation_code" AND s."grain" = '${SummaryGrains.month}'
        AND s."month" >= p."start" AND s."month" < (p."start" + interval '${monthsIn(grain)} months')::date
      WHERE s."report" = $1`;
    return this.addCombinedRows(tx, report, grain, parts, [starts, organisations]);
  }

  /** A report's rows of these months over every organisation together (what a national total reads). */
  private addNationalRows(tx: SqlClient, report: ReportDefinition, months: string[]): Promise<number> {
    const parts = `SELECT s."month" AS "start", '${ALL_ORGANISATIONS}' AS "organisation_code", '${ALL_ORGANISATIONS}' AS "region_code", ${PART_COLUMNS.slice(2).map((column) => `s."${column}"`).join(', ')}
      FROM ${this.summary} s
      WHERE s."report" = $1 AND s."grain" = '${SummaryGrains.month}' AND s."month" = ANY($2::date[]) AND s."organisation_code" <> '${ALL_ORGANISATIONS}'`;
    return this.addCombinedRows(tx, report, 'month', parts, [months]);
  }

  /**
   * Rows of one grain combined from the rows `parts` selects (from `$1`, the report, and `values` as `$2`...: the
   * period's first day as "start", then `PART_COLUMNS`), as the report combines them: measures add up (or take
   * their least), histograms merge.
   */
  private addCombinedRows(tx: SqlClient, report: ReportDefinition, grain: SummaryGrain, parts: string, values: unknown[]): Promise<number> {
    const group = `"start", "organisation_code", "region_code", "review_type", "keys"`;
    const measures = Array.from({ length: report.measures }, (_, index) => `${report.leastOf?.includes(index + 1) ? 'min' : 'sum'}("measures"[${index + 1}])`).join(', ');
    const histograms = SAMPLE_COLUMNS.slice(0, report.samples ?? 0).map(
      (column, index) => `"h${index + 1}" AS (
        SELECT ${group}, array_agg("value" ORDER BY "value") AS "values", array_agg("occurrences" ORDER BY "value") AS "occurrences"
        FROM (SELECT ${group}, h."value", sum(h."occurrences")::int AS "occurrences" FROM "parts", unnest("${column}", "${COUNT_COLUMNS[index]}") AS h("value", "occurrences") GROUP BY 1, 2, 3, 4, 5, 6) AS "merged"
        GROUP BY 1, 2, 3, 4, 5)`,
    );
    const histogramColumns = [...histograms.flatMap((_, index) => [`"${SAMPLE_COLUMNS[index]}"`, `"${COUNT_COLUMNS[index]}"`]), '"medians"'];
    const histogramValues = [
      ...histograms.flatMap((_, index) => [`COALESCE("h${index + 1}"."values", '{}')`, `COALESCE("h${index + 1}"."occurrences", '{}')`]),
      rowMediansSql(report, (index) => `"h${index}"."values"`, (index) => `"h${index}"."occurrences"`),
    ];
    return tx.$executeRawUnsafe(
      `WITH "parts" AS (${parts}),
       "combined" AS (SELECT ${group}, ARRAY[${measures}]::float8[] AS "measures" FROM "parts" GROUP BY ${group})${histograms.map((histogram) => `, ${histogram}`).join('')}
       INSERT INTO ${this.summary} ("report", "grain", "month", "organisation_code", "region_code", "review_type", "keys", "measures"${histogramColumns.map((column) => `, ${column}`).join('')})
       SELECT $1, '${SummaryGrains[grain]}', c."start", c."organisation_code", c."region_code", c."review_type", c."keys", c."measures"${histogramValues.map((value) => `, ${value}`).join('')}
       FROM "combined" c ${histograms.map((_, index) => `LEFT JOIN "h${index + 1}" USING (${group})`).join(' ')}`,
      report.name,
      ...values,
    );
  }

  /** The cells holding a fact whose overdue, past-target, stale or future-date test turns between `since` and `today`. */
  private markCellsChangingWithTheDay(tx: SqlClient, since: string, today: string): Promise<number> {
    const cases = this.tables.table('case_fact');
    const reviews = this.tables.table('review_fact');
    // A day either side: which day a timestamp falls on depends on the time zone, and a cell marked once too often costs only its refresh.
    const between = (column: string) => `${column} BETWEEN $1::date - 1 AND $2::date + 1`;
    return tx.$executeRawUnsafe(
      `INSERT INTO ${this.tables.table('summary_dirty')} ("month", "organisation_code")
       SELECT DISTINCT "summary_month", "organisation_code" FROM (
         SELECT "summary_month", "organisation_code" FROM ${this.tables.table('learning_fact')} WHERE "completed_on" IS NULL AND ${between('"due_on"')}
         UNION ALL SELECT r."summary_month", r."organisation_code" FROM ${reviews} r
           WHERE r."status" = 'open' AND EXISTS (SELECT 1 FROM ${this.tables.table('stage_transition_fact')} t WHERE t."review_id" = r."review_id" AND ${between('t."target_on"')})
         UNION ALL SELECT "summary_month", "organisation_code" FROM ${cases}
           WHERE ${between(`(COALESCE("updated_at", "recorded_at") AT TIME ZONE 'Europe/London')::date + ${STALE_AFTER_DAYS}`)} OR ${between(`COALESCE("date_added", ("recorded_at" AT TIME ZONE 'Europe/London')::date)`)}
         UNION ALL SELECT c."summary_month", c."organisation_code" FROM ${reviews} r JOIN ${cases} c ON c."case_id" = r."case_id"
           WHERE ${between('r."signed_off_on"')} OR ${between('r."published_on"')}
       ) AS "cells" WHERE "summary_month" IS NOT NULL`,
      since,
      today,
    );
  }
}
