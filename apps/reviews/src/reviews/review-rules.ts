import type { IsoDate } from '@scrt/working-days';
import { ReviewRuleError } from './reviews.errors.js';
import { isAllowedMove, isFinal, type ReviewStage } from '@scrt/contracts';

/** What a rule needs of the review as it stands. */
export interface ReviewState {
  reviewType: string;
  stage: ReviewStage;
  subStage: string | null;
  stageDate: IsoDate;
  paused: boolean;
}

export interface StageChange {
  stage: ReviewStage;
  occurredOn: IsoDate;
  subStage?: string;
  publicationState?: string;
  reportLink?: string;
  embargoUntil?: IsoDate;
}

/** A date the user entered: not in the future, not before the stage the review is in began. */
export function assertDateInOrder(field: string, date: IsoDate, review: ReviewState, today: IsoDate): void {
  if (date > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `${field} ${date} is in the future`, field);
  if (date < review.stageDate) throw new ReviewRuleError(422, 'DATE_BEFORE_PREVIOUS_STAGE', `${field} ${date} is before ${review.stageDate}, when the review entered ${review.stage}`, field);
}

export function assertNotClosed(review: ReviewState): void {
  if (isFinal(review.stage)) throw new ReviewRuleError(409, 'REVIEW_CLOSED', 'The review is closed: nothing more may be recorded on it.');
}

/**
 * Every rule a stage change must pass (issue 10 §1, SCRT.md §4), checked before anything is
 * written: the stage machine's moves, dates in order and not in the future, the fields each
 * stage needs (published needs a publication state; a published report takes `occurredOn` as
 * its date), and no stage change while the review is paused. "Closed needs a sign-off or a
 * published or embargoed report" holds by the machine: a full review reaches CLOSED only from
 * SIGNED_OFF or later, and a rapid review (which has no report) closes at its decision.
 */
export function assertStageChange(review: ReviewState, change: StageChange, today: IsoDate): void {
  assertNotClosed(review);
  if (review.paused) throw new ReviewRuleError(409, 'REVIEW_PAUSED', 'The review is paused: resume it before recording a stage change.');
  if (!isAllowedMove(review.reviewType, review.stage, change.stage)) {
    throw new ReviewRuleError(409, 'STAGE_TRANSITION_NOT_ALLOWED', `A ${review.reviewType} review cannot move from ${review.stage} to ${change.stage}.`, 'stage');
  }
  assertDateInOrder('occurredOn', change.occurredOn, review, today);
  if (change.subStage !== undefined && change.stage !== 'IN_PROGRESS') throw new ReviewRuleError(422, 'SUB_STAGE_NOT_ALLOWED', 'subStage is only given with IN_PROGRESS', 'subStage');
  if (change.stage === 'IN_PROGRESS' && review.stage === 'IN_PROGRESS' && (change.subStage ?? null) === review.subStage) {
    throw new ReviewRuleError(409, 'STAGE_TRANSITION_NOT_ALLOWED', `The review is already in progress at ${review.subStage ?? 'no sub-stage'}: give another subStage.`, 'subStage');
  }
  assertPublication(change);
}

function assertPublication(change: StageChange): void {
  if (change.stage !== 'PUBLISHED') {
    for (const field of ['publicationState', 'embargoUntil', 'reportLink'] as const) {
      if (change[field] !== undefined) throw new ReviewRuleError(422, 'PUBLICATION_FIELD_NOT_ALLOWED', `${field} is only given with the PUBLISHED stage`, field);
    }
    return;
  }
  if (change.publicationState === undefined) {
    throw new ReviewRuleError(422, 'PUBLICATION_STATE_REQUIRED', 'The PUBLISHED stage needs a publicationState (published, embargoed or not to be published)', 'publicationState');
  }
  if (change.embargoUntil !== undefined) {
    if (change.publicationState !== 'EMBARGOED') throw new ReviewRuleError(422, 'PUBLICATION_FIELD_NOT_ALLOWED', 'embargoUntil is only given for an embargoed report', 'embargoUntil');
    if (change.embargoUntil <= change.occurredOn) throw new ReviewRuleError(422, 'EMBARGO_BEFORE_DECISION', 'embargoUntil must be after the date the embargo was decided (occurredOn)', 'embargoUntil');
  }
}
