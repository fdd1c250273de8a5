import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const MAX_EXTRACT_PAGE = 1000;

export class CaseFactChangesQueryDto {
  @ApiPropertyOptional({ example: '0', description: 'The watermark of your last page (`nextWatermark`): changes after it. Absent or `0`: from the start.' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be a watermark (digits) as a previous page returned it' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_EXTRACT_PAGE, example: 500, description: `Changes per page (1 to ${MAX_EXTRACT_PAGE}, default 500)` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EXTRACT_PAGE)
  limit?: number;
}

export class CaseFactChangeDto {
  @ApiProperty({ example: '10452', description: 'The change number: resume after the last one you stored' }) changeSeq: string;
  @ApiProperty({ format: 'uuid', example: '0190f3a2-7c1d-7a51-9d43-3c2f7b1e9a10' }) caseId: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 3 }) version: number;
  @ApiProperty({ example: 'QWO', description: 'As submitted' }) organisationCode: string;
  @ApiProperty({ example: 'Y63', description: 'As submitted' }) regionCode: string;
  @ApiProperty({ example: 'QWO', description: 'ICB in force today' }) icbInForce: string;
  @ApiProperty({ example: 'Y63', description: 'Region in force today' }) regionInForce: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '02T' }) subIcbLocationCode: string | null;
  @ApiProperty({ example: 'SAR' }) reviewType: string;
  @ApiProperty({ format: 'date', example: '2026-04-02' }) incidentDate: string;
  @ApiPropertyOptional({ format: 'date', type: String, nullable: true, example: '2026-04-10' }) dateAdded: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ADULT' }) subjectGroup: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'AGE_65_74' }) ageBand: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'HOME' }) setting: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'DESIGNATED_LEAD_ADULTS' }) designatedProfessional: string | null;
  @ApiProperty({ type: [String], example: ['NEGLECT', 'SELF_NEGLECT'], description: 'Theme 1 first' }) themes: string[];
  @ApiProperty({ type: 'integer', format: 'int32', example: 1 }) identifierCount: number;
  @ApiProperty({ example: false }) withdrawn: boolean;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true, example: null }) withdrawnAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-10T09:12:00.000Z' }) recordedAt: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true, example: '2026-05-01T14:00:00.000Z' }) updatedAt: string | null;
}

export class CaseFactChangesDto {
  @ApiProperty({ type: [CaseFactChangeDto], description: 'Case facts changed after the watermark, oldest change first (each case at most once, as it is now)' }) items: CaseFactChangeDto[];
  @ApiProperty({ example: '10452', description: 'Pass as `after` for the next page (the same watermark when nothing changed)' }) nextWatermark: string;
  @ApiProperty({ example: true, description: 'More changes wait after this page' }) hasMore: boolean;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, example: '2026-09-15T10:23:58.120Z', description: 'When the latest change the warehouse holds was committed' }) dataAsOf: string | null;
}
