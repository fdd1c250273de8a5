import type { CaseInput, CaseRecord, FieldProblem } from '../case-api.types.js';

/** What a date input posts (`incidentDate[day]`...), kept as typed for showing again. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface IdentifierRow {
  type: string;
  value: string;
}

/** The form as the user filled it in: strings only, shown again when something is wrong. */
export interface CaseFormValues {
  reviewType: string;
  incidentDate: DateParts;
  dateAdded: DateParts;
  subjectGroup: string;
  ageBand: string;
  theme1: string;
  theme2: string;
  theme3: string;
  briefInformation: string;
  identifiers: IdentifierRow[];
  partnershipId: string;
  partnershipName: string;
  designatedProfessional: string;
  locality: string;
  setting: string;
  comments: string;
  subIcbLocationCode: string;
}

/** One error on the page: the form field it belongs to, where the summary links, what it says. */
export interface FieldError {
  field: string;
  href: string;
  text: string;
}

/** Rows of identifier inputs a form offers (more when the case already holds more). */
export const IDENTIFIER_ROWS = 3;
export const MAX_IDENTIFIERS = 10;
export const BRIEF_INFORMATION_MAX = 2000;
export const COMMENTS_MAX = 4000;
const SHORT_TEXT_MAX = 200;

/** How a field is named in messages, in page order (the error summary follows it). */
const LABELS: [string, string][] = [
  ['reviewType', 'type of review'],
  ['incidentDate', 'date of the incident'],
  ['dateAdded', 'date added'],
  ['subjectGroup', 'subject group'],
  ['ageBand', 'age band'],
  ['theme1', 'theme 1'],
  ['theme2', 'theme 2'],
  ['theme3', 'theme 3'],
  ['briefInformation', 'brief case information'],
  ...Array.from({ length: MAX_IDENTIFIERS }, (_, index): [string, string][] => [
    [`identifierType${index + 1}`, `type of identifier ${index + 1}`],
    [`identifierValue${index + 1}`, `identifier ${index + 1}`],
  ]).flat(),
  ['partnershipId', 'safeguarding partnership'],
  ['partnershipName', 'partnership name'],
  ['designatedProfessional', 'designated professional'],
  ['locality', 'locality'],
  ['setting', 'setting'],
  ['comments', 'comments'],
  ['subIcbLocationCode', 'sub-ICB location'],
];
const LABEL = new Map(LABELS);
const PAGE_ORDER = new Map(LABELS.map(([field], index) => [field, index]));
const DATE_FIELDS = new Set(['incidentDate', 'dateAdded']);
const SELECTS = new Set(['reviewType', 'subjectGroup', 'ageBand', 'theme1', 'theme2', 'theme3', 'partnershipId', 'designatedProfessional', 'setting']);

const labelOf = (field: string) => LABEL.get(field) ?? field;
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function hrefOf(field: string): string {
  return DATE_FIELDS.has(field) ? `#${field}-day` : `#${field}`;
}

export function fieldError(field: string, text: string): FieldError {
  return { field, href: hrefOf(field), text };
}

