import { statusOfStage, type ReviewSnapshotV1, type ReviewStage } from '@scrt/contracts';
import type { ClockState } from '../deadlines/deadline-engine.js';
import type { ReviewDto } from './dto/review.dto.js';
import { isoDateOf, isoDateOrNull } from './review-dates.js';
import type { ReviewRow, ReviewWithHistory } from './reviews.repository.js';

/** The review as events carry it (no free text). */
export function reviewSnapshot(row: ReviewRow): ReviewSnapshotV1 {
  const stage = row.stage as ReviewStage;
  return {
    reviewId: row.id,
    version: row.version,
    caseId: row.caseId,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    reviewType: row.reviewType,
    stage,
    subStage: row.subStage,
    stageDate: isoDateOf(row.stageDate),
    status: statusOfStage(stage),
    convertedFromId: row.convertedFromId,
    convertedToId: row.convertedToId,
    signedOffOn: isoDateOrNull(row.signedOffOn),
    publicationState: row.publicationState,
    publishedOn: isoDateOrNull(row.publishedOn),
    embargoUntil: isoDateOrNull(row.embargoUntil),
    paused: row.pausedOn !== null,
    pauseReason: row.pauseReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toReviewDto(review: ReviewWithHistory, clocks: ClockState[]): ReviewDto {
  const { reviewId, ...snapshot } = reviewSnapshot(review);
  return {
    id: reviewId,
    ...snapshot,
    reportLink: review.reportLink,
    stages: review.stageChanges.map((entry) => ({
      stage: entry.stage,
      subStage: entry.subStage,
      occurredOn: isoDateOf(entry.occurredOn),
      recordedAt: entry.recordedAt.toISOString(),
      recordedBy: entry.recordedBy,
    })),
    pauses: review.pauses.map((pause) => ({ reason: pause.reason, pausedOn: isoDateOf(pause.pausedOn), resumedOn: isoDateOrNull(pause.resumedOn) })),
    clocks: clocks.map(({ pausedCalendarDays: _days, ...clock }) => clock),
    createdBy: review.createdBy,
  };
}
