import { describe, expect, it } from '@jest/globals';
import { todayInEngland } from '@scrt/working-days';
import { bodyOf, dateFields as date, errorsOf, FUTURE, hrefsOf, todayParts } from '../../testing/review-form-input.js';
import { recordedAction, recordedRecommendation, recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import { errorsFromService } from '../review-form/form-fields.js';
import { actionForm, actionUpdateForm, learningEmbeddedForm, learningForm, reAuditForm, recommendationForm, recommendationStatusForm } from './learning.forms.js';

const codes = reviewCodes();
const review = recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'PUBLISHED' });
const recommendation = recordedRecommendation({ version: 4 });

const long = (length: number) => 'x'.repeat(length);

describe('recommendation form', () => {
  const form = recommendationForm(codes, review);
  const valid = { text: 'Share neglect concerns at the first meeting.', theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE' };

  it('asks for the text, theme and agency, in page order, each linking to its field', () => {
    expect(errorsOf(form, {})).toEqual({ text: 'Enter recommendation', theme: 'Select theme', agency: 'Select agency or sector it is for' });
    expect(hrefsOf(form, {})).toEqual(['#text', '#theme', '#agency']);
  });

  it('refuses text too short or too long, a theme not offered, a lead too long and an impossible due date', () => {
    expect(errorsOf(form, { ...valid, text: 'Too short' })).toEqual({ text: 'Recommendation must be 10 characters or more' });
    expect(errorsOf(form, { ...valid, text: long(4001), theme: 'GOSSIP', lead: long(201), ...date('dueDate', '31', '4', '2027') })).toEqual({
      text: 'Recommendation must be 4000 characters or fewer',
      theme: 'Select theme from the list',
      lead: 'Lead must be 200 characters or fewer',
      dueDate: 'Due date must be a real date, for example 14 9 2026',
    });
  });

  it('sends the trimmed text, an ISO due date (which may be in the future), and leaves out blank optional fields', () => {
    expect(errorsOf(form, { ...valid, ...date('dueDate', ...FUTURE) })).toEqual({});
    expect(bodyOf(form, { ...valid, text: `  ${valid.text} `, lead: ' ', ...date('dueDate', '31', '3', '2027') })).toEqual({ ...valid, dueDate: '2027-03-31' });
  });
});

describe('recommendation status form', () => {
  const form = recommendationStatusForm(codes, review, recommendation);

  it('asks for a status, and a reason only when not implemented or superseded', () => {
    expect(errorsOf(form, {})).toEqual({ status: 'Select status' });
    expect(errorsOf(form, { status: 'NOT_IMPLEMENTED' })).toEqual({ reason: 'Enter reason or evidence' });
    expect(errorsOf(form, { status: 'SUPERSEDED', reason: long(2001) })).toEqual({ reason: 'Reason or evidence must be 2000 characters or fewer' });
    expect(errorsOf(form, { status: 'DONE' })).toEqual({ status: 'Select status from the list' });
  });

  it('leaves out a reason given with a status that takes none, and is sent against the recommendation’s version', () => {
    expect(bodyOf(form, { status: 'IMPLEMENTED', reason: 'left over' })).toEqual({ status: 'IMPLEMENTED' });
    expect(bodyOf(form, { status: 'SUPERSEDED', reason: 'National guidance replaced it.' })).toEqual({ status: 'SUPERSEDED', reason: 'National guidance replaced it.' });
    expect(form.version).toBe(4);
  });
});

describe('action form', () => {
  const form = actionForm(codes, review, recommendation);

  it('asks for the action, its owner and due date; refuses an owner too short and an impossible date', () => {
    expect(hrefsOf(form, {})).toEqual(['#description', '#owner', '#dueDate-day']);
    expect(errorsOf(form, { description: 'Do it', owner: 'X', ...date('dueDate', '30', '2', '2027') })).toEqual({
      owner: 'Owner must be 2 characters or more',
      dueDate: 'Due date must be a real date, for example 14 9 2026',
    });
  });

  it('takes a due date in the future', () => {
    expect(bodyOf(form, { description: 'Add neglect to the agenda.', owner: 'Named GP', ...date('dueDate', ...FUTURE) })).toEqual({ description: 'Add neglect to the agenda.', owner: 'Named GP', dueDate: '2999-01-01' });
  });
});

describe('action update form (status with evidence)', () => {
  const form = actionUpdateForm(codes, review, recordedAction({ version: 6 }));

  it('asks for evidence and a completion date when completed, and nothing more otherwise', () => {
    expect(errorsOf(form, {})).toEqual({ status: 'Select status' });
    expect(errorsOf(form, { status: 'COMPLETED' })).toEqual({ evidenceText: 'Enter evidence of completion', completedOn: 'Enter date completed' });
    expect(bodyOf(form, { status: 'NOT_STARTED', evidenceText: 'ignored', ...date('completedOn', '1', '1', '2026') })).toEqual({ status: 'NOT_STARTED' });
  });

  it('refuses a completion date after today, a link that is not one, and the derived OVERDUE status', () => {
    expect(errorsOf(form, { status: 'COMPLETED', evidenceText: 'Circulated.', evidenceLink: 'intranet/evidence', ...date('completedOn', ...FUTURE) })).toEqual({
      evidenceLink: 'Enter link to the evidence starting with https://',
      completedOn: 'Date completed must be today or in the past',
    });
    expect(errorsOf(form, { status: 'OVERDUE' })).toEqual({ status: 'Select status from the list' });
  });

  it('takes today as the completion date and sends the evidence', () => {
    expect(bodyOf(form, { status: 'COMPLETED', evidenceText: 'Circulated.', evidenceLink: 'https://example.org/e', ...date('completedOn', ...todayParts()) })).toEqual({
      status: 'COMPLETED',
      evidenceText: 'Circulated.',
      evidenceLink: 'https://example.org/e',
      completedOn: todayInEngland(),
    });
    expect(form.version).toBe(6);
  });
});

describe('learning embedded form (with the re-audit date)', () => {
  const form = learningEmbeddedForm(codes, review, recommendation);

  it('asks for both dates; the embedded date may not be after today, the re-audit due date may', () => {
    expect(hrefsOf(form, {})).toEqual(['#embeddedOn-day', '#reAuditDue-day']);
    expect(errorsOf(form, { ...date('embeddedOn', ...FUTURE), ...date('reAuditDue', ...FUTURE) })).toEqual({ embeddedOn: 'Date the learning was embedded must be today or in the past' });
    expect(bodyOf(form, { ...date('embeddedOn', '1', '11', '2026'), ...date('reAuditDue', '1', '5', '2027') })).toEqual({ embeddedOn: '2026-11-01', reAuditDue: '2027-05-01' });
  });

  it("shows the service's refusal of a re-audit due before the learning was embedded on that field", () => {
    const errors = errorsFromService(form.fields, { status: 422, code: 'RE_AUDIT_BEFORE_EMBEDDED', errors: [{ field: 'reAuditDue', code: 'RE_AUDIT_BEFORE_EMBEDDED', message: 'reAuditDue must be after embeddedOn' }] });
    expect(errors).toEqual([{ field: 'reAuditDue', href: '#reAuditDue-day', text: 'Re-audit due must be after the date the learning was embedded' }]);
  });
});

describe('re-audit form (outcome and date)', () => {
  const form = reAuditForm(codes, review, recommendation);

  it('asks for the outcome and the date, refusing a short outcome, an impossible date and one after today', () => {
    expect(errorsOf(form, {})).toEqual({ outcome: 'Enter outcome of the re-audit', recordedOn: 'Enter date of the re-audit' });
    expect(errorsOf(form, { outcome: 'ok', ...date('recordedOn', '29', '2', '2027') })).toEqual({
      outcome: 'Outcome of the re-audit must be 3 characters or more',
      recordedOn: 'Date of the re-audit must be a real date, for example 14 9 2026',
    });
    expect(errorsOf(form, { outcome: 'Embedded.', ...date('recordedOn', ...FUTURE) })).toEqual({ recordedOn: 'Date of the re-audit must be today or in the past' });
  });

  it("words the service's date-order refusal against the learning embedded, not the review's stage", () => {
    const errors = errorsFromService(form.fields, { status: 422, code: 'DATE_BEFORE_PREVIOUS_STAGE', errors: [{ field: 'recordedOn', code: 'DATE_BEFORE_PREVIOUS_STAGE', message: 'recordedOn is before the learning was embedded' }] });
    expect(errors).toEqual([{ field: 'recordedOn', href: '#recordedOn-day', text: 'Date of the re-audit must be on or after the date the learning was embedded' }]);
  });
});

describe('learning forms: contributory factor, lesson, good practice', () => {
  it('a contributory factor is a code of the list', () => {
    const form = learningForm(codes, review, 'contributory-factor');
    expect(errorsOf(form, {})).toEqual({ code: 'Select contributory factor' });
    expect(errorsOf(form, { code: 'BAD_LUCK' })).toEqual({ code: 'Select contributory factor from the list' });
    expect(bodyOf(form, { code: 'WORKLOAD' })).toEqual({ code: 'WORKLOAD' });
  });

  it.each([
    ['lesson', 'Lesson learnt'],
    ['good-practice', 'Good practice'],
  ] as const)('a %s is text of 3 to 4000 characters', (kind, label) => {
    const form = learningForm(codes, review, kind);
    expect(errorsOf(form, {})).toEqual({ text: `Enter ${label.toLowerCase()}` });
    expect(errorsOf(form, { text: 'no' })).toEqual({ text: `${label} must be 3 characters or more` });
    expect(errorsOf(form, { text: long(4001) })).toEqual({ text: `${label} must be 4000 characters or fewer` });
    expect(bodyOf(form, { text: ' Shared the same day. ' })).toEqual({ text: 'Shared the same day.' });
  });
});

describe('dissemination form', () => {
  const form = learningForm(codes, review, 'dissemination');
  const valid = { method: 'NEWSLETTER', audience: 'GP practices', ...date('occurredOn', '3', '11', '2026'), reached: '120' };

  it('asks for every field in page order', () => {
    expect(hrefsOf(form, {})).toEqual(['#method', '#audience', '#occurredOn-day', '#reached']);
  });

  it('refuses a method not offered, an audience too long, a date after today and a number reached that is not whole', () => {
    expect(errorsOf(form, { method: 'CARRIER_PIGEON', audience: long(501), ...date('occurredOn', ...FUTURE), reached: '2.5' })).toEqual({
      method: 'Select method from the list',
      audience: 'Audience must be 500 characters or fewer',
      occurredOn: 'Date must be today or in the past',
      reached: 'Number of people reached must be a whole number, like 25',
    });
    expect(errorsOf(form, { ...valid, reached: '-3' })).toEqual({ reached: 'Number of people reached must be a whole number, like 25' });
  });

  it('sends the number reached as a number', () => {
    expect(bodyOf(form, valid)).toEqual({ method: 'NEWSLETTER', audience: 'GP practices', occurredOn: '2026-11-03', reached: 120 });
  });
});

describe('learning form definitions', () => {
  it('asks for evidence and a completion date only when an action is completed, and never offers OVERDUE', () => {
    const form = actionUpdateForm(codes, review, recordedAction());
    expect(form.fields[0].options?.map((option) => option.value)).toEqual(['NOT_STARTED', 'COMPLETED']);
    expect(form.fields.filter((field) => field.when?.oneOf.includes('COMPLETED')).map((field) => field.name)).toEqual(['evidenceText', 'evidenceLink', 'completedOn']);
    expect(form.version).toBe(1);
  });

  it('has a form for each kind of learning the API records', () => {
    expect(learningForm(codes, review, 'contributory-factor').fields.map((field) => field.name)).toEqual(['code']);
    expect(learningForm(codes, review, 'lesson').fields.map((field) => field.name)).toEqual(['text']);
    expect(learningForm(codes, review, 'dissemination').fields.map((field) => field.name)).toEqual(['method', 'audience', 'occurredOn', 'reached']);
  });
});
