import type { ScopeTier } from '@scrt/contracts';
import { isoDateOf, type DateParts, type FieldError } from '../../cases/case-form/case-form.js';
import { dateFilterParameters, dateParts, errorMessageOf, first, isEmpty, type Query } from '../../cases/case-list/case-list.view-model.js';
import type { Code } from '../../cases/reference-lists.js';

export const PERIODS = [
  { value: 'month', text: 'Month' },
  { value: 'quarter', text: 'Quarter' },
  { value: 'financialYear', text: 'Financial year (April to March)' },
  { value: 'all', text: 'Whole period' },
] as const;
export type Period = (typeof PERIODS)[number]['value'];
export const DEFAULT_PERIOD: Period = 'quarter';

/** The years the reporting service accepts (its ReportDate rule). */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

/** A dashboard's filters as the GET form carries them: bookmarkable, the same for the CSV link. */
export interface ReportFilters {
  period: string;
  from: DateParts;
  to: DateParts;
  reviewType: string;
  regionCode: string;
  organisationCode: string;
}

/** Which area filters a user's scope leaves a choice in: national any region or ICB, a region its ICBs. */
export const areaFiltersOf = (tier: ScopeTier) => ({ regionCode: tier === 'national', organisationCode: tier !== 'icb' });

export function filtersFromQuery(query: Query): ReportFilters {
  return {
    period: first(query.period) || DEFAULT_PERIOD,
    from: dateParts(query, 'from'),
    to: dateParts(query, 'to'),
    reviewType: first(query.reviewType),
    regionCode: first(query.regionCode).toUpperCase().slice(0, 3),
    organisationCode: first(query.organisationCode).toUpperCase().slice(0, 5),
  };
}

const error = (field: string, text: string): FieldError => ({ field, href: field === 'from' || field === 'to' ? `#${field}-day` : `#${field}`, text });
const LABELS = { from: 'From date', to: 'To date' } as const;

function dateOf(filters: ReportFilters, field: 'from' | 'to', errors: FieldError[]): string | undefined {
  if (isEmpty(filters[field])) return undefined;
  const iso = isoDateOf(filters[field]);
  const year = Number(filters[field].year);
  if (!iso) errors.push(error(field, `${LABELS[field]} must be a real date, for example 1 4 2026`));
  else if (year < EARLIEST_YEAR || year > LATEST_YEAR) errors.push(error(field, `${LABELS[field]} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`));
  else return iso;
  return undefined;
}

/**
 * The reporting service's query for the filters, and the errors (in page order) of those it
 * cannot take; a filter in error is left out. Area filters the scope gives no choice in are
 * ignored: the service scopes every answer anyway.
 */
export function reportQueryOf(filters: ReportFilters, tier: ScopeTier, reviewTypes: Code[]): { query: URLSearchParams; errors: FieldError[] } {
  const query = new URLSearchParams();
  const errors: FieldError[] = [];
  if (PERIODS.some(({ value }) => value === filters.period)) query.set('period', filters.period);
  else errors.push(error('period', 'Select how to group the periods'));
  const [from, to] = [dateOf(filters, 'from', errors), dateOf(filters, 'to', errors)];
  if (from && to && from > to) errors.push(error('to', 'To date must be the same as or after the from date'));
  else {
    if (from) query.set('from', from);
    if (to) query.set('to', to);
  }
  if (filters.reviewType) {
    if (reviewTypes.some(({ code }) => code === filters.reviewType)) query.set('reviewType', filters.reviewType);
    else errors.push(error('reviewType', 'Select a type of review from the list'));
  }
  const areas = areaFiltersOf(tier);
  if (areas.regionCode && filters.regionCode) {
    if (/^Y\d{2}$/.test(filters.regionCode)) query.set('regionCode', filters.regionCode);
    else errors.push(error('regionCode', 'Enter a region ODS code: Y and two digits, like Y63'));
  }
  if (areas.organisationCode && filters.organisationCode) {
    if (/^[A-Z0-9]{3,5}$/.test(filters.organisationCode)) query.set('organisationCode', filters.organisationCode);
    else errors.push(error('organisationCode', 'Enter an ICB ODS code of 3 to 5 letters and digits, like QWO'));
  }
  return { query, errors };
}

/** The filters as the page's own query string (for the CSV link and bookmarks). */
export function pageQueryOf(filters: ReportFilters): string {
  const query = new URLSearchParams({ period: filters.period });
  for (const field of ['from', 'to'] as const) {
    for (const part of ['day', 'month', 'year'] as const) if (filters[field][part]) query.set(`${field}[${part}]`, filters[field][part]);
  }
  for (const name of ['reviewType', 'regionCode', 'organisationCode'] as const) if (filters[name]) query.set(name, filters[name]);
  return query.toString();
}

/** The macro parameters of the filters form. */
export function filtersViewModel(filters: ReportFilters, errors: FieldError[], tier: ScopeTier, reviewTypes: Code[]) {
  const errorOf = errorMessageOf(errors);
  const dateFilter = (id: 'from' | 'to', legend: string) => ({ ...dateFilterParameters(id, legend, filters[id], errorOf(id)), hint: { text: 'For example, 1 4 2026' } });
  const areas = areaFiltersOf(tier);
  return {
    period: {
      id: 'period',
      name: 'period',
      label: { text: 'Group by', size: 's' },
      errorMessage: errorOf('period'),
      items: PERIODS.map(({ value, text }) => ({ value, text, ...(value === filters.period && { selected: true }) })),
    },
    from: dateFilter('from', 'Cases added from'),
    to: dateFilter('to', 'Cases added up to'),
    reviewType: {
      id: 'reviewType',
      name: 'reviewType',
      label: { text: 'Type of review', size: 's' },
      errorMessage: errorOf('reviewType'),
      items: [{ value: '', text: 'Any' }, ...reviewTypes.map(({ code, label }) => ({ value: code, text: label, ...(code === filters.reviewType && { selected: true }) }))],
    },
    ...(areas.regionCode && {
      regionCode: { id: 'regionCode', name: 'regionCode', label: { text: 'Region (ODS code)', size: 's' }, hint: { text: 'For example, Y63' }, value: filters.regionCode, errorMessage: errorOf('regionCode'), classes: 'nhsuk-input--width-4' },
    }),
    ...(areas.organisationCode && {
      organisationCode: { id: 'organisationCode', name: 'organisationCode', label: { text: 'ICB (ODS code)', size: 's' }, hint: { text: 'For example, QWO' }, value: filters.organisationCode, errorMessage: errorOf('organisationCode'), classes: 'nhsuk-input--width-5' },
    }),
  };
}
