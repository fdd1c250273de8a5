import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiAsUser, eventually, type ApiClient } from '@scrt/testing';
import { checkPage, freshPagePerTest, gatewayUrl, signInAs, summaryValue } from './browser-support.js';

// Cases added in the financial year 2018/19 (April to December 2018: no other test adds cases then).
const RANGE = 'from=2018-04-01&to=2019-03-31';
const RECORDED = [
  { username: 'icb.input', reviewType: 'RAPID_REVIEW', dateAdded: '2018-05-10', organisationCode: 'QWO', regionCode: 'Y63', month: '2018-05', quarter: '2018-Q2' },
  { username: 'icb.input', reviewType: 'SAR', dateAdded: '2018-11-20', organisationCode: 'QWO', regionCode: 'Y63', month: '2018-11', quarter: '2018-Q4' },
  { username: 'icb.input.qmj', reviewType: 'SAR', dateAdded: '2018-12-03', organisationCode: 'QMJ', regionCode: 'Y56', month: '2018-12', quarter: '2018-Q4' },
];
const PERIOD_OF: Record<string, (recorded: (typeof RECORDED)[number]) => string> = { month: (r) => r.month, quarter: (r) => r.quarter, financialYear: () => '2018/19' };

type Row = { period: string; regionCode: string; organisationCode: string; reviewType: string; cases: number; open: number; closed: number; withdrawn: number };
interface Caseload {
  dataAsOf: string | null;
  rows: Row[];
}
type ReportRows = { rows: Record<string, string | number | null>[] };
interface Review {
  id: string;
  version: number;
}

const url = (path: string) => new URL(path, gatewayUrl()).href;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

/** Cases per period and column (review type code or area code, named by `name`), as the API answers them. */
function countsOf(rows: Row[], column: 'reviewType' | 'regionCode' | 'organisationCode', name: (code: string) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(`${row.period} ${name(row[column])}`, (counts.get(`${row.period} ${name(row[column])}`) ?? 0) + row.cases);
  return counts;
}

const sum = (rows: ReportRows['rows'], column: string, where: (row: ReportRows['rows'][number]) => boolean) => rows.filter(where).reduce((total, row) => total + Number(row[column] ?? 0), 0);

/** A figure as the page shows it: the texts of its chart (at desktop width), the table's header and rows. */
async function figureOf(page: Page, id: string) {
  const figure = page.locator(`figure#${id}`);
  return figure.evaluate((element) => {
    const text = (node: Element | null) => (node?.textContent ?? '').trim();
    const cellText = (cell: Element) => text(cell).replace(text(cell.querySelector('.nhsuk-table__heading')), '').trim();
    return {
      chart: [...element.querySelectorAll('[data-chart=wide] svg text')].map(text),
      head: [...element.querySelectorAll('thead th')].map(text),
      rows: [...element.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map(cellText)),
    };
  });
}

/** The table as counts per "period series" (series by their column headers), leaving out the totals. */
function tableCounts(figure: Awaited<ReturnType<typeof figureOf>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [period, ...cells] of figure.rows) {
    figure.head.slice(1).forEach((series, index) => series !== 'Total' && Number(cells[index]) > 0 && counts.set(`${period} ${series}`, Number(cells[index])));
  }
  return counts;
}

/** The chart writes each category and each total (the table's first and last columns). */
const chartShowsTable = (figure: Awaited<ReturnType<typeof figureOf>>) => expect(figure.chart).toEqual(expect.arrayContaining(figure.rows.flatMap((row) => [row[0], row.at(-1)])));

const ANY_DATE = ['', '', ''] as [string, string, string];

async function applyFilters(page: Page, filters: { period?: string; from?: [string, string, string]; to?: [string, string, string] }): Promise<void> {
  if (filters.period) await page.getByLabel('Group by').selectOption(filters.period);
  for (const field of ['from', 'to'] as const) {
    const date = filters[field];
    if (!date) continue;
    for (const [index, part] of (['day', 'month', 'year'] as const).entries()) await page.locator(`#${field}-${part}`).fill(date[index]);
  }
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForLoadState('load');
}

// axe-core at two widths and two screenshots a page: minutes per journey on a loaded machine.
jest.setTimeout(900_000);

