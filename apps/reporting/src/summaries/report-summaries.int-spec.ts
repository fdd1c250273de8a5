import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pgSqlClient } from '@scrt/messaging';
import { SqlParameters } from '@scrt/persistence';
import { caseEventStream, requiredEnv, reviewEventStream, seededRandom, shuffledWithRedeliveries, type PublishedEvent } from '@scrt/testing';
import pg from 'pg';
import type { ReportQueryDto } from '../reports/dto/report-query.dto.js';
import { REPORTS } from '../reports/report-definitions.js';
import type { ReportScope } from '../reports/report-scope.js';
import { reportSql, type ReportSource } from '../reports/report-summary-sql.js';
import { WarehouseProjector } from '../warehouse/warehouse-projector.js';
import { WAREHOUSE_SCHEMA, WarehouseTables } from '../warehouse/warehouse-tables.js';
import { ReportSummaries } from './report-summaries.repository.js';

const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 4 });
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const incremental = new WarehouseTables(`wh_sum_incremental_${letters()}`);
const atOnce = new WarehouseTables(`wh_sum_at_once_${letters()}`);
const TODAY = '2026-06-15';
const NEXT_YEAR = '2027-06-20';

const rollUp = { codes: ['QWO', 'QMJ'], icbs: ['QWO', 'QMJ'], regions: ['Y63', 'Y56'] };
const SCOPES: Record<string, ReportScope> = {
  national: { tier: 'national', visibleCodes: null, unknownCodesOfRegion: null, knownCodes: rollUp.codes, rollUp },
  'ICB QWO': { tier: 'icb', organisationCode: 'QWO', visibleCodes: ['QWO'], unknownCodesOfRegion: null, knownCodes: rollUp.codes, rollUp },
  'region Y56': { tier: 'region', regionCode: 'Y56', visibleCodes: ['QMJ'], unknownCodesOfRegion: 'Y56', knownCodes: rollUp.codes, rollUp },
  // A hierarchy that does not know QMJ: the region sees QMJ's records by the region they were submitted in.
  'region Y56, QMJ unknown': { tier: 'region', regionCode: 'Y56', visibleCodes: [], unknownCodesOfRegion: 'Y56', knownCodes: ['QWO'], rollUp: { codes: ['QWO'], icbs: ['QWO'], regions: ['Y63'] } },
};
const QUERIES: ReportQueryDto[] = [
  {},
  { period: 'month' },
  { period: 'quarter', from: '2025-04-10', to: '2026-05-20' },
  { period: 'financialYear', reviewType: 'SAR' },
  { period: 'month', organisationCode: 'QMJ', from: '2026-04-01' },
  { from: '2026-05-03', to: '2026-05-09' },
  { period: 'month', to: '2025-06-30', regionCode: 'Y63' },
  // Months, a quarter, a financial year, a quarter, months: each read at its own grain.
  { period: 'financialYear', from: '2024-11-01', to: '2026-08-31' },
  { period: 'quarter', from: '2025-01-01', to: '2026-12-31', reviewType: 'RAPID_REVIEW' },
  { period: 'financialYear', area: 'region' },
  { period: 'month', area: 'all', from: '2025-03-15' },
  { area: 'all', reviewType: 'SAR' },
];

/** Events of two ICBs in two regions over two years: cases created, changed, withdrawn; reviews converted; learning. */
const casesOfQwo = caseEventStream({ cases: 12, withdrawEvery: 4, withOldCreation: true, year: 2025, random: seededRandom(21) });
const casesOfQmj = caseEventStream({ cases: 12, organisationCode: 'QMJ', regionCode: 'Y56', withdrawEvery: 5, year: 2026, random: seededRandom(22) });
const caseIds = (events: PublishedEvent[]) => [...new Set(events.map((event) => event.key))];
const cases = [...casesOfQwo, ...casesOfQmj];
const reviews = [
  ...reviewEventStream({ reviews: 6, caseIds: caseIds(casesOfQwo), random: seededRandom(23) }),
  ...reviewEventStream({ reviews: 6, organisationCode: 'QMJ', regionCode: 'Y56', caseIds: caseIds(casesOfQmj), year: 2025, random: seededRandom(24) }),
];

async function project(tables: WarehouseTables, events: PublishedEvent[], refreshEvery: number): Promise<void> {
  const projector = new WarehouseProjector(pgSqlClient(pool), tables);
  const summaries = new ReportSummaries(pgSqlClient(pool), tables);
  for (const [index, { topic, envelope }] of events.entries()) {
    expect(await projector.apply(topic, Buffer.from(JSON.stringify(envelope)))).not.toBe('invalid');
    if ((index + 1) % refreshEvery === 0) await summaries.refreshBatch(TODAY);
  }
  await refreshAll(tables, TODAY);
}

