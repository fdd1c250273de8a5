import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { Topics } from '../topics.js';
import { CODE_PATTERN } from './code-list-published.v1.js';
import type { EventContract } from './envelope.js';
import { ODS_CODE_PATTERN } from './organisation-changed.v1.js';

export const RecommendationStatusesV1 = ['ACCEPTED', 'IN_PROGRESS', 'IMPLEMENTED', 'NOT_IMPLEMENTED', 'SUPERSEDED'] as const;
export type RecommendationStatusV1 = (typeof RecommendationStatusesV1)[number];

/** Where a piece of learning belongs (the review's case organisation, as submitted). */
class LearningOwnerV1 {
  @IsUUID() reviewId: string;
  @Matches(ODS_CODE_PATTERN) organisationCode: string;
  @Matches(/^Y\d{2}$/) regionCode: string;
}

/** A recommendation as events carry it: codes, dates and status; its text stays in reviews. */
export class RecommendationSnapshotV1 extends LearningOwnerV1 {
  @IsUUID() recommendationId: string;
  @IsInt() @Min(1) version: number;
  @Matches(CODE_PATTERN) theme: string;
  @Matches(CODE_PATTERN) agency: string;
  @IsOptional() @IsISO8601({ strict: true }) dueDate: string | null;
  @IsIn(RecommendationStatusesV1) status: RecommendationStatusV1;
  @IsOptional() @IsISO8601({ strict: true }) learningEmbeddedOn: string | null;
  @IsOptional() @IsISO8601({ strict: true }) reAuditDue: string | null;
  @IsOptional() @IsISO8601({ strict: true }) reAuditRecordedOn: string | null;
}

export class RecommendationRecordedV1 extends RecommendationSnapshotV1 {}

export const RecommendationRecordedV1Contract: EventContract<RecommendationRecordedV1> = {
  type: 'reviews.recommendation.recorded',
  version: 1,
  topic: Topics.recommendationRecordedV1,
  payloadClass: RecommendationRecordedV1,
  aggregateIdOf: (payload) => payload.recommendationId,
};

/** A recommendation's status, learning-embedded or re-audit changed: the recommendation after it. */
export class RecommendationUpdatedV1 extends RecommendationSnapshotV1 {}

export const RecommendationUpdatedV1Contract: EventContract<RecommendationUpdatedV1> = {
  type: 'reviews.recommendation.updated',
  version: 1,
  topic: Topics.recommendationUpdatedV1,
  payloadClass: RecommendationUpdatedV1,
  aggregateIdOf: (payload) => payload.recommendationId,
};

/** An action was recorded or changed: its owner stays in reviews; status, dates and codes travel. */
export class ActionUpdatedV1 extends LearningOwnerV1 {
  @IsUUID() actionId: string;
  @IsUUID() recommendationId: string;
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) dueDate: string;
  @Matches(CODE_PATTERN) status: string;
  @IsOptional() @IsISO8601({ strict: true }) completedOn: string | null;
}

export const ActionUpdatedV1Contract: EventContract<ActionUpdatedV1> = {
  type: 'reviews.action.updated',
  version: 1,
  topic: Topics.actionUpdatedV1,
  payloadClass: ActionUpdatedV1,
  aggregateIdOf: (payload) => payload.actionId,
};

export const LearningKindsV1 = ['contributory-factor', 'lesson', 'good-practice', 'dissemination'] as const;
export type LearningKindV1 = (typeof LearningKindsV1)[number];

/** Learning was recorded on a review: a contributory factor (its code), a lesson, good practice, or a dissemination (method, date, reach). */
export class LearningRecordedV1 extends LearningOwnerV1 {
  @IsUUID() learningId: string;
  @IsIn(LearningKindsV1) kind: LearningKindV1;
  @IsOptional() @Matches(CODE_PATTERN) code: string | null;
  @IsOptional() @IsISO8601({ strict: true }) occurredOn: string | null;
  @IsOptional() @IsInt() @Min(0) reached: number | null;
}

export const LearningRecordedV1Contract: EventContract<LearningRecordedV1> = {
  type: 'reviews.learning.recorded',
  version: 1,
  topic: Topics.learningRecordedV1,
  payloadClass: LearningRecordedV1,
  aggregateIdOf: (payload) => payload.reviewId,
};
