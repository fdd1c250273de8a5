import type { DateParts, FieldError } from '../../cases/case-form/case-form.js';
import type { FieldSpec, FormValue, FormValues } from './form-fields.js';

/** What a review form page is: its heading, where it posts, its fields and what it carries back. */
export interface ReviewFormDefinition {
  title: string;
  caption: string;
  action: string;
  submitText: string;
  cancelHref: string;
  intro?: string;
  fields: FieldSpec[];
  /** The version the form was filled in against, sent back as If-Match. */
  version?: number;
  /** Creations: the key that makes a resubmitted form create once. */
  idempotencyKey?: string;
}

type ErrorMessage = { text: string } | undefined;

const labelText = (field: FieldSpec) => (field.optional ? `${field.label} (optional)` : field.label);
const hintOf = (field: FieldSpec) => (field.hint ? { hint: { text: field.hint } } : {});
const textOf = (value: FormValue | undefined) => (typeof value === 'string' ? value : '');

function dateParams(field: FieldSpec, parts: DateParts, errorMessage: ErrorMessage) {
  const width = (name: keyof DateParts) => (name === 'year' ? 'nhsuk-input--width-4' : 'nhsuk-input--width-2');
  return {
    id: field.name,
    namePrefix: field.name,
    fieldset: { legend: { text: labelText(field), size: 's' } },
    ...hintOf(field),
    errorMessage,
    items: (['day', 'month', 'year'] as const).map((name) => ({ name, value: parts[name], classes: `${width(name)}${errorMessage ? ' nhsuk-input--error' : ''}` })),
  };
}

/** One field as its nhsuk macro's parameters (`macro` says which). */
export function fieldParams(field: FieldSpec, value: FormValue | undefined, errorMessage: ErrorMessage): { macro: string; params: object } {
  const label = { text: labelText(field), size: 's' };
  const text = textOf(value);
  switch (field.kind) {
    case 'date':
      return { macro: 'date', params: dateParams(field, typeof value === 'object' ? value : { day: '', month: '', year: '' }, errorMessage) };
    case 'radios':
      return {
        macro: 'radios',
        params: { idPrefix: field.name, name: field.name, fieldset: { legend: { text: labelText(field), size: 's' } }, ...hintOf(field), errorMessage, items: (field.options ?? []).map((option) => ({ ...option, checked: option.value === text })) },
      };
    case 'select':
      return {
        macro: 'select',
        params: { id: field.name, name: field.name, label, ...hintOf(field), errorMessage, items: [{ value: '', text: 'Select an option' }, ...(field.options ?? []).map((option) => ({ ...option, selected: option.value === text }))] },
      };
    case 'textarea':
      return { macro: 'characterCount', params: { id: field.name, name: field.name, label, ...hintOf(field), errorMessage, value: text, rows: 4, maxlength: field.maxLength } };
    default:
      return {
        macro: 'input',
        params: {
          id: field.name,
          name: field.name,
          label,
          ...hintOf(field),
          errorMessage,
          value: text,
          ...(field.kind === 'number' ? { inputmode: 'numeric', classes: 'nhsuk-input--width-10' } : { classes: 'nhsuk-u-width-two-thirds' }),
          ...(field.kind === 'url' && { type: 'url', spellcheck: false }),
        },
      };
  }
}

/** The macro parameters of a review form page, complete before rendering. */
export function formPageViewModel(definition: ReviewFormDefinition, values: FormValues, errors: FieldError[]) {
  const errorOf = (name: string): ErrorMessage => {
    const error = errors.find((candidate) => candidate.field === name);
    return error && { text: error.text };
  };
  const { fields, version, idempotencyKey, ...page } = definition;
  return {
    ...page,
    errorList: errors.map(({ text, href }) => ({ text, href })),
    hidden: { ...(version !== undefined && { version: String(version) }), ...(idempotencyKey && { idempotencyKey }) },
    fields: fields.map((field) => fieldParams(field, values[field.name], errorOf(field.name))),
  };
}
