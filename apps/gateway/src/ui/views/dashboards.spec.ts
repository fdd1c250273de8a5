import { describe, expect, it } from '@jest/globals';
import type { CheerioAPI } from 'cheerio';
import { filtersFromQuery, reportQueryOf } from '../dashboards/report-filters/report-filters.form.js';
import type { ReportAnswer } from '../dashboards/report-pages/report-answer.js';
import { reportPageViewModel, type ReportPageContext } from '../dashboards/report-pages/report-page.view-model.js';
import type { DashboardCodes } from '../dashboards/report-pages/report-pages.js';
import { renderPage, testSession } from '../testing/render-page.js';

const codes: DashboardCodes = {
  'review-types': [{ code: 'RAPID_REVIEW', label: 'Rapid review', sortOrder: 1, deprecated: false }, { code: 'SAR', label: 'SAR <adult>', sortOrder: 2, deprecated: false }],
  'abuse-themes': [{ code: 'NEGLECT', label: 'Neglect', sortOrder: 1, deprecated: false }],
  'recommendation-themes': [{ code: 'INFORMATION_SHARING', label: 'Information sharing', sortOrder: 1, deprecated: false }],
  'designated-professional-roles': [],
};
const organisationNames = new Map([
  ['Y63', 'NHS England North East and Yorkshire'],
  ['Y56', 'NHS England London'],
  ['QWO', 'NHS West Yorkshire ICB'],
  ['QMJ', 'NHS North Central London ICB'],
]);
const national = { ...testSession().principal, tier: 'national' as const, organisationCode: 'X24', organisationName: 'NHS England', permissions: ['report:read' as const, 'report:export' as const] };
const row = (period: string, regionCode: string, reviewType: string, cases: number) => ({ period, regionCode, organisationCode: regionCode === 'Y63' ? 'QWO' : 'QMJ', reviewType, cases, open: cases, closed: 0, withdrawn: 1 });
const caseload: ReportAnswer = {
  report: 'caseload',
  scope: { tier: 'national' },
  generatedAt: '2026-09-15T10:24:00.000Z',
  dataAsOf: '2026-09-15T09:23:58.120Z',
  rows: [row('2019-Q2', 'Y63', 'RAPID_REVIEW', 2), row('2019-Q2', 'Y56', 'SAR', 1), row('2019-Q3', 'Y63', 'SAR', 3), row('2019-Q3', 'Y63', 'RAPID_REVIEW', 1)],
};

async function render(context: Partial<ReportPageContext>): Promise<CheerioAPI> {
  const filters = context.filters ?? filtersFromQuery({});
  const dashboard = await reportPageViewModel({ name: 'caseload', principal: national, filters, errors: [], answer: caseload, codes, organisationNames, canExport: true, ...context });
  return renderPage('dashboards/report.njk', { dashboard, errorList: dashboard.errorList }, testSession({ principal: context.principal ?? national }), `/reports/${dashboard.name}`);
}

/** A table cell's text without the column name the stacked layout of small screens shows in it. */
const cellText = ($: CheerioAPI, cell: Parameters<CheerioAPI>[0]) => $(cell).clone().find('.nhsuk-table__heading').remove().end().text().trim();

/** A figure's texts as each of its charts writes them, and its table's rows (first and last column) and header. */
function chartAndTable($: CheerioAPI, id: string) {
  const figure = $(`figure#${id}`);
  const chartText = (width: string) => figure.find(`[data-chart=${width}] svg text`).map((_, text) => $(text).text()).get();
  return {
    narrow: chartText('narrow'),
    wide: chartText('wide'),
    rows: figure.find('tbody tr').map((_, tableRow) => [[cellText($, $(tableRow).find('td, th').first()), cellText($, $(tableRow).find('td').last())]]).get(),
    cells: figure.find('tbody tr').map((_, tableRow) => [$(tableRow).find('td, th').map((__, cell) => cellText($, cell)).get()]).get(),
    series: figure.find('thead th').map((_, cell) => $(cell).text().trim()).get(),
  };
}

/** Each table row's first cell (category) and last (total), as a chart must write them too. */
const categoriesAndTotals = (figure: ReturnType<typeof chartAndTable>) => figure.rows.flat();

