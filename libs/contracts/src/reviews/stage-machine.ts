import type { ReviewStageV1 } from '../events/review-snapshot.v1.js';

export type ReviewStage = ReviewStageV1;

/** The review type whose reviews have a rapid-review stage and may be converted. */
export const RAPID_REVIEW_TYPE = 'RAPID_REVIEW';

/** Sub-stages of a review in progress (a move between them is recorded like a stage change). */
export const InProgressSubStages = ['SCOPING', 'AGENCY_REPORTS', 'DRAFTING'] as const;
export type InProgressSubStage = (typeof InProgressSubStages)[number];

/**
 * The moves SCRT.md §5 allows. A rapid review goes notified -> rapid review -> decision, then
 * closes (no further review, or converted to a full review that carries on). Every other review
 * goes notified -> decision (to hold it) -> in progress -> signed off -> published (or embargoed,
 * or not to be published) -> learning disseminated -> closed; it may close after sign-off.
 */
const RAPID_REVIEW_MOVES: Readonly<Partial<Record<ReviewStage, readonly ReviewStage[]>>> = {
  NOTIFIED: ['RAPID_REVIEW'],
  RAPID_REVIEW: ['DECISION'],
  DECISION: ['CLOSED'],
};

const FULL_REVIEW_MOVES: Readonly<Partial<Record<ReviewStage, readonly ReviewStage[]>>> = {
  NOTIFIED: ['DECISION'],
  DECISION: ['IN_PROGRESS'],
  IN_PROGRESS: ['IN_PROGRESS', 'SIGNED_OFF'],
  SIGNED_OFF: ['PUBLISHED', 'CLOSED'],
  PUBLISHED: ['LEARNING_DISSEMINATED', 'CLOSED'],
  LEARNING_DISSEMINATED: ['CLOSED'],
};

const OPEN_STAGES: ReadonlySet<ReviewStage> = new Set(['NOTIFIED', 'RAPID_REVIEW', 'DECISION', 'IN_PROGRESS']);

export const isRapidReview = (reviewType: string) => reviewType === RAPID_REVIEW_TYPE;

/** The stages a review of this type may move to from `stage`. */
export function allowedMoves(reviewType: string, stage: ReviewStage): readonly ReviewStage[] {
  return (isRapidReview(reviewType) ? RAPID_REVIEW_MOVES : FULL_REVIEW_MOVES)[stage] ?? [];
}

export function isAllowedMove(reviewType: string, from: ReviewStage, to: ReviewStage): boolean {
  return allowedMoves(reviewType, from).includes(to);
}

/** Open = stages 1-4 of SCRT.md §5; closed = signed off onwards. */
export const statusOfStage = (stage: ReviewStage): 'open' | 'closed' => (OPEN_STAGES.has(stage) ? 'open' : 'closed');

/** Nothing more may be recorded on a review once it is closed for good. */
export const isFinal = (stage: ReviewStage) => stage === 'CLOSED';
