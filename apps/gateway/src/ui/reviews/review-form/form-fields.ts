import { todayInEngland } from '@scrt/working-days';
import { isoDateOf, type DateParts, type FieldError } from '../../cases/case-form/case-form.js';
import type { FieldProblem, Problem } from '../../cases/case-api.types.js';

export type FieldKind = 'date' | 'radios' | 'select' | 'text' | 'textarea' | 'number' | 'url';

export interface Option {
  value: string;
  text: string;
}

/** A field that only applies when another field holds one of some values (e.g. embargo date for EMBARGOED). */
export interface Condition {
  field: string;
  oneOf: string[];
}

/**
 * One field of a review form. Its `name` is the API body's property, so the service's field
 * problems land on it without a mapping.
 */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  optional?: boolean;
  options?: Option[];
  maxLength?: number;
  minLength?: number;
  when?: Condition;
  /** A date the service refuses after today (its calendar is England's): asked here first. */
  notAfterToday?: boolean;
  /** This field's wording of service codes whose usual wording does not fit it. */
  serviceMessages?: Record<string, string>;
}

export type FormValue = string | DateParts;
export type FormValues = Record<string, FormValue>;

const first = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');
const isDate = (value: FormValue): value is DateParts => typeof value === 'object';
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const URL_PATTERN = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const INTEGER = /^\d{1,7}$/;

export const hrefOf = (field: FieldSpec) => (field.kind === 'date' ? `#${field.name}-day` : `#${field.name}`);

/** The posted form as typed (dates as `name[day]`...), strings trimmed. */
export function parseForm(fields: FieldSpec[], body: Record<string, unknown> | undefined): FormValues {
  const form = body ?? {};
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind === 'date'
        ? { day: first(form[`${field.name}[day]`]).trim(), month: first(form[`${field.name}[month]`]).trim(), year: first(form[`${field.name}[year]`]).trim() }
        : first(form[field.name]).trim(),
    ]),
  );
}

const isBlank = (value: FormValue | undefined) => value === undefined || (isDate(value) ? !value.day && !value.month && !value.year : value === '');

/** Whether a field applies to what else the form holds (a field without a condition always does). */
export function applies(field: FieldSpec, values: FormValues): boolean {
  if (!field.when) return true;
  const other = values[field.when.field];
  return typeof other === 'string' && field.when.oneOf.includes(other);
}

function dateProblemOf(field: FieldSpec, value: DateParts): string | undefined {
  const iso = isoDateOf(value);
  if (!iso) return `${field.label} must be a real date, for example 14 9 2026`;
  return field.notAfterToday && iso > todayInEngland() ? SERVICE_MESSAGES.DATE_IN_THE_FUTURE(field.label) : undefined;
}

function problemOf(field: FieldSpec, value: FormValue): string | undefined {
  const label = lower(field.label);
  if (isBlank(value)) return field.optional ? undefined : field.kind === 'radios' || field.kind === 'select' ? `Select ${label}` : `Enter ${label}`;
  if (isDate(value)) return dateProblemOf(field, value);
  if (field.options && !field.options.some((option) => option.value === value)) return `Select ${label} from the list`;
  if (field.kind === 'url' && !URL_PATTERN.test(value)) return `Enter ${label} starting with https://`;
  if (field.kind === 'number' && !INTEGER.test(value)) return `${field.label} must be a whole number, like 25`;
  if (field.minLength && value.length < field.minLength) return `${field.label} must be ${field.minLength} characters or more`;
  if (field.maxLength && value.length > field.maxLength) return `${field.label} must be ${field.maxLength} characters or fewer`;
  return undefined;
}

/** The errors of the fields that apply, in page order: what must be right before the service is asked. */
export function validateForm(fields: FieldSpec[], values: FormValues): FieldError[] {
  return fields.flatMap((field) => {
    const text = applies(field, values) ? problemOf(field, values[field.name] ?? '') : undefined;
    return text ? [{ field: field.name, href: hrefOf(field), text }] : [];
  });
}

/** The API body of a valid form: dates as YYYY-MM-DD, numbers as numbers, blank and inapplicable fields left out. */
export function toBody(fields: FieldSpec[], values: FormValues): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (isBlank(value) || !applies(field, values)) continue;
    body[field.name] = isDate(value) ? (isoDateOf(value) as string) : field.kind === 'number' ? Number(value) : value;
  }
  return body;
}

const SERVICE_MESSAGES: Record<string, (label: string) => string> = {
  DATE_IN_THE_FUTURE: (label) => `${label} must be today or in the past`,
  DATE_BEFORE_PREVIOUS_STAGE: (label) => `${label} must be on or after the date of the review's current stage`,
  EMBARGO_BEFORE_DECISION: (label) => `${label} must be after the date the embargo was decided`,
  RE_AUDIT_BEFORE_EMBEDDED: (label) => `${label} must be after the date the learning was embedded`,
  STAGE_TRANSITION_NOT_ALLOWED: () => 'The review cannot move to that stage from where it is now: choose one of the stages offered',
  PUBLICATION_STATE_REQUIRED: (label) => `Select ${lower(label)}`,
  REASON_REQUIRED: (label) => `Enter ${lower(label)}`,
  EVIDENCE_REQUIRED: (label) => `Enter ${lower(label)}`,
};

/** Review-wide refusals, worded for the person at the form. */
const REVIEW_MESSAGES: Record<string, string> = {
  CASE_NOT_FOUND: 'The reviews service has not received this case yet. Wait a minute and try again.',
  REVIEW_EXISTS: 'This case already has its review.',
  REVIEW_PAUSED: 'The review is paused: resume it before recording a stage change.',
  REVIEW_CLOSED: 'The review is closed: nothing more can be recorded on it.',
  ACTIONS_NOT_COMPLETE: 'Learning can be marked embedded once the recommendation has actions and every one is completed or no longer required.',
  LEARNING_NOT_EMBEDDED: 'Record that the learning is embedded before its re-audit.',
};

function fieldNameOf(problem: FieldProblem): string {
  return problem.pointer ? (problem.pointer.split('/')[1] ?? '') : (problem.field ?? '').split('.')[0];
}

/** The service's refusal on the form: each field problem on its field, anything else linked to the first field. */
export function errorsFromService(fields: FieldSpec[], problem: Problem): FieldError[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const top = (text: string): FieldError => ({ field: '', href: fields[0] ? hrefOf(fields[0]) : '#', text });
  const errors = (problem.errors ?? []).flatMap((fieldProblem) => {
    const field = byName.get(fieldNameOf(fieldProblem));
    if (!field) return [top(REVIEW_MESSAGES[problem.code] ?? fieldProblem.message)];
    const message = SERVICE_MESSAGES[fieldProblem.code];
    const text = field.serviceMessages?.[fieldProblem.code] ?? (message ? message(field.label) : fieldProblem.message);
    return [{ field: field.name, href: hrefOf(field), text }];
  });
  const seen = new Set<string>();
  const once = errors.filter((error) => error.field === '' || (!seen.has(error.field) && Boolean(seen.add(error.field))));
  if (once.length > 0) return once;
  return [top(REVIEW_MESSAGES[problem.code] ?? problem.detail ?? problem.title ?? 'The service refused the form')];
}
