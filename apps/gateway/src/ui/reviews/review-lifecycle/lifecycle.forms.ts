import { allowedMoves, RAPID_REVIEW_TYPE, type ReviewStage } from '@scrt/contracts';
import { referenceOf } from '../../cases/case-list/case-list.view-model.js';
import { formatDate } from '../../rendering/view-environment.js';
import type { Review } from '../review-api.types.js';
import { optionsOf, reviewTitle, stageLabel, SUB_STAGE_OPTIONS, type ReviewCodes } from '../review-codes.js';
import type { FieldSpec, Option } from '../review-form/form-fields.js';
import type { ReviewFormDefinition } from '../review-form/form-page.view-model.js';

const NOT_IN_FUTURE = 'Today or earlier, for example 14 9 2026';
const caseHref = (review: Review) => `/cases/${review.caseId}#review-${review.id}`;
const captionOf = (codes: ReviewCodes, review: Review) => `Case ${referenceOf(review.caseId)}: ${reviewTitle(codes, review)}`;

/** The stages a review may move to next, as the service's stage machine allows them. */
export function nextStageOptions(codes: ReviewCodes, review: Review): Option[] {
  return allowedMoves(review.reviewType, review.stage as ReviewStage).map((stage) => ({
    value: stage,
    text: stage === review.stage ? `${stageLabel(codes, stage)}: move to another sub-stage` : stageLabel(codes, stage),
  }));
}

export function openReviewForm(caseId: string, idempotencyKey: string): ReviewFormDefinition {
  return {
    title: 'Open the review',
    caption: `Case ${referenceOf(caseId)}`,
    action: `/cases/${caseId}/reviews/new`,
    submitText: 'Open review',
    cancelHref: `/cases/${caseId}`,
    intro: "The review is of the case's type and starts as notified. Its target date follows from the date of the notification.",
    fields: [{ name: 'notifiedOn', kind: 'date', label: 'Date of the notification or referral', hint: NOT_IN_FUTURE, notAfterToday: true }],
    idempotencyKey,
  };
}

/** The next stage with its date; sub-stage and publication details only where the move needs them. */
export function stageChangeForm(codes: ReviewCodes, review: Review): ReviewFormDefinition {
  const options = nextStageOptions(codes, review);
  const offers = (stage: string) => options.some((option) => option.value === stage);
  const fields: FieldSpec[] = [
    { name: 'stage', kind: 'radios', label: 'Stage the review moves to', options },
    { name: 'occurredOn', kind: 'date', label: 'Date it happened', hint: `On or after ${formatDate(review.stageDate)}, when the current stage began. For publication, the date of the decision to publish, embargo or not publish.`, notAfterToday: true },
  ];
  if (offers('IN_PROGRESS')) fields.push({ name: 'subStage', kind: 'select', label: 'Sub-stage', hint: 'For a review in progress', options: SUB_STAGE_OPTIONS, when: { field: 'stage', oneOf: ['IN_PROGRESS'] } });
  if (offers('PUBLISHED')) {
    fields.push(
      { name: 'publicationState', kind: 'radios', label: 'Publication state', hint: 'For the published stage', options: optionsOf(codes['publication-states']), when: { field: 'stage', oneOf: ['PUBLISHED'] } },
      { name: 'reportLink', kind: 'url', label: 'Link to the final report', hint: 'For a published report, starting with https://', optional: true, maxLength: 2000, when: { field: 'stage', oneOf: ['PUBLISHED'] } },
      { name: 'embargoUntil', kind: 'date', label: 'Embargoed until', hint: 'For an embargoed report', optional: true, when: { field: 'publicationState', oneOf: ['EMBARGOED'] } },
    );
  }
  return { title: 'Record a stage change', caption: captionOf(codes, review), action: `/reviews/${review.id}/stage`, submitText: 'Record stage change', cancelHref: caseHref(review), fields, version: review.version };
}

export function convertForm(codes: ReviewCodes, review: Review, idempotencyKey: string): ReviewFormDefinition {
  return {
    title: 'Convert the rapid review',
    caption: captionOf(codes, review),
    action: `/reviews/${review.id}/convert`,
    submitText: 'Convert review',
    cancelHref: caseHref(review),
    intro: 'The rapid review closes on the date of the decision and keeps its own dates. A new review of the chosen type starts at its decision, linked to it.',
    fields: [
      { name: 'reviewType', kind: 'radios', label: 'Type of review it becomes', options: optionsOf(codes['review-types'], [RAPID_REVIEW_TYPE]) },
      { name: 'decidedOn', kind: 'date', label: 'Date of the decision', hint: NOT_IN_FUTURE, notAfterToday: true },
    ],
    version: review.version,
    idempotencyKey,
  };
}

export function pauseForm(codes: ReviewCodes, review: Review): ReviewFormDefinition {
  return {
    title: 'Pause the review',
    caption: captionOf(codes, review),
    action: `/reviews/${review.id}/pause`,
    submitText: 'Pause review',
    cancelHref: caseHref(review),
    intro: 'Paused time does not count against the target: the target date moves on while the review is paused.',
    fields: [
      { name: 'reason', kind: 'select', label: 'Reason for the pause', options: optionsOf(codes['pause-reasons']) },
      { name: 'pausedOn', kind: 'date', label: 'Date the pause began', hint: NOT_IN_FUTURE, notAfterToday: true },
    ],
    version: review.version,
  };
}

export function resumeForm(codes: ReviewCodes, review: Review): ReviewFormDefinition {
  return {
    title: 'Resume the review',
    caption: captionOf(codes, review),
    action: `/reviews/${review.id}/resume`,
    submitText: 'Resume review',
    cancelHref: caseHref(review),
    fields: [{ name: 'resumedOn', kind: 'date', label: 'Date the review resumed', hint: NOT_IN_FUTURE, notAfterToday: true }],
    version: review.version,
  };
}
