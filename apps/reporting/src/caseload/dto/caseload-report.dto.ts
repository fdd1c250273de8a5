import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewTypeCodes, ScopeTiers, type ReviewTypeCode, type ScopeTier } from '@scrt/contracts';

export class CaseloadRowDto {
  @ApiProperty({ example: 'Y63' }) regionCode: string;
  @ApiProperty({ example: 'QWO' }) organisationCode: string;
  @ApiProperty({ enum: ReviewTypeCodes, example: 'RAPID_REVIEW' }) reviewType: ReviewTypeCode;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, example: 4 }) cases: number;
}

export class ReportScopeDto {
  @ApiProperty({ enum: ScopeTiers, example: 'icb' }) tier: ScopeTier;
  @ApiPropertyOptional({ example: 'Y63' }) regionCode?: string;
  @ApiPropertyOptional({ example: 'QWO' }) organisationCode?: string;
}

export class CaseloadReportDto {
  @ApiProperty({ type: ReportScopeDto, description: 'What you may see: your ICB, your region, or all' }) scope: ReportScopeDto;
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z' }) generatedAt: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, example: 4 }) totalCases: number;
  @ApiProperty({ type: [CaseloadRowDto], description: 'New cases by region, organisation and review type' }) rows: CaseloadRowDto[];
}