describe('dashboard page', () => {
  it('shows whose data it is, as of when, in the navigation as Reports', async () => {
    const $ = await render({});
    expect($('head > title').text()).toBe('Caseload report - Safeguarding Case Review Tracker');
    expect($('h1').text()).toBe('Caseload');
    const summary = $('main .nhsuk-summary-list').text().replace(/\s+/g, ' ');
    expect(summary).toContain('Showing data for All regions and ICBs in England');
    expect(summary).toMatch(/Data as of 15 September 2026(,| at) 10:23 am/);
    expect(summary).toContain('Grouped by Quarter');
    expect($('.nhsuk-header__navigation-list [aria-current=page]').text().trim()).toBe('Reports');
  });

  it('draws each figure, narrow and wide, with the same numbers as its table, and names areas', async () => {
    const $ = await render({});
    const byType = chartAndTable($, 'caseload-by-type');
    expect(byType.series).toEqual(['Period', 'Rapid review', 'SAR <adult>', 'Total']);
    expect(byType.rows).toEqual([['2019-Q2', '3'], ['2019-Q3', '4']]);
    for (const chart of [byType.narrow, byType.wide]) expect(chart).toEqual(expect.arrayContaining([...categoriesAndTotals(byType), 'Rapid review', 'SAR <adult>']));
    const byRegion = chartAndTable($, 'caseload-by-area');
    expect(byRegion.series).toEqual(['Period', 'NHS England London', 'NHS England North East and Yorkshire', 'Total']);
    expect(byRegion.wide).toEqual(expect.arrayContaining([...categoriesAndTotals(byRegion), 'NHS England London']));
    expect(byRegion.cells[0]).toEqual(['2019-Q2', '1', '2', '3']);
    expect($('figure table caption').first().text().trim()).toBe('New cases by quarter and type of review: the numbers');
  });

  it('hides the charts from assistive technology, the table being their equivalent, and shows one at a time by width', async () => {
    const $ = await render({});
    expect($('figure svg')).toHaveLength(6);
    expect($('figure svg:not([aria-hidden=true])')).toHaveLength(0);
    expect($('figure [data-chart=narrow]').attr('class')).toContain('nhsuk-u-display-none-from-tablet');
    expect($('figure [data-chart=wide]').attr('class')).toContain('nhsuk-u-display-none-until-tablet');
    expect(Number($('[data-chart=narrow] svg').first().attr('width'))).toBeLessThanOrEqual(288);
  });

  it('escapes labels in the chart and the table alike', async () => {
    const $ = await render({});
    const figure = $('figure#caseload-by-type');
    expect(figure.html()).not.toContain('<adult>');
    expect(figure.find('[data-chart=wide] svg text').filter((_, label) => $(label).text() === 'SAR <adult>')).toHaveLength(1);
  });

  it('links each chart to the CSV with the same filters only for those who may export, and the other reports with the filters', async () => {
    const filters = filtersFromQuery({ period: 'month', 'from[day]': '1', 'from[month]': '4', 'from[year]': '2019', regionCode: 'Y63' });
    const query = 'period=month&from%5Bday%5D=1&from%5Bmonth%5D=4&from%5Byear%5D=2019&regionCode=Y63';
    const $ = await render({ filters });
    expect($('figure a[download]').map((_, link) => $(link).attr('href')).get()).toEqual(Array(3).fill(`/reports/caseload/csv?${query}`));
    expect($('nav[aria-label=Reports] a').map((_, link) => $(link).attr('href')).get()).toContain(`/reports/timeliness?${query}`);
    expect((await render({ filters, canExport: false }))('a[download]')).toHaveLength(0);
  });

  it('says there is no data rather than drawing an empty chart', async () => {
    const $ = await render({ answer: { ...caseload, rows: [], dataAsOf: null } });
    expect($('main .nhsuk-inset-text p').text().trim()).toBe('No data for these filters.');
    expect($('figure')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('No data yet');
  });

  it('shows bad filters in an error summary linking to the field, and no figures', async () => {
    const filters = filtersFromQuery({ 'from[day]': '31', 'from[month]': '2', 'from[year]': '2019' });
    const { errors } = reportQueryOf(filters, 'national', codes['review-types']);
    const $ = await render({ filters, errors, answer: undefined });
    expect($('head > title').text()).toMatch(/^Error: /);
    expect($('.nhsuk-error-summary a').attr('href')).toBe('#from-day');
    expect($('#from-error').text()).toContain('From date must be a real date');
    expect($('#from-day').val()).toBe('31');
    expect($('figure, .nhsuk-inset-text, a[download]')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('Not shown until the filters are corrected');
  });

  it('offers a region user the ICB filter but not the region one, and names the region and its ICBs', async () => {
    const region = { ...national, tier: 'region' as const, organisationCode: 'Y63', regionCode: 'Y63', organisationName: 'NHS England North East and Yorkshire' };
    const $ = await render({ principal: region, answer: { ...caseload, scope: { tier: 'region', regionCode: 'Y63' } } });
    expect($('#organisationCode')).toHaveLength(1);
    expect($('#regionCode')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('Region: NHS England North East and Yorkshire (Y63)');
    expect(chartAndTable($, 'caseload-by-area').series).toEqual(['Period', 'NHS North Central London ICB', 'NHS West Yorkshire ICB', 'Total']);
  });
});

describe('other dashboards', () => {
  it('shows the case and recommendation themes by name, leaving out a source without rows', async () => {
    const theme = { period: '2019-Q2', regionCode: 'Y63', organisationCode: 'QWO', reviewType: 'SAR', source: 'case', themeCode: 'NEGLECT', count: 3, asFirstTheme: 2 };
    const $ = await render({ name: 'themes', answer: { ...caseload, report: 'themes', rows: [theme, { ...theme, period: '2019-Q3', count: 1 }] } });
    expect($('figure').map((_, figure) => $(figure).attr('id')).get()).toEqual(['top-case-themes']);
    expect(chartAndTable($, 'top-case-themes').rows).toEqual([['Neglect', '4']]);
    const both = await render({ name: 'themes', answer: { ...caseload, report: 'themes', rows: [theme, { ...theme, source: 'recommendation', themeCode: 'INFORMATION_SHARING', asFirstTheme: null }] } });
    expect(chartAndTable(both, 'top-recommendation-themes').rows).toEqual([['Information sharing', '3']]);
  });

  it('charts the timeliness medians by type of review, and the reviews past target by ICB name', async () => {
    const timed = { period: '2019-Q2', regionCode: 'Y63', organisationCode: 'QWO', reviewType: 'SAR', reviews: 2, medianDaysToDecision: 20, medianDaysToSignOff: 180, medianDaysToPublication: null, pastTargetNow: 1, meanSlippageDays: null, embargoed: 0, oldestEmbargoDays: null };
    const region = { ...national, tier: 'region' as const, organisationCode: 'Y63', regionCode: 'Y63' };
    const $ = await render({ name: 'timeliness', principal: region, answer: { ...caseload, report: 'timeliness', scope: { tier: 'region', regionCode: 'Y63' }, rows: [timed, { ...timed, reviewType: 'RAPID_REVIEW', reviews: 1, medianDaysToDecision: 15, medianDaysToSignOff: null }] } });
    const medians = chartAndTable($, 'median-days-by-type');
    expect(medians.series).toEqual(['Type of review', 'To decision', 'To sign-off', 'To publication']);
    expect(medians.cells).toEqual([
      ['Rapid review', '15', 'No data', 'No data'],
      ['SAR <adult>', '20', '180', 'No data'],
    ]);
    expect(medians.wide).toEqual(expect.arrayContaining(['15', '20', '180', 'To decision']));
    expect(chartAndTable($, 'past-target-by-area').rows).toEqual([['NHS West Yorkshire ICB', '2']]);
  });

  it('names the kinds and statuses of learning items', async () => {
    const item = { period: '2019-Q2', regionCode: 'Y63', organisationCode: 'QWO', kind: 'action', status: 'IN_PROGRESS', items: 2, overdue: 1 };
    const $ = await render({ name: 'learning', answer: { ...caseload, report: 'learning', rows: [item, { ...item, kind: 'recommendation', status: 'NOT_IMPLEMENTED', overdue: 0 }] } });
    expect(chartAndTable($, 'learning-by-status').series).toEqual(['Kind', 'In progress', 'Not implemented', 'Total']);
    expect(chartAndTable($, 'learning-overdue').rows).toEqual([['Actions', '1'], ['Recommendations', '0']]);
  });
});
