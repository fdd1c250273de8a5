import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';
import { ReviewSnapshotV1, ReviewStagesV1, type ReviewStageV1 } from './review-snapshot.v1.js';

/** A review was opened on a case (the initial review, or a review converted from a rapid review). */
export class ReviewCreatedV1 {
  @ValidateNested() @Type(() => ReviewSnapshotV1) review: ReviewSnapshotV1;
  /**
   * The target date of the timescale the first stage meets (NOTIFIED meets the notification
   * target, counted from the incident); null when it meets none or no target could be counted.
   * Absent from events produced before it was added.
   */
  @IsOptional() @IsISO8601({ strict: true }) targetOn?: string | null;
}

export const ReviewCreatedV1Contract: EventContract<ReviewCreatedV1> = {
  type: 'reviews.review.created',
  version: 1,
  topic: Topics.reviewCreatedV1,
  payloadClass: ReviewCreatedV1,
  aggregateIdOf: (payload) => payload.review.reviewId,
};

/** A review moved to another stage: the date it happened (entered), and the review after the move. */
export class ReviewStageChangedV1 {
  @IsIn(ReviewStagesV1) fromStage: ReviewStageV1;
  @IsIn(ReviewStagesV1) toStage: ReviewStageV1;
  @IsISO8601({ strict: true }) occurredOn: string;
  /**
   * The target date of the timescale the new stage meets (e.g. DECISION meets the rapid review's
   * target), pauses included; null when the stage meets none or no target could be counted.
   * Absent from events produced before it was added.
   */
  @IsOptional() @IsISO8601({ strict: true }) targetOn?: string | null;
  @ValidateNested() @Type(() => ReviewSnapshotV1) review: ReviewSnapshotV1;
}

export const ReviewStageChangedV1Contract: EventContract<ReviewStageChangedV1> = {
  type: 'reviews.review.stage-changed',
  version: 1,
  topic: Topics.reviewStageChangedV1,
  payloadClass: ReviewStageChangedV1,
  aggregateIdOf: (payload) => payload.review.reviewId,
};

/** Anything else about a review changed (pause, resume, sign-off and publication, conversion link). */
export class ReviewUpdatedV1 {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(50, { each: true }) changedFields: string[];
  @ValidateNested() @Type(() => ReviewSnapshotV1) review: ReviewSnapshotV1;
}

export const ReviewUpdatedV1Contract: EventContract<ReviewUpdatedV1> = {
  type: 'reviews.review.updated',
  version: 1,
  topic: Topics.reviewUpdatedV1,
  payloadClass: ReviewUpdatedV1,
  aggregateIdOf: (payload) => payload.review.reviewId,
};

export const DeadlineThresholdsV1 = ['due-soon', 'breached'] as const;
export type DeadlineThresholdV1 = (typeof DeadlineThresholdsV1)[number];

/** A review's clock reached a threshold (due soon, or breached): emitted once per review, clock and threshold. */
export class ReviewDeadlineAlertedV1 {
  @IsUUID() reviewId: string;
  @IsUUID() caseId: string;
  @IsString() @MaxLength(5) organisationCode: string;
  @IsString() @MaxLength(3) regionCode: string;
  @IsString() @MaxLength(50) reviewType: string;
  /** The timescale stage whose target this is (e.g. `RAPID_REVIEW`, `REVIEW`). */
  @IsString() @MaxLength(50) clock: string;
  @IsIn(DeadlineThresholdsV1) threshold: DeadlineThresholdV1;
  @IsISO8601({ strict: true }) dueDate: string;
  /** The day the scheduler found the threshold reached. */
  @IsISO8601({ strict: true }) reachedOn: string;
  @IsOptional() @IsInt() timescaleVersion: number | null;
}

export const ReviewDeadlineAlertedV1Contract: EventContract<ReviewDeadlineAlertedV1> = {
  type: 'reviews.review.deadline-alerted',
  version: 1,
  topic: Topics.reviewDeadlineAlertedV1,
  payloadClass: ReviewDeadlineAlertedV1,
  aggregateIdOf: (payload) => payload.reviewId,
};
