import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { EARLIEST_REPORT_DATE, LATEST_REPORT_DATE, ReportDate } from './report-date.js';

export const ReportPeriods = ['month', 'quarter', 'financialYear', 'all'] as const;
export type ReportPeriod = (typeof ReportPeriods)[number];
export const ReportAreas = ['icb', 'region', 'all'] as const;
export type ReportArea = (typeof ReportAreas)[number];

const dateProperty = { format: 'date', example: '2026-01-01' } as const;

/** The filters every report takes, in JSON and CSV alike. */
export class ReportQueryDto {
  @ApiPropertyOptional({ ...dateProperty, description: `Cases added on or after this date (${EARLIEST_REPORT_DATE} to ${LATEST_REPORT_DATE})` })
  @IsOptional()
  @ReportDate('from')
  from?: string;

  @ApiPropertyOptional({ ...dateProperty, example: '2026-12-31', description: `Cases added on or before this date (${EARLIEST_REPORT_DATE} to ${LATEST_REPORT_DATE})` })
  @IsOptional()
  @ReportDate('to')
  to?: string;

  @ApiPropertyOptional({ enum: ReportPeriods, example: 'quarter', description: 'Rows per month, quarter, financial year (April to March), or one period (`all`, the default)' })
  @IsOptional()
  @IsIn(ReportPeriods)
  period?: ReportPeriod;

  @ApiPropertyOptional({
    enum: ReportAreas,
    example: 'region',
    description: 'Rows per ICB (`icb`, the default), per region (`region`: `organisationCode` is null), or one over the whole scope (`all`: `regionCode` too is null)',
  })
  @IsOptional()
  @IsIn(ReportAreas)
  area?: ReportArea;

  @ApiPropertyOptional({ example: 'SAR', description: 'Only this review type (a `review-types` code)' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'reviewType must be a code (capitals, digits, _)' })
  reviewType?: string;

  @ApiPropertyOptional({ example: 'Y63', description: 'Only this region (in the hierarchy in force today)' })
  @IsOptional()
  @Matches(/^Y\d{2}$/, { message: 'regionCode must be a region ODS code (Y and two digits)' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 'QWO', description: 'Only this ICB (in the hierarchy in force today: its predecessors and sub-ICB locations included)' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{3,5}$/, { message: 'organisationCode must be an ODS code' })
  organisationCode?: string;
}
