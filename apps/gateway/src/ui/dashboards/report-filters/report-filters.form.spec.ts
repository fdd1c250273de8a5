import { describe, expect, it } from '@jest/globals';
import { filtersFromQuery, filtersViewModel, pageQueryOf, reportQueryOf } from './report-filters.form.js';

const reviewTypes = [
  { code: 'RAPID_REVIEW', label: 'Rapid review', sortOrder: 1, deprecated: false },
  { code: 'SAR', label: 'Safeguarding adult review', sortOrder: 2, deprecated: false },
];
const date = (field: string, day: string, month: string, year: string) => ({ [`${field}[day]`]: day, [`${field}[month]`]: month, [`${field}[year]`]: year });

describe('report filters form', () => {
  it('turns the GET form into the service query: period, real dates, a listed review type, area codes', () => {
    const filters = filtersFromQuery({ period: 'financialYear', ...date('from', '1', '4', '2019'), ...date('to', '31', '3', '2020'), reviewType: 'SAR', regionCode: 'y63', organisationCode: ' qwo ' });
    const { query, errors } = reportQueryOf(filters, 'national', reviewTypes);
    expect(errors).toEqual([]);
    expect(Object.fromEntries(query)).toEqual({ period: 'financialYear', from: '2019-04-01', to: '2020-03-31', reviewType: 'SAR', regionCode: 'Y63', organisationCode: 'QWO' });
  });

  it('groups by quarter when nothing is chosen and asks for nothing else', () => {
    expect(reportQueryOf(filtersFromQuery({}), 'icb', reviewTypes)).toEqual({ query: new URLSearchParams({ period: 'quarter' }), errors: [] });
  });

  it('refuses what the service could not take, in page order, linking to the first input of each field, and leaves it out', () => {
    const filters = filtersFromQuery({ period: 'week', ...date('from', '30', '2', '2026'), ...date('to', '1', '1', '2101'), reviewType: 'INQUEST', regionCode: 'London', organisationCode: 'Q!' });
    const { query, errors } = reportQueryOf(filters, 'national', reviewTypes);
    expect(errors).toEqual([
      { field: 'period', href: '#period', text: 'Select how to group the periods' },
      { field: 'from', href: '#from-day', text: 'From date must be a real date, for example 1 4 2026' },
      { field: 'to', href: '#to-day', text: 'To date must be between 1900 and 2100' },
      { field: 'reviewType', href: '#reviewType', text: 'Select a type of review from the list' },
      { field: 'regionCode', href: '#regionCode', text: 'Enter a region ODS code: Y and two digits, like Y63' },
      { field: 'organisationCode', href: '#organisationCode', text: 'Enter an ICB ODS code of 3 to 5 letters and digits, like QWO' },
    ]);
    expect([...query.keys()]).toEqual([]);
  });

  it('refuses a from date after the to date, and a date typed in part', () => {
    expect(reportQueryOf(filtersFromQuery({ ...date('from', '2', '1', '2026'), ...date('to', '1', '1', '2026') }), 'icb', reviewTypes).errors.map(({ text }) => text)).toEqual(['To date must be the same as or after the from date']);
    expect(reportQueryOf(filtersFromQuery({ 'from[month]': '4' }), 'icb', reviewTypes).errors.map(({ field }) => field)).toEqual(['from']);
  });

  it('offers and applies only the area filters the scope leaves a choice in', () => {
    const filters = filtersFromQuery({ regionCode: 'Y56', organisationCode: 'QMJ' });
    expect(reportQueryOf(filters, 'icb', reviewTypes).query.has('organisationCode')).toBe(false);
    expect(Object.fromEntries(reportQueryOf(filters, 'region', reviewTypes).query)).toEqual({ period: 'quarter', organisationCode: 'QMJ' });
    expect(Object.keys(filtersViewModel(filters, [], 'icb', reviewTypes))).not.toContain('organisationCode');
    expect(Object.keys(filtersViewModel(filters, [], 'region', reviewTypes))).toEqual(expect.arrayContaining(['organisationCode']));
    expect(Object.keys(filtersViewModel(filters, [], 'region', reviewTypes))).not.toContain('regionCode');
    expect(Object.keys(filtersViewModel(filters, [], 'national', reviewTypes))).toEqual(expect.arrayContaining(['regionCode', 'organisationCode']));
  });

  it('shows the values as typed with their errors, the chosen options selected', () => {
    const filters = filtersFromQuery({ period: 'month', ...date('from', '31', '2', '2026'), reviewType: 'SAR' });
    const form = filtersViewModel(filters, reportQueryOf(filters, 'national', reviewTypes).errors, 'national', reviewTypes);
    expect(form.from.errorMessage).toEqual({ text: 'From date must be a real date, for example 1 4 2026' });
    expect(form.from.items.map(({ value, classes }) => [value, classes])).toEqual([['31', 'nhsuk-input--width-2 nhsuk-input--error'], ['2', 'nhsuk-input--width-2 nhsuk-input--error'], ['2026', 'nhsuk-input--width-4 nhsuk-input--error']]);
    expect(form.to.errorMessage).toBeUndefined();
    expect(form.period.items.filter((item) => 'selected' in item).map(({ value }) => value)).toEqual(['month']);
    expect(form.reviewType.items.filter((item) => 'selected' in item).map(({ value }) => value)).toEqual(['SAR']);
  });

  it('carries the same filters into the page query (the CSV link), which parses back to them', () => {
    const filters = filtersFromQuery({ period: 'month', ...date('from', '1', '4', '2019'), reviewType: 'SAR', organisationCode: 'QWO' });
    const query = pageQueryOf(filters);
    expect(query).toBe('period=month&from%5Bday%5D=1&from%5Bmonth%5D=4&from%5Byear%5D=2019&reviewType=SAR&organisationCode=QWO');
    expect(filtersFromQuery(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
  });
});
