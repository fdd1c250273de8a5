import { todayInEngland } from '@scrt/working-days';
import { parseForm, toBody, validateForm } from '../reviews/review-form/form-fields.js';
import type { ReviewFormDefinition } from '../reviews/review-form/form-page.view-model.js';

type Posted = Record<string, string>;

/** The errors of a review form posted with `body`, as field -> message. */
export const errorsOf = (form: ReviewFormDefinition, body: Posted) => Object.fromEntries(validateForm(form.fields, parseForm(form.fields, body)).map((error) => [error.field, error.text]));

/** Where the error summary of a review form posted with `body` links, in page order. */
export const hrefsOf = (form: ReviewFormDefinition, body: Posted) => validateForm(form.fields, parseForm(form.fields, body)).map((error) => error.href);

/** The API body a review form posted with `body` sends. */
export const bodyOf = (form: ReviewFormDefinition, body: Posted) => toBody(form.fields, parseForm(form.fields, body));

/** A date as nhsuk's dateInput posts it. */
export const dateFields = (field: string, day: string, month: string, year: string) => ({ [`${field}[day]`]: day, [`${field}[month]`]: month, [`${field}[year]`]: year });

/** Day, month and year of a date long after any run of these specs, as a date input takes them. */
export const FUTURE = ['1', '1', '2999'] as const;

/** Today in England (the service's calendar) as day, month and year. */
export function todayParts(): [string, string, string] {
  const [year, month, day] = todayInEngland().split('-').map(Number).map(String);
  return [day, month, year];
}
