import { RecommendationStatusesV1 } from '@scrt/contracts';
import type { Action, Recommendation, Review } from '../review-api.types.js';
import { optionsOf, reviewTitle, type ReviewCodes } from '../review-codes.js';
import type { FieldSpec } from '../review-form/form-fields.js';
import type { ReviewFormDefinition } from '../review-form/form-page.view-model.js';

const NOT_IN_FUTURE = 'Today or earlier, for example 14 9 2026';
const ROLE_HINT = 'A role or team, not a person’s name';
const RECOMMENDATION_STATUS_LABELS: Record<string, string> = {
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In progress',
  IMPLEMENTED: 'Implemented',
  NOT_IMPLEMENTED: 'Not implemented',
  SUPERSEDED: 'Superseded',
};
export const recommendationStatusLabel = (status: string) => RECOMMENDATION_STATUS_LABELS[status] ?? status;

/** The kinds of learning a review records besides recommendations, as the API takes them. */
export const LEARNING_KINDS = {
  'contributory-factor': { title: 'Add a contributory factor', noun: 'Contributory factor' },
  lesson: { title: 'Add a lesson learnt', noun: 'Lesson learnt' },
  'good-practice': { title: 'Add good practice', noun: 'Good practice' },
  dissemination: { title: 'Record dissemination of the learning', noun: 'Dissemination' },
} as const;
export type LearningKind = keyof typeof LEARNING_KINDS;

function page(codes: ReviewCodes, review: Review, title: string, path: string, submitText: string, fields: FieldSpec[], version?: number): ReviewFormDefinition {
  return { title, caption: reviewTitle(codes, review), action: `/reviews/${review.id}/${path}`, submitText, cancelHref: `/reviews/${review.id}`, fields, ...(version !== undefined && { version }) };
}

export function recommendationForm(codes: ReviewCodes, review: Review): ReviewFormDefinition {
  return page(codes, review, 'Add a recommendation', 'recommendations/new', 'Add recommendation', [
    { name: 'text', kind: 'textarea', label: 'Recommendation', hint: 'Do not enter details that could identify a person.', minLength: 10, maxLength: 4000 },
    { name: 'theme', kind: 'select', label: 'Theme', options: optionsOf(codes['recommendation-themes']) },
    { name: 'agency', kind: 'select', label: 'Agency or sector it is for', options: optionsOf(codes.agencies) },
    { name: 'lead', kind: 'text', label: 'Lead', hint: ROLE_HINT, optional: true, maxLength: 200 },
    { name: 'dueDate', kind: 'date', label: 'Due date', hint: 'For example 31 3 2027', optional: true },
  ]);
}

export function recommendationStatusForm(codes: ReviewCodes, review: Review, recommendation: Recommendation): ReviewFormDefinition {
  const options = RecommendationStatusesV1.map((value) => ({ value, text: recommendationStatusLabel(value) }));
  return page(codes, review, 'Update the recommendation’s status', `recommendations/${recommendation.id}/status`, 'Update status', [
    { name: 'status', kind: 'radios', label: 'Status', options },
    { name: 'reason', kind: 'textarea', label: 'Reason or evidence', hint: 'Needed when not implemented or superseded', maxLength: 2000, minLength: 3, when: { field: 'status', oneOf: ['NOT_IMPLEMENTED', 'SUPERSEDED'] } },
  ], recommendation.version);
}

export function actionForm(codes: ReviewCodes, review: Review, recommendation: Recommendation): ReviewFormDefinition {
  return page(codes, review, 'Add an action', `recommendations/${recommendation.id}/actions`, 'Add action', [
    { name: 'description', kind: 'textarea', label: 'Action', minLength: 3, maxLength: 2000 },
    { name: 'owner', kind: 'text', label: 'Owner', hint: ROLE_HINT, minLength: 2, maxLength: 200 },
    { name: 'dueDate', kind: 'date', label: 'Due date', hint: 'For example 31 1 2027' },
  ]);
}

/** Progress on an action; evidence and completion date with COMPLETED only (OVERDUE is derived, never set). */
export function actionUpdateForm(codes: ReviewCodes, review: Review, action: Action): ReviewFormDefinition {
  const completed = { field: 'status', oneOf: ['COMPLETED'] };
  return page(codes, review, 'Update the action', `actions/${action.id}/update`, 'Update action', [
    { name: 'status', kind: 'radios', label: 'Status', options: optionsOf(codes['action-statuses'], ['OVERDUE']) },
    { name: 'evidenceText', kind: 'textarea', label: 'Evidence of completion', hint: 'Needed when completed', minLength: 3, maxLength: 2000, when: completed },
    { name: 'evidenceLink', kind: 'url', label: 'Link to the evidence', optional: true, maxLength: 2000, when: completed },
    { name: 'completedOn', kind: 'date', label: 'Date completed', hint: NOT_IN_FUTURE, notAfterToday: true, when: completed },
  ], action.version);
}

export function learningEmbeddedForm(codes: ReviewCodes, review: Review, recommendation: Recommendation): ReviewFormDefinition {
  return page(codes, review, 'Record the learning as embedded', `recommendations/${recommendation.id}/learning-embedded`, 'Record learning embedded', [
    { name: 'embeddedOn', kind: 'date', label: 'Date the learning was embedded', hint: NOT_IN_FUTURE, notAfterToday: true },
    { name: 'reAuditDue', kind: 'date', label: 'Re-audit due', hint: 'After the date the learning was embedded' },
  ], recommendation.version);
}

export function reAuditForm(codes: ReviewCodes, review: Review, recommendation: Recommendation): ReviewFormDefinition {
  return page(codes, review, 'Record the re-audit', `recommendations/${recommendation.id}/re-audit`, 'Record re-audit', [
    { name: 'outcome', kind: 'textarea', label: 'Outcome of the re-audit', minLength: 3, maxLength: 2000 },
    {
      name: 'recordedOn',
      kind: 'date',
      label: 'Date of the re-audit',
      hint: NOT_IN_FUTURE,
      notAfterToday: true,
      // The service's code is the stage one; here the earlier date is the learning embedded.
      serviceMessages: { DATE_BEFORE_PREVIOUS_STAGE: 'Date of the re-audit must be on or after the date the learning was embedded' },
    },
  ], recommendation.version);
}

export function learningForm(codes: ReviewCodes, review: Review, kind: LearningKind): ReviewFormDefinition {
  const { title } = LEARNING_KINDS[kind];
  const fields: FieldSpec[] =
    kind === 'dissemination'
      ? [
          { name: 'method', kind: 'select', label: 'Method', options: optionsOf(codes['dissemination-methods']) },
          { name: 'audience', kind: 'text', label: 'Audience', minLength: 2, maxLength: 500 },
          { name: 'occurredOn', kind: 'date', label: 'Date', hint: NOT_IN_FUTURE, notAfterToday: true },
          { name: 'reached', kind: 'number', label: 'Number of people reached' },
        ]
      : kind === 'contributory-factor'
        ? [{ name: 'code', kind: 'select', label: 'Contributory factor', options: optionsOf(codes['contributory-factors']) }]
        : [{ name: 'text', kind: 'textarea', label: LEARNING_KINDS[kind].noun, hint: 'Do not enter details that could identify a person.', minLength: 3, maxLength: 4000 }];
  return page(codes, review, title, `learning/${kind}`, 'Save', fields);
}
