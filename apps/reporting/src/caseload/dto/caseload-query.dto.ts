import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { EARLIEST_REPORT_DATE, LATEST_REPORT_DATE, ReportDate } from './report-date.js';

const dateProperty = { format: 'date', example: '2026-01-01' } as const;

export class CaseloadQueryDto {
  @ApiPropertyOptional({ ...dateProperty, description: `Cases recorded on or after this date (${EARLIEST_REPORT_DATE} to ${LATEST_REPORT_DATE})` })
  @IsOptional()
  @ReportDate('from')
  from?: string;

  @ApiPropertyOptional({ ...dateProperty, example: '2026-12-31', description: `Cases recorded on or before this date (${EARLIEST_REPORT_DATE} to ${LATEST_REPORT_DATE})` })
  @IsOptional()
  @ReportDate('to')
  to?: string;
}
