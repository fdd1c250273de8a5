import type { CasePage, CaseRecord } from '../case-api.types.js';
import { fieldError, isoDateOf, type DateParts, type FieldError } from '../case-form/case-form.js';
import { labelOf, type CaseCodes } from '../reference-lists.js';

export const PAGE_SIZE = 20;

/** The list's filters as the query string carries them (GET form: bookmarkable, no session state). */
export interface CaseFilters {
  q: string;
  reviewType: string;
  theme: string;
  identifier: string;
  organisationCode: string;
  includeWithdrawn: boolean;
  incidentFrom: DateParts;
  incidentTo: DateParts;
  cursor: string;
}

export type Query = Record<string, string | string[] | undefined>;
/** A query parameter's first value, trimmed ('' when absent). */
export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
/** A GET form's date input (`from[day]`...), as typed. */
export const dateParts = (query: Query, field: string): DateParts => ({ day: first(query[`${field}[day]`]), month: first(query[`${field}[month]`]), year: first(query[`${field}[year]`]) });
export const isEmpty = ({ day, month, year }: DateParts) => !day && !month && !year;

export function filtersFromQuery(query: Query): CaseFilters {
  return {
    q: first(query.q).slice(0, 200),
    reviewType: first(query.reviewType),
    theme: first(query.theme),
    identifier: first(query.identifier).slice(0, 100),
    organisationCode: first(query.organisationCode).toUpperCase().slice(0, 5),
    includeWithdrawn: first(query.includeWithdrawn) === 'yes',
    incidentFrom: dateParts(query, 'incidentFrom'),
    incidentTo: dateParts(query, 'incidentTo'),
    cursor: first(query.cursor),
  };
}

/** The API query for the filters, and errors for the dates that are not real ones (left out). */
export function apiQueryOf(filters: CaseFilters): { query: URLSearchParams; errors: FieldError[] } {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  const errors: FieldError[] = [];
  const set = (name: string, value: string) => value && query.set(name, value);
  set('q', filters.q);
  set('reviewType', filters.reviewType);
  set('theme', filters.theme);
  set('identifier', filters.identifier);
  set('organisationCode', filters.organisationCode);
  if (filters.includeWithdrawn) query.set('includeWithdrawn', 'true');
  for (const [field, label] of [['incidentFrom', 'Incident from'], ['incidentTo', 'Incident to']] as const) {
    if (isEmpty(filters[field])) continue;
    const iso = isoDateOf(filters[field]);
    if (iso) query.set(field, iso);
    else errors.push(fieldError(field, `${label} must be a real date, for example 1 4 2026`));
  }
  set('cursor', filters.cursor);
  return { query, errors };
}