describe('report dashboards in Chromium', () => {
  const browser = freshPagePerTest();
  let national: ApiClient;
  const reviewTypeLabels = new Map<string, string>();
  const organisationNames = new Map<string, string>();
  const nameOf = (code: string) => organisationNames.get(code) ?? code;
  const caseIds: string[] = [];
  // Counted before and after this suite's review and learning reach the warehouse: other suites add theirs too.
  const pastTargetInQwo = async () => sum((await national.get<ReportRows>('/api/v1/reports/timeliness?organisationCode=QWO')).body.rows, 'pastTargetNow', () => true);
  const overdueActionsOfQwo = async () => sum((await national.get<ReportRows>('/api/v1/reports/learning?organisationCode=QWO')).body.rows, 'overdue', (row) => row.kind === 'action');

  const caseload = async (client: ApiClient, period: string) => {
    const response = await client.get<Caseload>(`/api/v1/reports/caseload?${RANGE}&period=${period}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    national = await apiAsUser('national.analyst');
    const before = (await caseload(national, 'all')).rows.reduce((sum, row) => sum + row.cases, 0);
    for (const recorded of RECORDED) {
      const client = await apiAsUser(recorded.username);
      const created = await client.post<{ id: string; organisationCode: string }>(
        '/api/v1/cases',
        { reviewType: recorded.reviewType, incidentDate: recorded.dateAdded, dateAdded: recorded.dateAdded, subjectGroup: 'CHILD', themes: ['NEGLECT'], briefInformation: 'Recorded for the dashboards journey.' },
        { 'idempotency-key': randomUUID() },
      );
      expect(created.status).toBe(201);
      expect(created.body.organisationCode).toBe(recorded.organisationCode);
      caseIds.push(created.body.id);
    }
    await eventually(async () => (await caseload(national, 'all')).rows.reduce((total, row) => total + row.cases, 0) === before + RECORDED.length, 'the recorded cases in the national caseload');
    const types = await national.get<{ codes: { code: string; label: string }[] }>('/api/v1/reference-data/code-lists/review-types');
    for (const { code, label } of types.body.codes) reviewTypeLabels.set(code, label);
    const organisations = await national.get<{ items: { odsCode: string; name: string }[] }>('/api/v1/reference-data/organisations');
    for (const { odsCode, name } of organisations.body.items) organisationNames.set(odsCode, name);
    await recordLateReviewWithOverdueAction();
  });

  /**
   * The rapid review of West Yorkshire's first case reached its decision late and is still open
   * (past its target today); its recommendation has an action past its due date.
   */
  async function recordLateReviewWithOverdueAction(): Promise<void> {
    const [pastTarget, overdueActions] = [await pastTargetInQwo(), await overdueActionsOfQwo()];
    const input = await apiAsUser('icb.input');
    // Reviews learns of the case from case-intake's event.
    let review = await eventually(async () => {
      const created = await input.post<Review>('/api/v1/reviews', { caseId: caseIds[0], notifiedOn: '2018-05-11' });
      return created.status === 201 && created.body;
    }, 'a review of the recorded rapid review case');
    const post = async <T>(path: string, body: object, version?: number) => {
      const response = await input.post<T>(path, body, version === undefined ? {} : { 'if-match': `"${version}"` });
      expect([200, 201]).toContain(response.status);
      return response.body;
    };
    review = await post<Review>(`/api/v1/reviews/${review.id}/stage-changes`, { stage: 'RAPID_REVIEW', occurredOn: '2018-05-11' }, review.version);
    review = await post<Review>(`/api/v1/reviews/${review.id}/stage-changes`, { stage: 'DECISION', occurredOn: '2018-07-02' }, review.version);
    const recommendation = await post<{ id: string }>(`/api/v1/reviews/${review.id}/recommendations`, { text: 'Health visitors should share missed contacts with the GP.', theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE', dueDate: '2019-01-31' });
    await post('/api/v1/reviews/actions', { recommendationId: recommendation.id, description: 'Add missed contacts to the GP alert list.', owner: 'Named nurse for safeguarding', dueDate: '2018-12-31' });
    await eventually(async () => (await pastTargetInQwo()) === pastTarget + 1 && (await overdueActionsOfQwo()) === overdueActions + 1, 'the late review and the overdue action in the reports');
  }

  it('shows a national analyst the cases by type and region per month, quarter and financial year, chart and table alike, and the same rows as CSV', async () => {
    const page = browser.page();
    await signInAs(page, 'Ravi Patel');
    await page.locator('.nhsuk-header__navigation-list').getByRole('link', { name: 'Reports' }).click();
    expect(await heading(page)).toBe('Caseload');
    expect(await summaryValue(page, 'Showing data for')).toBe('All regions and ICBs in England');

    for (const [period, label] of [['month', 'Month'], ['quarter', 'Quarter'], ['financialYear', 'Financial year (April to March)']] as const) {
      await applyFilters(page, { period, from: ['1', '4', '2018'], to: ['31', '3', '2019'] });
      expect(await summaryValue(page, 'Grouped by')).toBe(label);
      expect(await summaryValue(page, 'Data as of')).toMatch(/\d{4}.+\d{1,2}:\d{2}\s?[ap]m/);
      const answer = await caseload(national, period);
      const byType = await figureOf(page, 'caseload-by-type');
      const byRegion = await figureOf(page, 'caseload-by-area');
      // The chart writes the table's periods and totals.
      for (const figure of [byType, byRegion]) chartShowsTable(figure);
      // The table holds what the service answers (review types by their labels).
      expect(tableCounts(byType)).toEqual(countsOf(answer.rows, 'reviewType', (code) => reviewTypeLabels.get(code) ?? code));
      expect(tableCounts(byRegion)).toEqual(countsOf(answer.rows, 'regionCode', nameOf));
      // ...which counts each recorded case in its period, type and region.
      for (const recorded of RECORDED) {
        expect(tableCounts(byType).get(`${PERIOD_OF[period](recorded)} ${reviewTypeLabels.get(recorded.reviewType)}`)).toBeGreaterThanOrEqual(1);
        expect(tableCounts(byRegion).get(`${PERIOD_OF[period](recorded)} ${nameOf(recorded.regionCode)}`)).toBeGreaterThanOrEqual(1);
      }
      if (period === 'quarter') expect(await checkPage(page, 'dashboard-national-caseload')).toEqual([]);
    }

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download CSV/ }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('caseload.csv');
    const lines = (await readFile((await file.path())!, 'utf8')).trimEnd().split('\r\n');
    const answer = await caseload(national, 'financialYear');
    expect(lines[0]).toBe('period,regionCode,organisationCode,reviewType,cases,open,closed,withdrawn');
    expect(lines.slice(1)).toEqual(answer.rows.map((row) => [row.period, row.regionCode, row.organisationCode, row.reviewType, row.cases, row.open, row.closed, row.withdrawn].join(',')));
    expect(lines.slice(1).some((line) => line.startsWith('2018/19,Y56,QMJ,SAR,'))).toBe(true);

    // The rate of rapid reviews converted, and the top themes, are a click away, with the same filters.
    await page.getByRole('link', { name: 'Rapid review conversion' }).click();
    expect(await heading(page)).toBe('Rapid review conversion');
    expect(new URL(page.url()).search).toBe('?period=financialYear&from%5Bday%5D=1&from%5Bmonth%5D=4&from%5Byear%5D=2018&to%5Bday%5D=31&to%5Bmonth%5D=3&to%5Byear%5D=2019');
    expect(await checkPage(page, 'dashboard-national-conversion')).toEqual([]);
    await page.getByRole('link', { name: 'Themes' }).click();
    expect(await heading(page)).toBe('Themes');
    expect(await checkPage(page, 'dashboard-national-themes')).toEqual([]);
  });

  it('says when there is no data, and shows bad dates in an error summary', async () => {
    const page = browser.page();
    await signInAs(page, 'Ravi Patel');
    await page.goto(url('/reports/caseload?period=month&from[day]=1&from[month]=1&from[year]=1950&to[day]=31&to[month]=12&to[year]=1950'));
    expect(await page.locator('main .nhsuk-inset-text').innerText()).toContain('No data for these filters.');
    expect(await page.locator('figure').count()).toBe(0);
    await applyFilters(page, { from: ['30', '2', '2018'] });
    expect(await page.title()).toMatch(/^Error: Caseload report/);
    expect(await page.locator('.nhsuk-error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['#from-day']);
    expect(await checkPage(page, 'dashboard-errors')).toEqual([]);
  });

  it('shows a regional lead their region only, and its reviews past target', async () => {
    const page = browser.page();
    await signInAs(page, 'Helen Carter');
    await page.goto(url(`/reports/caseload?period=financialYear&from[day]=1&from[month]=4&from[year]=2018&to[day]=31&to[month]=3&to[year]=2019`));
    expect(await summaryValue(page, 'Showing data for')).toMatch(/^Region: .*North East and Yorkshire \(Y63\)$/);
    expect(await page.locator('#regionCode').count()).toBe(0);
    const byIcb = await figureOf(page, 'caseload-by-area');
    expect(byIcb.head).toContain('NHS West Yorkshire ICB');
    expect(byIcb.head).not.toContain(nameOf('QMJ'));
    const region = await apiAsUser('region.oversight');
    const answer = (await region.get<Caseload>(`/api/v1/reports/caseload?${RANGE}&period=financialYear`)).body;
    expect(tableCounts(byIcb)).toEqual(countsOf(answer.rows, 'organisationCode', nameOf));
    expect(await checkPage(page, 'dashboard-region-caseload')).toEqual([]);

    // Reviews count from the day they were recorded (today): the whole period, by ICB name.
    await page.getByRole('link', { name: 'Timeliness' }).click();
    expect(await heading(page)).toBe('Timeliness');
    expect(new URL(page.url()).searchParams.get('from[year]')).toBe('2018');
    await applyFilters(page, { period: 'all', from: ANY_DATE, to: ANY_DATE });
    const timeliness = (await region.get<ReportRows>('/api/v1/reports/timeliness?period=all')).body.rows;
    const pastTarget = await figureOf(page, 'past-target-by-area');
    chartShowsTable(pastTarget);
    expect(pastTarget.rows).toContainEqual(['NHS West Yorkshire ICB', String(sum(timeliness, 'pastTargetNow', (row) => row.organisationCode === 'QWO'))]);
    expect(sum(timeliness, 'pastTargetNow', (row) => row.organisationCode === 'QWO')).toBeGreaterThanOrEqual(1);
    expect(pastTarget.rows.map(([icb]) => icb)).not.toContain(nameOf('QMJ'));
    const medians = await figureOf(page, 'median-days-by-type');
    expect(medians.head).toEqual(['Type of review', 'To decision', 'To sign-off', 'To publication']);
    expect(medians.rows.find(([type]) => type === reviewTypeLabels.get('RAPID_REVIEW'))?.[1]).toMatch(/^\d+$/);
    expect(await checkPage(page, 'dashboard-region-timeliness')).toEqual([]);
  });

  it('shows an ICB its own data only, its learning, and no CSV link without report:export', async () => {
    const page = browser.page();
    await signInAs(page, 'Tom Hughes');
    await page.goto(url(`/reports/caseload?period=quarter&from[day]=1&from[month]=4&from[year]=2018&to[day]=31&to[month]=3&to[year]=2019`));
    expect(await summaryValue(page, 'Showing data for')).toBe('ICB: NHS West Yorkshire ICB (QWO)');
    expect(await page.locator('#organisationCode, #regionCode').count()).toBe(0);
    const byQuarter = await figureOf(page, 'caseload-by-area');
    expect(byQuarter.head).toEqual(['Period', 'NHS West Yorkshire ICB']);
    expect(tableCounts(byQuarter).get('2018-Q2 NHS West Yorkshire ICB')).toBeGreaterThanOrEqual(1);
    expect(tableCounts(byQuarter).has(`2018-Q4 ${nameOf('QMJ')}`)).toBe(false);
    // One CSV link a chart.
    expect(await page.getByRole('link', { name: /Download CSV/ }).count()).toBe(await page.locator('figure').count());

    // Learning items count from the day they were recorded (today): the whole period.
    await page.getByRole('link', { name: 'Learning' }).click();
    expect(await heading(page)).toBe('Learning');
    await applyFilters(page, { period: 'all', from: ANY_DATE, to: ANY_DATE });
    const learning = (await (await apiAsUser('icb.reporting')).get<ReportRows>('/api/v1/reports/learning?period=all')).body.rows;
    expect(learning.every((row) => row.organisationCode === 'QWO')).toBe(true);
    const overdue = await figureOf(page, 'learning-overdue');
    chartShowsTable(overdue);
    expect(overdue.rows).toContainEqual(['Actions', String(sum(learning, 'overdue', (row) => row.kind === 'action'))]);
    expect(sum(learning, 'overdue', (row) => row.kind === 'action')).toBeGreaterThanOrEqual(1);
    const byStatus = await figureOf(page, 'learning-by-status');
    expect(byStatus.rows.map(([kind]) => kind)).toEqual(expect.arrayContaining(['Actions', 'Recommendations']));
    expect(byStatus.rows.find(([kind]) => kind === 'Recommendations')?.at(-1)).toBe(String(sum(learning, 'items', (row) => row.kind === 'recommendation')));
    expect(await checkPage(page, 'dashboard-icb-learning')).toEqual([]);

    await browser.context().clearCookies();
    const dataInput = page;
    await signInAs(dataInput, 'Priya Shah');
    await dataInput.goto(url('/reports/caseload'));
    expect(await summaryValue(dataInput, 'Showing data for')).toBe('ICB: NHS West Yorkshire ICB (QWO)');
    expect(await dataInput.getByRole('link', { name: /Download CSV/ }).count()).toBe(0);
    expect((await dataInput.goto(url('/reports/caseload/csv')))?.status()).toBe(403);
  });
});
