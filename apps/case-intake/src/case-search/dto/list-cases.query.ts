import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN, ODS_CODE_PATTERN } from '@scrt/contracts';
import { IsCalendarDate } from '../../cases/dto/case-input.dto.js';
import { CaseDto } from '../../cases/dto/case.dto.js';

export const CASE_SORTS = ['updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'incidentDate', '-incidentDate', 'dateAdded', '-dateAdded'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const DEFAULT_SORT: CaseSort = '-updatedAt';
export const DEFAULT_LIMIT = 25;
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;
const odsCode = (name: string) => ({ message: `${name} must be an ODS code (3 to 5 capital letters and digits)` });

/** Filters, sort and page of `GET /cases`; withdrawn cases only when asked for. */
export class ListCasesQuery {
  @ApiPropertyOptional({ example: 'eyJzIjoiLXVwZGF0ZWRBdCIsImsiOiIyMDI2LTEyLTAxIDA5OjAwOjAwLjEyMyswMCIsImkiOiIwMTkyZjVjNC03ZDFlLTdhM2ItOWMyZC00ZTVmNmE3YjhjOWQifQ', description: 'The `nextCursor` of the previous page (opaque; only with the same sort)' })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: DEFAULT_LIMIT, example: 25, description: 'Cases per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: DEFAULT_SORT, example: '-updatedAt', description: 'Order: a field, `-` first for newest first; ties broken by id' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ example: 'RAPID_REVIEW', description: 'Only this initial type of review (`review-types` code)' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'reviewType must be a code of the review-types list' })
  reviewType?: string;

  @ApiPropertyOptional({ enum: ['open', 'withdrawn'], example: 'open', description: 'Only cases in this status (`withdrawn` implies includeWithdrawn)' })
  @IsOptional()
  @IsIn(['open', 'withdrawn'])
  status?: CaseDto['status'];

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', example: 'true', description: 'Include withdrawn cases' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeWithdrawn?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'QWO', description: 'Only cases submitted under this organisation code' })
  @IsOptional()
  @Matches(ODS_CODE_PATTERN, odsCode('organisationCode'))
  organisationCode?: string;

  @ApiPropertyOptional({ example: 'Y63', description: 'Only cases whose organisation rolls up to this region by the hierarchy in force today' })
  @IsOptional()
  @Matches(ODS_CODE_PATTERN, odsCode('regionCode'))
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-01-01', format: 'date', description: 'Incident on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  incidentFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'Incident on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  incidentTo?: string;

  @ApiPropertyOptional({ example: '2026-01-01', format: 'date', description: 'Date added on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  addedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'Date added on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  addedTo?: string;

  @ApiPropertyOptional({ example: 'NEGLECT', description: 'Only cases with this theme (any of themes 1-3; `abuse-themes` code)' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'theme must be a code of the abuse-themes list' })
  theme?: string;

  @ApiPropertyOptional({ example: '2026/12345', minLength: 1, maxLength: 100, description: 'Only cases carrying an identifier with exactly this value' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  identifier?: string;

  @ApiPropertyOptional({ example: '2026-12-01T09:00:00.000Z', format: 'date-time', description: 'Only cases changed at or after this time (for case-management systems pulling changes; sort by updatedAt)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'updatedSince must be a date-time such as 2026-12-01T09:00:00Z' })
  updatedSince?: string;

  @ApiPropertyOptional({ example: 'neglect school', minLength: 1, maxLength: 200, description: 'Free-text search over brief information and comments (words, "phrases", -excluded)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto], description: 'The page, in the order asked for' })
  items: CaseDto[];

  @ApiProperty({ type: 'string', nullable: true, example: 'eyJzIjoiLXVwZGF0ZWRBdCIsImsiOiIyMDI2LTEyLTAxIDA5OjAwOjAwLjEyMyswMCIsImkiOiIwMTkyZjVjNC03ZDFlLTdhM2ItOWMyZC00ZTVmNmE3YjhjOWQifQ', description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}
