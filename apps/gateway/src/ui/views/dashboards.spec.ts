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
  'designated-professional-roles': [],
};
const national = { ...testSession().principal, tier: 'national' as const, organisationCode: 'X24', organisationName: 'NHS England', permissions: ['report:read' as const, 'report:export' as const] };
const row = (period: string, regionCode: string, reviewType: string, cases: number) => ({ period, regionCode, organisationCode: regionCode === 'Y63' ? 'QWO' : 'QMJ', reviewType, cases, open: cases, closed: 0, withdrawn: 1 });
const caseload: ReportAnswer = {
  report: 'caseload',
  scope: { tier: 'national' },
  generatedAt: '2026-09-15T10:24:00.000Z',
  dataAsOf: '2026-09-15T09:23:58.120Z',
  rows: [row('2019-Q2', 'Y63', 'RAPID_REVIEW', 2), row('2019-Q2', 'Y56', 'SAR', 1), row('2019-Q3', 'Y63', 'SAR', 3), row('2019-Q3', 'Y63', 'RAPID_REVIEW', 1)],
};

function render(context: Partial<ReportPageContext>): CheerioAPI {
  const filters = context.filters ?? filtersFromQuery({});
  const dashboard = reportPageViewModel({ name: 'caseload', principal: national, filters, errors: [], answer: caseload, codes, canExport: true, ...context });
  return renderPage('dashboards/report.njk', { dashboard, errorList: dashboard.errorList }, testSession({ principal: context.principal ?? national }), '/reports/caseload');
}

/** A figure's numbers as its chart writes them (bar totals) and as its table has them (last column). */
function chartAndTable($: CheerioAPI, id: string) {
  const figure = $(`figure#${id}`);
  return {
    bars: figure.find('svg g').map((_, bar) => [[$(bar).find('text').first().text(), $(bar).find('text').last().text()]]).get(),
    rows: figure.find('tbody tr').map((_, tableRow) => [[$(tableRow).find('td, th').first().text().replace(/^\s*Period\s*/, '').trim(), $(tableRow).find('td').last().text().replace(/^\s*Total\s*/, '').trim()]]).get(),
    series: figure.find('thead th').map((_, cell) => $(cell).text().trim()).get(),
  };
}

describe('dashboard page', () => {
  it('shows whose data it is, as of when, in the navigation as Reports', () => {
    const $ = render({});
    expect($('head > title').text()).toBe('Caseload report - Safeguarding Case Review Tracker');
    expect($('h1').text()).toBe('Caseload');
    const summary = $('main .nhsuk-summary-list').text().replace(/\s+/g, ' ');
    expect(summary).toContain('Showing data for All regions and ICBs in England');
    expect(summary).toMatch(/Data as of 15 September 2026(,| at) 10:23 am/);
    expect(summary).toContain('Grouped by Quarter');
    expect($('.nhsuk-header__navigation-list [aria-current=page]').text().trim()).toBe('Reports');
  });

  it('draws each figure with the same numbers as its table', () => {
    const $ = render({});
    const byType = chartAndTable($, 'caseload-by-type');
    expect(byType.series).toEqual(['Period', 'Rapid review', 'SAR <adult>', 'Total']);
    expect(byType.bars).toEqual([['2019-Q2', '3'], ['2019-Q3', '4']]);
    expect(byType.rows).toEqual(byType.bars);
    const byRegion = chartAndTable($, 'caseload-by-area');
    expect(byRegion.series).toEqual(['Period', 'Y56', 'Y63', 'Total']);
    expect(byRegion.rows).toEqual(byRegion.bars);
    expect($('figure#caseload-by-area tbody tr').first().find('td').slice(1).map((_, cell) => $(cell).text().replace(/^\s*\S+\s*/, '').trim()).get()).toEqual(['1', '2', '3']);
    expect($('figure svg[role=img]')).toHaveLength(3);
    expect($('figure table caption').first().text().trim()).toBe('New cases by quarter and type of review: the numbers');
  });

  it('escapes labels in the chart and the table alike', () => {
    const $ = render({});
    const figure = $('figure#caseload-by-type');
    expect(figure.html()).not.toContain('<adult>');
    expect(figure.find('svg text').filter((_, label) => $(label).text() === 'SAR <adult>')).toHaveLength(1);
  });

  it('links to the CSV with the same filters only for those who may export', () => {
    const filters = filtersFromQuery({ period: 'month', 'from[day]': '1', 'from[month]': '4', 'from[year]': '2019', regionCode: 'Y63' });
    expect(render({ filters })('a[download]').attr('href')).toBe('/reports/caseload/csv?period=month&from%5Bday%5D=1&from%5Bmonth%5D=4&from%5Byear%5D=2019&regionCode=Y63');
    expect(render({ filters, canExport: false })('a[download]')).toHaveLength(0);
  });

  it('says there is no data rather than drawing an empty chart', () => {
    const $ = render({ answer: { ...caseload, rows: [], dataAsOf: null } });
    expect($('main .nhsuk-inset-text p').text().trim()).toBe('No data for these filters.');
    expect($('figure')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('No data yet');
  });

  it('shows bad filters in an error summary linking to the field, and no figures', () => {
    const filters = filtersFromQuery({ 'from[day]': '31', 'from[month]': '2', 'from[year]': '2019' });
    const { errors } = reportQueryOf(filters, 'national', codes['review-types']);
    const $ = render({ filters, errors, answer: undefined });
    expect($('head > title').text()).toMatch(/^Error: /);
    expect($('.nhsuk-error-summary a').attr('href')).toBe('#from-day');
    expect($('#from-error').text()).toContain('From date must be a real date');
    expect($('#from-day').val()).toBe('31');
    expect($('figure, .nhsuk-inset-text, a[download]')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('Not shown until the filters are corrected');
  });

  it('offers a region user the ICB filter but not the region one, and names the region', () => {
    const region = { ...national, tier: 'region' as const, organisationCode: 'Y63', regionCode: 'Y63', organisationName: 'NHS England North East and Yorkshire' };
    const $ = render({ principal: region, answer: { ...caseload, scope: { tier: 'region', regionCode: 'Y63' } } });
    expect($('#organisationCode')).toHaveLength(1);
    expect($('#regionCode')).toHaveLength(0);
    expect($('main .nhsuk-summary-list').text()).toContain('Region: NHS England North East and Yorkshire (Y63)');
    expect(chartAndTable($, 'caseload-by-area').series).toEqual(['Period', 'QMJ', 'QWO', 'Total']);
  });
});

describe('themes dashboard', () => {
  it('shows the case themes by label and leaves out the recommendation themes it has none of', () => {
    const rows = [
      { period: '2019-Q2', regionCode: 'Y63', organisationCode: 'QWO', reviewType: 'SAR', source: 'case', themeCode: 'NEGLECT', count: 3, asFirstTheme: 2 },
      { period: '2019-Q3', regionCode: 'Y63', organisationCode: 'QWO', reviewType: 'SAR', source: 'case', themeCode: 'NEGLECT', count: 1, asFirstTheme: 1 },
    ];
    const dashboard = reportPageViewModel({ name: 'themes', principal: national, filters: filtersFromQuery({}), errors: [], answer: { ...caseload, report: 'themes', rows }, codes, canExport: false });
    const $ = renderPage('dashboards/report.njk', { dashboard }, testSession({ principal: national }), '/reports/themes');
    expect($('figure').map((_, figure) => $(figure).attr('id')).get()).toEqual(['top-case-themes']);
    expect(chartAndTable($, 'top-case-themes').bars).toEqual([['Neglect', '4']]);
  });
});

