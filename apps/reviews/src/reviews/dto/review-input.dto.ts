import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN, InProgressSubStages, ReviewStagesV1, type ReviewStageV1 } from '@scrt/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date as YYYY-MM-DD` });

export class CreateReviewDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9e', description: 'A case of your ICB that reviews knows (from case events)' })
  @IsUUID()
  caseId: string;

  @ApiProperty({ format: 'date', example: '2026-11-02', description: 'The date of the notification or referral: the review starts NOTIFIED on it. Not in the future, not before the incident.' })
  @Matches(DATE, dateMessage('notifiedOn'))
  @IsISO8601({ strict: true }, { message: 'notifiedOn must be a real calendar date' })
  notifiedOn: string;
}

export class RecordStageChangeDto {
  @ApiProperty({ enum: ReviewStagesV1, example: 'RAPID_REVIEW', description: 'The stage the review moves to (only the moves of the stage machine are allowed)' })
  @IsIn(ReviewStagesV1)
  stage: ReviewStageV1;

  @ApiProperty({ format: 'date', example: '2026-11-03', description: 'When it happened: not in the future, not before the current stage began' })
  @Matches(DATE, dateMessage('occurredOn'))
  @IsISO8601({ strict: true }, { message: 'occurredOn must be a real calendar date' })
  occurredOn: string;

  @ApiPropertyOptional({ enum: InProgressSubStages, example: 'SCOPING', description: 'With IN_PROGRESS only' })
  @IsOptional()
  @IsIn(InProgressSubStages)
  subStage?: string;

  @ApiPropertyOptional({ example: 'PUBLISHED', description: 'With PUBLISHED only (required there): a code of the `publication-states` list' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'publicationState must be a code of the publication-states list' })
  publicationState?: string;

  @ApiPropertyOptional({ format: 'uri', example: 'https://example.org/reports/cspr-2026-04.pdf', description: 'With PUBLISHED only: the final report' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  reportLink?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-06-30', description: 'With PUBLISHED and an EMBARGOED state only' })
  @IsOptional()
  @Matches(DATE, dateMessage('embargoUntil'))
  @IsISO8601({ strict: true }, { message: 'embargoUntil must be a real calendar date' })
  embargoUntil?: string;
}

export class PauseReviewDto {
  @ApiProperty({ example: 'CRIMINAL_PROCEEDINGS', description: 'A code of the `pause-reasons` list' })
  @Matches(CODE_PATTERN, { message: 'reason must be a code of the pause-reasons list' })
  reason: string;

  @ApiProperty({ format: 'date', example: '2026-11-10', description: 'The clock stops from this date: not in the future, not before the current stage began' })
  @Matches(DATE, dateMessage('pausedOn'))
  @IsISO8601({ strict: true }, { message: 'pausedOn must be a real calendar date' })
  pausedOn: string;
}

export class ResumeReviewDto {
  @ApiProperty({ format: 'date', example: '2026-11-24', description: 'The clock runs again from this date: not in the future, not before the pause began' })
  @Matches(DATE, dateMessage('resumedOn'))
  @IsISO8601({ strict: true }, { message: 'resumedOn must be a real calendar date' })
  resumedOn: string;
}

export class ConvertReviewDto {
  @ApiProperty({ example: 'CSPR_LOCAL', description: 'The review type the rapid review becomes (a `review-types` code other than RAPID_REVIEW)' })
  @Matches(CODE_PATTERN, { message: 'reviewType must be a code of the review-types list' })
  reviewType: string;

  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'The date of the decision to convert: the new review starts at DECISION on it and the rapid review closes on it' })
  @Matches(DATE, dateMessage('decidedOn'))
  @IsISO8601({ strict: true }, { message: 'decidedOn must be a real calendar date' })
  decidedOn: string;
}

export class ReviewIdParam {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' })
  @IsUUID()
  id: string;
}
