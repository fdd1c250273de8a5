import { describe, expect, it } from '@jest/globals';
import { errorsFromService, parseForm, toBody, validateForm, type FieldSpec } from './form-fields.js';

const FIELDS: FieldSpec[] = [
  { name: 'stage', kind: 'radios', label: 'Stage the review moves to', options: [{ value: 'PUBLISHED', text: 'Published' }, { value: 'CLOSED', text: 'Closed' }] },
  { name: 'occurredOn', kind: 'date', label: 'Date it happened' },
  { name: 'reportLink', kind: 'url', label: 'Link to the final report', optional: true, when: { field: 'stage', oneOf: ['PUBLISHED'] } },
  { name: 'reached', kind: 'number', label: 'Number reached', optional: true },
];

const body = (fields: Record<string, string>) => ({ 'occurredOn[day]': '3', 'occurredOn[month]': '11', 'occurredOn[year]': '2026', ...fields });

describe('review form fields', () => {
  it('asks for every required field, in page order, dates linking to their day input', () => {
    const errors = validateForm(FIELDS, parseForm(FIELDS, {}));
    expect(errors).toEqual([
      { field: 'stage', href: '#stage', text: 'Select stage the review moves to' },
      { field: 'occurredOn', href: '#occurredOn-day', text: 'Enter date it happened' },
    ]);
  });

  it('refuses an impossible date, a choice not offered, a link that is not one and a number that is not whole', () => {
    const values = parseForm(FIELDS, body({ stage: 'SIGNED_OFF', 'occurredOn[day]': '31', 'occurredOn[month]': '2', reached: '2.5' }));
    expect(validateForm(FIELDS, values).map((error) => error.field)).toEqual(['stage', 'occurredOn', 'reached']);
    const published = parseForm(FIELDS, body({ stage: 'PUBLISHED', reportLink: 'www.example.org' }));
    expect(validateForm(FIELDS, published)).toEqual([{ field: 'reportLink', href: '#reportLink', text: 'Enter link to the final report starting with https://' }]);
  });

  it('sends ISO dates and numbers, leaving out blank fields and those that do not apply to the choice made', () => {
    expect(toBody(FIELDS, parseForm(FIELDS, body({ stage: 'CLOSED', reportLink: 'https://example.org/r.pdf', reached: '40' })))).toEqual({ stage: 'CLOSED', occurredOn: '2026-11-03', reached: 40 });
    expect(toBody(FIELDS, parseForm(FIELDS, body({ stage: 'PUBLISHED', reportLink: 'https://example.org/r.pdf' })))).toEqual({ stage: 'PUBLISHED', occurredOn: '2026-11-03', reportLink: 'https://example.org/r.pdf' });
  });

  it("puts the service's field problems on their fields in people's words, and a review-wide refusal at the top", () => {
    const dated = errorsFromService(FIELDS, { status: 422, code: 'DATE_BEFORE_PREVIOUS_STAGE', errors: [{ field: 'occurredOn', code: 'DATE_BEFORE_PREVIOUS_STAGE', message: 'occurredOn 2026-01-01 is before 2026-02-01' }] });
    expect(dated).toEqual([{ field: 'occurredOn', href: '#occurredOn-day', text: "Date it happened must be on or after the date of the review's current stage" }]);
    const paused = errorsFromService(FIELDS, { status: 409, code: 'REVIEW_PAUSED', detail: 'The review is paused' });
    expect(paused).toEqual([{ field: '', href: '#stage', text: 'The review is paused: resume it before recording a stage change.' }]);
  });
});
