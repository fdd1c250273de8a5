import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CODE_LIST_PATTERN, CODE_PATTERN } from '@scrt/contracts';
import { IsCalendarDate } from '../../calendar/dto/calendar-date.js';
import { CsvRowProblemDto } from '../../partnerships/dto/partnership.dto.js';

const VERSION_STATUSES = ['draft', 'published', 'discarded'];

export class CodeDto {
  @ApiProperty({ example: 'RAPID_REVIEW', description: 'Upper case letters, digits and underscores' }) code: string;
  @ApiProperty({ example: 'Rapid review' }) label: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Due within 15 working days of the notification' }) description: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 10 }) sortOrder: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'The code it is grouped under (grouped lists)' }) parentCode: string | null;
  @ApiProperty({ example: false, description: 'Still valid on existing records, refused on new ones' }) deprecated: boolean;
}

export class CodeListVersionSummaryDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 2 }) version: number;
  @ApiProperty({ enum: VERSION_STATUSES, example: 'published' }) status: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-04-01', description: 'In force from this date (published versions)' }) effectiveFrom: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({ example: 'user:4f6a2b' }) createdBy: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T10:00:00.000Z' }) publishedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'user:4f6a2b' }) publishedBy: string | null;
}

export class CodeListVersionDto extends CodeListVersionSummaryDto {
  @ApiProperty({ example: 'review-types' }) listCode: string;
  @ApiProperty({ example: 'Review types' }) listName: string;
  @ApiProperty({ type: [CodeDto] }) codes: CodeDto[];
}

export class CodeListSummaryDto {
  @ApiProperty({ example: 'review-types' }) code: string;
  @ApiProperty({ example: 'Review types' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'The kind of review a case is' }) description: string | null;
  @ApiProperty({ example: false, description: 'Codes are grouped under parent codes' }) grouped: boolean;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', nullable: true, example: 1, description: 'The version in force today' }) versionInForce: number | null;
}

export class CodeListListDto {
  @ApiProperty({ type: [CodeListSummaryDto] }) items: CodeListSummaryDto[];
}

export class CodeListVersionListDto {
  @ApiProperty({ type: [CodeListVersionSummaryDto] }) items: CodeListVersionSummaryDto[];
}

export class CodeListParam {
  @ApiProperty({ example: 'review-types', description: 'The list: lower case words joined by hyphens' })
  @Matches(CODE_LIST_PATTERN, { message: 'list must be lower case words joined by hyphens' })
  @Length(1, 50)
  list: string;
}

export class CodeParam extends CodeListParam {
  @ApiProperty({ example: 'RAPID_REVIEW' })
  @Matches(CODE_PATTERN, { message: 'code must be 1 to 50 upper case letters, digits or underscores' })
  code: string;
}

const versionNumber = () => (target: object, key: string) => {
  Type(() => Number)(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(1_000_000)(target, key);
};

export class CodeListVersionQuery {
  @ApiPropertyOptional({ example: '2026-12-01', format: 'date', description: 'The version in force on this date (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', example: 1, description: 'A published version by number (instead of asAt)' })
  @IsOptional()
  @versionNumber()
  version?: number;
}

export class CodeListDiffQuery {
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'The version compared from' })
  @versionNumber()
  from: number;

  @ApiProperty({ type: 'integer', format: 'int32', example: 2, description: 'The version compared to (a draft too)' })
  @versionNumber()
  to: number;
}

export class ChangedCodeDto {
  @ApiProperty({ type: CodeDto }) before: CodeDto;
  @ApiProperty({ type: CodeDto }) after: CodeDto;
}

export class CodeListDiffDto {
  @ApiProperty({ example: 'review-types' }) listCode: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1 }) from: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 2 }) to: number;
  @ApiProperty({ type: [CodeDto], description: 'Codes in `to` only' }) added: CodeDto[];
  @ApiProperty({ type: [CodeDto], description: 'Codes in `from` only (never a published code: those are deprecated, not removed)' }) removed: CodeDto[];
  @ApiProperty({ type: [ChangedCodeDto], description: 'Codes whose label, description, order, parent or deprecation changed' }) changed: ChangedCodeDto[];
}

export class PutCodeDto {
  @ApiProperty({ example: 'Rapid review' })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Due within 15 working days of the notification' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', example: 10, description: 'Default: after the last code' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  sortOrder?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'A code of the same list it is grouped under' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'parentCode must be 1 to 50 upper case letters, digits or underscores' })
  parentCode?: string | null;

  @ApiPropertyOptional({ example: false, description: 'Refuse the code on new records (default false)' })
  @IsOptional()
  @IsBoolean()
  deprecated?: boolean;
}

export class PublishCodeListDto {
  @ApiProperty({ example: '2027-04-01', format: 'date', description: 'In force from this date: today or later' })
  @IsCalendarDate()
  effectiveFrom: string;
}

export class ImportCodesDto {
  @ApiProperty({
    description: 'CSV with header `code,label,description,sort_order,parent_code,deprecated` (as exported); rows set codes of the draft',
    example: 'code,label,description,sort_order,parent_code,deprecated\nRAPID_REVIEW,Rapid review,,10,,false\n',
  })
  @IsString()
  @Length(1, 1_000_000)
  csv: string;
}

export class ImportCodesQuery {
  @ApiPropertyOptional({ example: true, description: 'Check every row and report, change nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class CodeImportReportDto {
  @ApiProperty({ example: true }) dryRun: boolean;
  @ApiProperty({ type: 'integer', format: 'int32', example: 7, description: 'Data rows read' }) rows: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 0, description: 'Codes set in the draft (0 on a dry run or when a row is wrong)' }) applied: number;
  @ApiProperty({ type: [CsvRowProblemDto] }) errors: CsvRowProblemDto[];
}

export class AuditEntryDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' }) occurredAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'user:4f6a2b' }) actorSubject: string | null;
  @ApiProperty({ example: 'publish' }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'review-types:version:2' }) resourceId: string | null;
  @ApiProperty({ example: 'success' }) outcome: string;
}

export class CodeListHistoryDto {
  @ApiProperty({ type: [CodeListVersionSummaryDto] }) versions: CodeListVersionSummaryDto[];
  @ApiProperty({ type: [AuditEntryDto], description: 'Every audited change of the list, oldest first' }) changes: AuditEntryDto[];
}
