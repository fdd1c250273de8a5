import { isRapidReview } from '@scrt/contracts';
import { labelOf, type Code } from '../cases/reference-lists.js';
import type { Option } from './review-form/form-fields.js';
import type { Review } from './review-api.types.js';

/** The code lists the review pages use, by list code. */
export const REVIEW_CODE_LISTS = [
  'review-types',
  'review-stages',
  'publication-states',
  'pause-reasons',
  'recommendation-themes',
  'agencies',
  'action-statuses',
  'contributory-factors',
  'dissemination-methods',
] as const;
export type ReviewCodes = Record<(typeof REVIEW_CODE_LISTS)[number], Code[]>;

/** Stages and sub-stages the review-stages list does not name (the service's own). */
const STAGE_LABELS: Record<string, string> = { NOTIFICATION: 'Notification', REVIEW: 'Full review', CLOSED: 'Closed', SCOPING: 'Scoping', AGENCY_REPORTS: 'Agency reports', DRAFTING: 'Drafting' };

export const SUB_STAGE_OPTIONS: Option[] = ['SCOPING', 'AGENCY_REPORTS', 'DRAFTING'].map((value) => ({ value, text: STAGE_LABELS[value] }));

export function stageLabel(codes: Pick<ReviewCodes, 'review-stages'>, stage: string, subStage?: string | null): string {
  const label = STAGE_LABELS[stage] ?? labelOf(codes['review-stages'], stage);
  return subStage ? `${label}: ${(STAGE_LABELS[subStage] ?? subStage).toLowerCase()}` : label;
}

/** The usable codes of a list as choices. */
export const optionsOf = (codes: Code[], except: string[] = []): Option[] =>
  codes.filter((code) => !code.deprecated && !except.includes(code.code)).map((code) => ({ value: code.code, text: code.label }));

export const reviewTitle = (codes: Pick<ReviewCodes, 'review-types'>, review: Review) => labelOf(codes['review-types'], review.reviewType);

/** A rapid review at its decision, not converted yet, may become a full review. */
export const canConvert = (review: Review) => isRapidReview(review.reviewType) && review.stage === 'DECISION' && review.convertedToId === null && !review.paused;