/** Errors in the order their fields appear on the page; unknown fields last. */
export function inPageOrder(errors: FieldError[]): FieldError[] {
  const rank = (error: FieldError) => PAGE_ORDER.get(error.field) ?? PAGE_ORDER.size;
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');

function dateParts(body: Record<string, unknown>, field: string): DateParts {
  return { day: text(body[`${field}[day]`]).trim(), month: text(body[`${field}[month]`]).trim(), year: text(body[`${field}[year]`]).trim() };
}

function partsOf(isoDate: string | null | undefined): DateParts {
  const [year = '', month = '', day = ''] = (isoDate ?? '').split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

/** The flat body of the posted form (`incidentDate[day]`, `identifierType2`...), as typed. */
export function valuesFromBody(body: Record<string, unknown> | undefined): CaseFormValues {
  const form = body ?? {};
  const field = (name: string) => text(form[name]);
  const identifierCount = Math.min(MAX_IDENTIFIERS, Math.max(IDENTIFIER_ROWS, Number(field('identifierRows')) || 0));
  return {
    reviewType: field('reviewType'),
    incidentDate: dateParts(form, 'incidentDate'),
    dateAdded: dateParts(form, 'dateAdded'),
    subjectGroup: field('subjectGroup'),
    ageBand: field('ageBand'),
    theme1: field('theme1'),
    theme2: field('theme2'),
    theme3: field('theme3'),
    briefInformation: field('briefInformation'),
    identifiers: Array.from({ length: identifierCount }, (_, index) => ({ type: field(`identifierType${index + 1}`), value: field(`identifierValue${index + 1}`).trim() })),
    partnershipId: field('partnershipId'),
    partnershipName: field('partnershipName').trim(),
    designatedProfessional: field('designatedProfessional'),
    locality: field('locality').trim(),
    setting: field('setting'),
    comments: field('comments'),
    subIcbLocationCode: field('subIcbLocationCode').trim().toUpperCase(),
  };
}

/** A recorded case as the edit form shows it. */
export function valuesFromCase(record: CaseRecord): CaseFormValues {
  const identifiers = record.identifiers.map(({ type, value }) => ({ type, value }));
  while (identifiers.length < IDENTIFIER_ROWS) identifiers.push({ type: '', value: '' });
  return {
    reviewType: record.reviewType,
    incidentDate: partsOf(record.incidentDate),
    dateAdded: partsOf(record.dateAdded),
    subjectGroup: record.subjectGroup,
    ageBand: record.ageBand ?? '',
    theme1: record.themes[0] ?? '',
    theme2: record.themes[1] ?? '',
    theme3: record.themes[2] ?? '',
    briefInformation: record.briefInformation,
    identifiers,
    partnershipId: record.partnershipId ?? '',
    partnershipName: record.partnershipName ?? '',
    designatedProfessional: record.designatedProfessional ?? '',
    locality: record.locality ?? '',
    setting: record.setting ?? '',
    comments: record.comments ?? '',
    subIcbLocationCode: record.subIcbLocationCode ?? '',
  };
}

/** YYYY-MM-DD for a real calendar date, else undefined. */
export function isoDateOf({ day, month, year }: DateParts): string | undefined {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

function dateError(field: string, parts: DateParts): FieldError | undefined {
  if (!parts.day && !parts.month && !parts.year) return fieldError(field, `Enter the ${labelOf(field)}`);
  return isoDateOf(parts) ? undefined : fieldError(field, `${sentence(labelOf(field))} must be a real date, for example 14 9 2026`);
}

const orNull = (value: string) => (value === '' ? null : value);

/**
 * What the form must give before the service is asked: the required items and real dates. The
 * service applies every other rule (codes in force, dates in order, lengths, personal data) and
 * its field problems are shown the same way (errorsFromProblem).
 */
export function toCaseInput(values: CaseFormValues): { input?: CaseInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!values.reviewType) errors.push(fieldError('reviewType', 'Select the type of review'));
  for (const field of ['incidentDate', 'dateAdded'] as const) {
    const error = dateError(field, values[field]);
    if (error) errors.push(error);
  }
  if (!values.subjectGroup) errors.push(fieldError('subjectGroup', 'Select whether the subject is a child or an adult'));
  if (!values.theme1) errors.push(fieldError('theme1', 'Select theme 1'));
  if (!values.briefInformation.trim()) errors.push(fieldError('briefInformation', 'Enter brief case information'));
  values.identifiers.forEach((row, index) => {
    if (row.value && !row.type) errors.push(fieldError(`identifierType${index + 1}`, `Select the type of identifier ${index + 1}`));
    if (row.type && !row.value) errors.push(fieldError(`identifierValue${index + 1}`, `Enter identifier ${index + 1}, or remove its type`));
  });
  if (values.partnershipName.length > SHORT_TEXT_MAX) errors.push(fieldError('partnershipName', `Partnership name must be ${SHORT_TEXT_MAX} characters or fewer`));
  if (values.locality.length > SHORT_TEXT_MAX) errors.push(fieldError('locality', `Locality must be ${SHORT_TEXT_MAX} characters or fewer`));
  if (values.briefInformation.length > BRIEF_INFORMATION_MAX) errors.push(fieldError('briefInformation', `Brief case information must be ${BRIEF_INFORMATION_MAX} characters or fewer`));
  if (values.comments.length > COMMENTS_MAX) errors.push(fieldError('comments', `Comments must be ${COMMENTS_MAX} characters or fewer`));
  if (errors.length > 0) return { errors: inPageOrder(errors) };
  return {
    errors: [],
    input: {
      reviewType: values.reviewType,
      incidentDate: isoDateOf(values.incidentDate) as string,
      dateAdded: isoDateOf(values.dateAdded) as string,
      subjectGroup: values.subjectGroup,
      themes: [values.theme1, values.theme2, values.theme3].filter(Boolean),
      briefInformation: values.briefInformation,
      identifiers: values.identifiers.filter((row) => row.type && row.value),
      partnershipId: orNull(values.partnershipId),
      partnershipName: orNull(values.partnershipName),
      designatedProfessional: orNull(values.designatedProfessional),
      ageBand: orNull(values.ageBand),
      locality: orNull(values.locality),
      setting: orNull(values.setting),
      comments: orNull(values.comments),
      subIcbLocationCode: orNull(values.subIcbLocationCode),
    },
  };
}

/** The items of `input` that differ from the case: what an edit sends (JSON merge, null clears). */
export function changesOf(record: CaseRecord, input: CaseInput): Partial<CaseInput> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const current = (record as unknown as Record<string, unknown>)[key] ?? null;
    if (JSON.stringify(current) !== JSON.stringify(value ?? null)) changes[key] = value;
  }
  return changes as Partial<CaseInput>;
}