/** The list page's own address for the same filters at another cursor. */
export function pageHref(filters: CaseFilters, cursor: string | undefined): string {
  const query = new URLSearchParams();
  for (const name of ['q', 'reviewType', 'theme', 'identifier', 'organisationCode'] as const) if (filters[name]) query.set(name, filters[name]);
  if (filters.includeWithdrawn) query.set('includeWithdrawn', 'yes');
  for (const field of ['incidentFrom', 'incidentTo'] as const) {
    for (const part of ['day', 'month', 'year'] as const) if (filters[field][part]) query.set(`${field}[${part}]`, filters[field][part]);
  }
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/cases?${search}` : '/cases';
}

const selectItems = (codes: { code: string; label: string }[], selected: string, placeholder: string) => [
  { value: '', text: placeholder },
  ...codes.map((code) => ({ value: code.code, text: code.label, ...(code.code === selected && { selected: true }) })),
];

/** How people refer to a case: the start of its id (UUIDv7: unique enough to read out, the page shows it whole). */
export const referenceOf = (id: string) => id.slice(0, 8).toUpperCase();

export function statusTag(record: Pick<CaseRecord, 'status'>) {
  return record.status === 'withdrawn' ? { text: 'Withdrawn', classes: 'nhsuk-tag--grey' } : { text: 'Open', classes: 'nhsuk-tag--blue' };
}

export interface CaseListContext {
  filters: CaseFilters;
  page: CasePage | undefined;
  errors: FieldError[];
  codes: Pick<CaseCodes, 'review-types' | 'abuse-themes'>;
  /** Regional and national users filter by organisation too. */
  seesSeveralOrganisations: boolean;
  canRecord: boolean;
}

/** The error message macros show beside a field, if the field has one. */
export const errorMessageOf = (errors: FieldError[]) => (field: string) => {
  const error = errors.find((candidate) => candidate.field === field);
  return error && { text: error.text };
};

/** A GET filter form's `dateInput` parameters: the date as typed, every part marked when in error. */
export function dateFilterParameters(id: string, legend: string, parts: DateParts, errorMessage: { text: string } | undefined) {
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, size: 's' } },
    errorMessage,
    items: (['day', 'month', 'year'] as const).map((name) => ({ name, value: parts[name], classes: `${name === 'year' ? 'nhsuk-input--width-4' : 'nhsuk-input--width-2'}${errorMessage ? ' nhsuk-input--error' : ''}` })),
  };
}

/** The macro parameters of the case list: filters, table rows, pagination. */
export function caseListViewModel({ filters, page, errors, codes, seesSeveralOrganisations, canRecord }: CaseListContext) {
  const errorOf = errorMessageOf(errors);
  const dateFilter = (id: 'incidentFrom' | 'incidentTo', legend: string) => dateFilterParameters(id, legend, filters[id], errorOf(id));
  const items = page?.items ?? [];
  const moreFiltersOpen = Boolean(filters.reviewType || filters.theme || filters.identifier || filters.organisationCode || filters.includeWithdrawn) || !isEmpty(filters.incidentFrom) || !isEmpty(filters.incidentTo);
  return {
    canRecord,
    moreFiltersOpen,
    errorList: errors.map(({ text, href }) => ({ text, href })),
    filters: {
      q: { id: 'q', name: 'q', label: { text: 'Search brief information and comments', size: 's' }, value: filters.q },
      reviewType: { id: 'reviewType', name: 'reviewType', label: { text: 'Type of review', size: 's' }, items: selectItems(codes['review-types'], filters.reviewType, 'Any') },
      theme: { id: 'theme', name: 'theme', label: { text: 'Theme', size: 's' }, items: selectItems(codes['abuse-themes'], filters.theme, 'Any') },
      identifier: { id: 'identifier', name: 'identifier', label: { text: 'Identifier', size: 's' }, value: filters.identifier },
      ...(seesSeveralOrganisations && {
        organisationCode: { id: 'organisationCode', name: 'organisationCode', label: { text: 'Organisation (ODS code)', size: 's' }, value: filters.organisationCode, classes: 'nhsuk-input--width-5' },
      }),
      incidentFrom: dateFilter('incidentFrom', 'Incident from'),
      incidentTo: dateFilter('incidentTo', 'Incident to'),
      includeWithdrawn: {
        idPrefix: 'includeWithdrawn',
        name: 'includeWithdrawn',
        items: [{ value: 'yes', text: 'Include withdrawn cases', checked: filters.includeWithdrawn }],
      },
    },
    resultsText: items.length === 0 ? 'No cases match these filters.' : `Showing ${items.length} case${items.length === 1 ? '' : 's'}${page?.nextCursor ? ' (more on the next page)' : ''}.`,
    cases: items.map((record) => ({
      href: `/cases/${record.id}`,
      reference: referenceOf(record.id),
      reviewType: labelOf(codes['review-types'], record.reviewType),
      incidentDate: record.incidentDate,
      organisationCode: record.organisationCode,
      status: statusTag(record),
    })),
    pagination: {
      ...(filters.cursor && { previous: { href: pageHref(filters, undefined), labelText: 'First page' } }),
      ...(page?.nextCursor && { next: { href: pageHref(filters, page.nextCursor), labelText: 'More cases' } }),
    },
  };
}
