import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ReviewTypeCodes } from '@scrt/contracts';
import { IsCalendarDate } from '../../calendar/dto/calendar-date.js';

// Stages and start events of SCRT.md §5, until the versioned code lists (issue 8 §1) own them.
export const TimescaleStages = ['NOTIFICATION', 'RAPID_REVIEW', 'REVIEW', 'SIGN_OFF', 'PUBLICATION'] as const;
export const TimescaleStartEvents = ['INCIDENT_KNOWN', 'NOTIFICATION', 'DECISION', 'SIGN_OFF'] as const;
export const TimescaleUnits = ['working_days', 'calendar_months'] as const;
export type TimescaleUnit = (typeof TimescaleUnits)[number];

const ODS_CODE = /^[A-Z0-9]{3,5}$/;

export class TimescaleTargetDto {
  @ApiProperty({ enum: ReviewTypeCodes, example: 'RAPID_REVIEW' }) reviewType: string;
  @ApiProperty({ enum: TimescaleStages, example: 'RAPID_REVIEW' }) stage: string;
  @ApiPropertyOptional({ type: String, example: null, nullable: true, description: 'ICB (ODS code) this overrides the national default for; null: the national default' })
  icbOdsCode: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 15 }) amount: number;
  @ApiProperty({ enum: TimescaleUnits, example: 'working_days' }) unit: TimescaleUnit;
  @ApiProperty({ enum: TimescaleStartEvents, example: 'NOTIFICATION', description: 'The event the target runs from' }) startEvent: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Rapid review completed and decision sent to the national panel' }) description: string | null;
}

export class TimescaleVersionDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 2 }) version: number;
  @ApiProperty({ enum: ['draft', 'published'], example: 'published' }) status: string;
  @ApiPropertyOptional({ type: String, example: '2027-04-01', format: 'date', nullable: true, description: 'In force from this date (published versions)' }) effectiveFrom: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T09:30:00.000Z', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [TimescaleTargetDto] }) targets: TimescaleTargetDto[];
}

export class TimescaleVersionSummaryDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 1 }) version: number;
  @ApiProperty({ enum: ['draft', 'published', 'discarded'], example: 'published' }) status: string;
  @ApiPropertyOptional({ type: String, example: '2018-01-01', format: 'date', nullable: true }) effectiveFrom: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2017-12-01T09:30:00.000Z' }) publishedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'seed' }) publishedBy: string | null;
  @ApiProperty({ example: 'seed' }) createdBy: string;
}

export class TimescaleVersionListDto {
  @ApiProperty({ type: [TimescaleVersionSummaryDto] }) items: TimescaleVersionSummaryDto[];
}

export class TimescaleVersionQuery {
  @ApiPropertyOptional({ example: '2026-12-01', format: 'date', description: 'The version in force on this date (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', example: 1, description: 'A published version by number (instead of asAt)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // `3e156` is an integer to JavaScript, and an overflow to PostgreSQL.
  @Max(2_147_483_647)
  version?: number;
}

export class TimescaleTargetKey {
  @ApiProperty({ enum: ReviewTypeCodes, example: 'SAR' })
  @IsString()
  @IsIn(ReviewTypeCodes, { message: `reviewType must be one of ${ReviewTypeCodes.join(', ')}` })
  reviewType: string;

  @ApiProperty({ enum: TimescaleStages, example: 'REVIEW' })
  @IsString()
  @IsIn(TimescaleStages, { message: `stage must be one of ${TimescaleStages.join(', ')}` })
  stage: string;

  @ApiPropertyOptional({ example: 'QWO', description: 'ICB (ODS code); omitted: the national default' })
  @IsOptional()
  @Matches(ODS_CODE, { message: 'icbOdsCode must be an ODS code (3 to 5 capital letters and digits)' })
  icbOdsCode?: string;
}

export class PutTimescaleTargetDto extends TimescaleTargetKey {
  @ApiProperty({ type: 'integer', format: 'int32', example: 9, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  amount: number;

  @ApiProperty({ enum: TimescaleUnits, example: 'calendar_months' })
  @IsIn(TimescaleUnits)
  unit: TimescaleUnit;

  @ApiProperty({ enum: TimescaleStartEvents, example: 'DECISION' })
  @IsIn(TimescaleStartEvents)
  startEvent: string;

  @ApiPropertyOptional({ example: 'West Yorkshire SAB target' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;
}

export class TargetInForceQuery extends TimescaleTargetKey {
  @ApiPropertyOptional({ example: '2026-12-21', format: 'date', description: 'The start event date: the answer then includes the due date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-21', format: 'date', description: 'Which version (default: the one in force on `from`, else today)' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}

export class TargetInForceDto extends TimescaleTargetDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'The timescale version the target comes from' }) version: number;
  @ApiProperty({ enum: ['icb', 'national'], example: 'national', description: "icb: the ICB's override; national: the default" }) scope: 'icb' | 'national';
  @ApiPropertyOptional({ example: '2027-01-14', format: 'date', description: 'Due date, when `from` was given' }) dueDate?: string;
}

export class PublishTimescalesDto {
  @ApiProperty({ example: '2027-04-01', format: 'date', description: 'In force from this date: today or later, not before the latest published version' })
  @IsCalendarDate()
  effectiveFrom: string;
}