/** The form field a service problem names, from its JSON pointer (`/themes/1`) or dotted field. */
export function formFieldOf(problem: FieldProblem): string {
  const path = problem.pointer ? problem.pointer.split('/').slice(1) : (problem.field ?? '').split('.');
  const [head, index, leaf] = path;
  const position = Number(index);
  if (head === 'themes') return Number.isInteger(position) ? `theme${position + 1}` : 'theme1';
  if (head === 'identifiers') return Number.isInteger(position) ? `identifier${leaf === 'type' ? 'Type' : 'Value'}${position + 1}` : 'identifierType1';
  return head ?? '';
}

const PERSONAL_DATA_KINDS: Record<string, string> = {
  NHS_NUMBER: 'an NHS number',
  DATE_OF_BIRTH: 'a date of birth',
  POSTCODE: 'a postcode',
  PHONE_NUMBER: 'a phone number',
  EMAIL_ADDRESS: 'an email address',
  EMAIL: 'an email address',
  PHONE: 'a phone number',
};

/** A message for people, by the service's stable code; the service's own words otherwise. */
function messageFor(field: string, problem: FieldProblem): string {
  const label = labelOf(field);
  if (problem.code.startsWith('PERSONAL_DATA')) {
    const kind = PERSONAL_DATA_KINDS[problem.code.replace(/^PERSONAL_DATA_?/, '')] ?? 'personal data';
    return `${sentence(label)} looks like it contains ${kind}. Remove it: do not enter details that could identify a person`;
  }
  switch (problem.code) {
    case 'REQUIRED':
    case 'THEME_1_REQUIRED':
      return SELECTS.has(field) ? `Select the ${label}` : `Enter the ${label}`;
    case 'NOT_IN_THE_FUTURE':
      return `${sentence(label)} must be today or in the past`;
    case 'DATES_OUT_OF_ORDER':
      return 'Date added must be the same as or after the date of the incident';
    case 'DUPLICATE_THEME':
      return `${sentence(label)} must be different from the themes before it`;
    case 'UNKNOWN_CODE':
    case 'DEPRECATED_CODE':
      return `Select a ${label} from the list`;
    case 'INVALID_STEIS_NUMBER':
      return 'Enter a StEIS number as the year, a slash and the number, like 2026/12345';
    case 'AGE_BAND_NOT_IN_SUBJECT_GROUP':
      return 'Select an age band for the subject group you chose';
    default:
      return problem.message;
  }
}

/** The service's field problems as the form's errors, in page order, one per field. */
export function errorsFromProblem(problems: FieldProblem[] | undefined): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const problem of problems ?? []) {
    const field = formFieldOf(problem);
    if (!byField.has(field)) byField.set(field, fieldError(field, messageFor(field, problem)));
  }
  return inPageOrder([...byField.values()]);
}
