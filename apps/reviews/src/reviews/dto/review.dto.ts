import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewStagesV1 } from '@scrt/contracts';

export class StageHistoryEntryDto {
  @ApiProperty({ enum: ReviewStagesV1, example: 'RAPID_REVIEW' }) stage: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'Sub-stage of a review in progress (SCOPING, AGENCY_REPORTS, DRAFTING)' }) subStage: string | null;
  @ApiProperty({ format: 'date', example: '2026-11-02', description: 'The date it happened (entered)' }) occurredOn: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T15:04:05.000Z', description: 'When it was recorded' }) recordedAt: string;
  @ApiProperty({ example: '555555555555', description: 'Who recorded it' }) recordedBy: string;
}

export class PausePeriodDto {
  @ApiProperty({ example: 'CRIMINAL_PROCEEDINGS', description: 'A code of the `pause-reasons` list' }) reason: string;
  @ApiProperty({ format: 'date', example: '2026-11-10' }) pausedOn: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null, description: 'Null while the pause runs' }) resumedOn: string | null;
}

export class ClockTargetDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 15 }) amount: number;
  @ApiProperty({ enum: ['working_days', 'calendar_months'], example: 'working_days' }) unit: string;
  @ApiProperty({ example: 'NOTIFICATION', description: 'What the target runs from' }) startEvent: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'The timescale version in force when the clock started' }) timescaleVersion: number;
  @ApiProperty({ enum: ['icb', 'national'], example: 'national', description: "The ICB's own target, or the national default" }) scope: string;
}

export class ClockDto {
  @ApiProperty({ example: 'RAPID_REVIEW', description: 'The timescale stage this target belongs to' }) clock: string;
  @ApiProperty({ format: 'date', example: '2026-11-02' }) startedOn: string;
  @ApiProperty({ type: ClockTargetDto }) target: ClockTargetDto;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-11-23', description: 'The target date, moved on by time paused' }) dueDate: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 0, description: 'Working days paused while the clock ran' }) pausedWorkingDays: number;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null, description: 'When the target was met (the review reached the stage that ends it)' }) metOn: string | null;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', nullable: true, example: 7, description: 'Running clock: working days left (negative: overdue)' }) workingDaysLeft: number | null;
  @ApiPropertyOptional({ type: String, enum: ['green', 'amber', 'red'], nullable: true, example: 'green', description: 'Running clock: red when breached, amber when due soon' }) rag: string | null;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', nullable: true, example: null, description: 'Met clock: working days late (negative: early)' }) slippageWorkingDays: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'Why the target could not be counted (e.g. dates outside the calendar)' }) problem: string | null;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9e' }) caseId: string;
  @ApiProperty({ example: 'QWO', description: "The case's organisation (ODS code, as submitted)" }) organisationCode: string;
  @ApiProperty({ example: 'Y63' }) regionCode: string;
  @ApiProperty({ example: 'RAPID_REVIEW', description: 'A code of the `review-types` list' }) reviewType: string;
  @ApiProperty({ enum: ReviewStagesV1, example: 'RAPID_REVIEW' }) stage: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) subStage: string | null;
  @ApiProperty({ format: 'date', example: '2026-11-02', description: 'When the current stage began' }) stageDate: string;
  @ApiProperty({ enum: ['open', 'closed'], example: 'open', description: 'Derived from the stage' }) status: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: null, description: 'The rapid review this review was converted from' }) convertedFromId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: null, description: 'The review this rapid review was converted to' }) convertedToId: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) signedOffOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'A code of the `publication-states` list' }) publicationState: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) publishedOn: string | null;
  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, example: null }) reportLink: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) embargoUntil: string | null;
  @ApiProperty({ example: false }) paused: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) pauseReason: string | null;
  @ApiProperty({ type: [StageHistoryEntryDto], description: 'Every stage entered, oldest first' }) stages: StageHistoryEntryDto[];
  @ApiProperty({ type: [PausePeriodDto], description: 'Every pause, oldest first' }) pauses: PausePeriodDto[];
  @ApiProperty({ type: [ClockDto], description: "The review's targets: met ones with their slippage, the running one with its RAG" }) clocks: ClockDto[];
  @ApiProperty({ format: 'date-time', example: '2026-11-02T15:04:05.000Z' }) createdAt: string;
  @ApiProperty({ example: '555555555555' }) createdBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T15:04:05.000Z' }) updatedAt: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, example: 1, description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}

export class ReviewListDto {
  @ApiProperty({ type: [ReviewDto] }) items: ReviewDto[];
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor: string | null;
}