async function refreshAll(tables: WarehouseTables, today: string): Promise<void> {
  await new ReportSummaries(pgSqlClient(pool), tables).refreshAll(today, 5);
}

async function answer(tables: WarehouseTables, name: keyof typeof REPORTS, scope: ReportScope, query: ReportQueryDto, today: string, source: ReportSource) {
  const parameters = new SqlParameters();
  const { rows } = await pool.query(reportSql(parameters, tables.schema, REPORTS[name], scope, query, today, source), parameters.values);
  return rows;
}

/** Every report, for every scope and query: from the summaries, and from the facts. */
async function everyAnswer(tables: WarehouseTables, today: string) {
  const answers: { fromSummaries: unknown[]; fromFacts: unknown[] }[] = [];
  for (const name of Object.keys(REPORTS) as (keyof typeof REPORTS)[])
    for (const [label, scope] of Object.entries(SCOPES))
      for (const query of QUERIES) {
        const [fromSummaries, fromFacts] = [await answer(tables, name, scope, query, today, 'summaries'), await answer(tables, name, scope, query, today, 'facts')];
        answers.push({ fromSummaries: [name, label, query, fromSummaries], fromFacts: [name, label, query, fromFacts] });
      }
  return answers;
}

const total = (rows: Record<string, number>[], column: string) => rows.reduce((sum, row) => sum + row[column], 0);

/** What depends on the day, over all the facts: overdue learning, reviews past target, stale records, dates in the future. */
async function timeDependentTotals(today: string) {
  const [learning, timeliness, quality] = await Promise.all(
    (['learning', 'timeliness', 'data-quality'] as const).map((name) => answer(incremental, name, SCOPES.national, {}, today, 'facts')),
  );
  return [total(learning, 'overdue'), total(timeliness, 'pastTargetNow'), total(quality, 'staleRecords'), total(quality, 'dateOrderBreaks')];
}

const summaryRows = async (tables: WarehouseTables) =>
  (await pool.query(`SELECT report, grain, month::text, organisation_code, region_code, review_type, keys, measures, samples, samples_2, samples_3, sample_counts, sample_counts_2, sample_counts_3, medians FROM ${tables.table('report_summary')} ORDER BY 1, 2, 3, 4, 5, 6, keys::text, measures::text`)).rows;

beforeAll(async () => {
  for (const tables of [incremental, atOnce]) for (const sql of tables.createLikeLiveSql()) await pool.query(sql);
});

afterAll(async () => {
  for (const tables of [incremental, atOnce]) await pool.query(`DROP SCHEMA IF EXISTS "${tables.schema}" CASCADE`);
  await pool.end();
});

