import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from './code-list-published.v1.js';
import { ODS_CODE_PATTERN } from './organisation-changed.v1.js';

/** The stages of a review (SCRT.md §5); the stage machine of the reviews service allows the moves between them. */
export const ReviewStagesV1 = ['NOTIFIED', 'RAPID_REVIEW', 'DECISION', 'IN_PROGRESS', 'SIGNED_OFF', 'PUBLISHED', 'LEARNING_DISSEMINATED', 'CLOSED'] as const;
export type ReviewStageV1 = (typeof ReviewStagesV1)[number];

/**
 * A review as events carry it: stages, dates and codes, no free text. `version` increases with
 * each change: consumers keep the snapshot with the highest version.
 */
export class ReviewSnapshotV1 {
  @IsUUID() reviewId: string;
  @IsInt() @Min(1) version: number;
  @IsUUID() caseId: string;
  /** The case's organisation, as submitted (roll up through the hierarchy). */
  @Matches(ODS_CODE_PATTERN) organisationCode: string;
  @Matches(/^Y\d{2}$/) regionCode: string;
  @Matches(CODE_PATTERN) reviewType: string;
  @IsIn(ReviewStagesV1) stage: ReviewStageV1;
  @IsOptional() @IsString() @MaxLength(30) subStage: string | null;
  @IsISO8601({ strict: true }) stageDate: string;
  @IsIn(['open', 'closed']) status: 'open' | 'closed';
  @IsOptional() @IsUUID() convertedFromId: string | null;
  @IsOptional() @IsUUID() convertedToId: string | null;
  @IsOptional() @IsISO8601({ strict: true }) signedOffOn: string | null;
  @IsOptional() @Matches(CODE_PATTERN) publicationState: string | null;
  @IsOptional() @IsISO8601({ strict: true }) publishedOn: string | null;
  @IsOptional() @IsISO8601({ strict: true }) embargoUntil: string | null;
  @IsBoolean() paused: boolean;
  @IsOptional() @Matches(CODE_PATTERN) pauseReason: string | null;
  @IsISO8601({ strict: true }) createdAt: string;
  @IsISO8601({ strict: true }) updatedAt: string;
}