describe('the report summaries', () => {
  it('kept up event by event (shuffled, redelivered, refreshed as they come) equal the summaries computed once from all the facts', async () => {
    // The cases summarised first, so that their reviews (closing, converting) must mark the cases' cells again.
    await project(incremental, [...shuffledWithRedeliveries(cases, seededRandom(25)), ...shuffledWithRedeliveries(reviews, seededRandom(26))], 3);
    await project(atOnce, [...cases, ...reviews], Number.MAX_SAFE_INTEGER);
    const rows = await summaryRows(atOnce);
    expect(new Set(rows.map((row) => row.report))).toEqual(new Set(Object.keys(REPORTS)));
    expect(new Set(rows.map((row) => row.grain))).toEqual(new Set(['M', 'Q', 'Y']));
    expect(await summaryRows(incremental)).toEqual(rows);
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${incremental.table('summary_dirty')}`)).rows[0].n).toBe(0);
  });

  it('answer every report, scope and filter (whole months and parts of months) as the facts do', async () => {
    const answers = await everyAnswer(incremental, TODAY);
    expect(answers.map((pair) => pair.fromSummaries)).toEqual(answers.map((pair) => pair.fromFacts));
    const caseload = await answer(incremental, 'caseload', SCOPES.national, {}, TODAY, 'summaries');
    expect(caseload.map((row) => row.organisationCode).sort()).toContain('QMJ');
    expect(total(caseload, 'withdrawn')).toBeGreaterThan(0);
    expect(total(await answer(incremental, 'data-quality', SCOPES.national, {}, TODAY, 'summaries'), 'closedWithoutSignOff')).toBeGreaterThan(0);
    expect(await answer(incremental, 'caseload', SCOPES['ICB QWO'], {}, TODAY, 'summaries')).toEqual(caseload.filter((row) => row.organisationCode === 'QWO'));
    const ofUnknownCode = await answer(incremental, 'caseload', SCOPES['region Y56, QMJ unknown'], {}, TODAY, 'summaries');
    expect(ofUnknownCode.map((row) => row.organisationCode)).toContain('QMJ');
    expect(ofUnknownCode).toEqual(await answer(incremental, 'caseload', SCOPES['region Y56'], {}, TODAY, 'summaries'));
    const byRegion = await answer(incremental, 'caseload', SCOPES.national, { area: 'region' }, TODAY, 'summaries');
    expect(byRegion.map((row) => [row.regionCode, row.organisationCode])).toContainEqual(['Y56', null]);
    const overAll = await answer(incremental, 'timeliness', SCOPES.national, { area: 'all' }, TODAY, 'summaries');
    expect(overAll.every((row) => row.regionCode === null && row.organisationCode === null)).toBe(true);
    expect(total(overAll, 'reviews')).toBe(total(await answer(incremental, 'timeliness', SCOPES.national, {}, TODAY, 'summaries'), 'reviews'));
    expect(total(byRegion, 'cases')).toBe(total(caseload, 'cases'));
  });

  it('give medians as percentile_cont over the values gives them, from a group of one row and from merged histograms', async () => {
    const percentileOf = (groupBy: string) =>
      pool.query(
        `SELECT ${groupBy} AS "group", percentile_cont(0.5) WITHIN GROUP (ORDER BY h."value") AS "median"
         FROM ${incremental.table('report_summary')} s, unnest(s."samples", s."sample_counts") AS h("value", "occurrences"), generate_series(1, h."occurrences")
         WHERE s."report" = 'timeliness' AND s."grain" = 'Y' AND s."organisation_code" <> '*' GROUP BY 1`,
      );
    const byIcb = await answer(incremental, 'timeliness', SCOPES.national, { period: 'financialYear' }, TODAY, 'summaries');
    const overAllQuery: ReportQueryDto = { period: 'financialYear', area: 'all' };
    const [overAll, overAllFromFacts] = [await answer(incremental, 'timeliness', SCOPES.national, overAllQuery, TODAY, 'summaries'), await answer(incremental, 'timeliness', SCOPES.national, overAllQuery, TODAY, 'facts')];
    const medians = (rows: Record<string, unknown>[], group: (row: Record<string, unknown>) => string) =>
      Object.fromEntries(rows.filter((row) => row.medianDaysToDecision !== null).map((row) => [group(row), row.medianDaysToDecision]));
    const expected = async (groupBy: string) => Object.fromEntries((await percentileOf(groupBy)).rows.map((row) => [row.group, row.median]));
    const ofIcbs = medians(byIcb, (row) => `${row.period as string} ${row.organisationCode as string} ${row.reviewType as string}`);
    expect(Object.keys(ofIcbs).length).toBeGreaterThan(1);
    const financialYear = `(SELECT "financial_year" FROM ${WAREHOUSE_SCHEMA}."date_dim" WHERE "day" = s."month")`;
    expect(ofIcbs).toEqual(await expected(`${financialYear} || ' ' || s."organisation_code" || ' ' || s."review_type"`));
    // Over all areas: the national rows' medians (histograms merged when summarised), and from the facts, both ICBs' rows merged when read.
    const ofAll = await expected(`${financialYear} || ' ' || s."review_type"`);
    expect(medians(overAll, (row) => `${row.period as string} ${row.reviewType as string}`)).toEqual(ofAll);
    expect(medians(overAllFromFacts, (row) => `${row.period as string} ${row.reviewType as string}`)).toEqual(ofAll);
  });

  it('leave the cells to a refresher already at work, rather than wait or spin', async () => {
    const other = await pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('scrt.report_summary.' || $1))`, [incremental.schema]);
      await pool.query(`INSERT INTO ${incremental.table('summary_dirty')} (month, organisation_code) VALUES ('2026-05-01', 'QWO')`);
      const summaries = new ReportSummaries(pgSqlClient(pool), incremental);
      expect(await summaries.refreshBatch(TODAY)).toBe('busy');
      await summaries.refreshAll(TODAY);
      expect((await pool.query(`SELECT count(*)::int AS n FROM ${incremental.table('summary_dirty')}`)).rows[0].n).toBe(1);
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
    await refreshAll(incremental, TODAY);
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${incremental.table('summary_dirty')}`)).rows[0].n).toBe(0);
  });

  it('follow the day: what turns overdue, past target or stale by a later day is counted once the day comes', async () => {
    expect(await timeDependentTotals(NEXT_YEAR)).not.toEqual(await timeDependentTotals(TODAY));
    await refreshAll(incremental, NEXT_YEAR);
    const answers = await everyAnswer(incremental, NEXT_YEAR);
    expect(answers.map((pair) => pair.fromSummaries)).toEqual(answers.map((pair) => pair.fromFacts));
  });
});
