import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScopeTiers, type ScopeTier } from '@scrt/contracts';
import { ReportNames } from '../report-definitions.js';
import { ReportQueryDto } from './report-query.dto.js';
import { CaseloadRowDto, ConversionRowDto, DataQualityRowDto, LearningRowDto, ThemesRowDto, TimelinessRowDto, WorkloadRowDto } from './report-rows.dto.js';

export class ReportScopeDto {
  @ApiProperty({ enum: ScopeTiers, example: 'icb' }) tier: ScopeTier;
  @ApiPropertyOptional({ example: 'Y63' }) regionCode?: string;
  @ApiPropertyOptional({ example: 'QWO' }) organisationCode?: string;
}

class ReportAnswerDto {
  @ApiProperty({ enum: ReportNames, example: 'caseload' }) report: string;
  @ApiProperty({ type: ReportScopeDto, description: 'What you may see: your ICB, your region, or all (through the hierarchy in force today)' }) scope: ReportScopeDto;
  @ApiProperty({ type: ReportQueryDto, description: 'The filters applied', example: { period: 'quarter', from: '2026-04-01' } }) filters: ReportQueryDto;
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z' }) generatedAt: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, example: '2026-09-15T10:23:58.120Z', description: 'Data as of: when the latest change the warehouse holds was committed (null: empty)' }) dataAsOf: string | null;
}

export class CaseloadReportDto extends ReportAnswerDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, example: 4, description: 'Sum of `cases` over the rows' }) totalCases: number;
  @ApiProperty({ type: [CaseloadRowDto], description: 'New, open, closed and withdrawn cases by period, region, ICB and review type' }) rows: CaseloadRowDto[];
}
export class ThemesReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [ThemesRowDto], description: 'Abuse/vulnerability and recommendation themes' }) rows: ThemesRowDto[];
}
export class WorkloadReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [WorkloadRowDto], description: 'Cases per designated professional' }) rows: WorkloadRowDto[];
}
export class DataQualityReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [DataQualityRowDto], description: 'Data-quality counts per ICB' }) rows: DataQualityRowDto[];
}
export class ConversionReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [ConversionRowDto], description: 'Rapid reviews and their conversion to CSPR, SAR and DHR' }) rows: ConversionRowDto[];
}
export class TimelinessReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [TimelinessRowDto], description: 'Days to decision, sign-off and publication; reviews past target; embargoes' }) rows: TimelinessRowDto[];
}
export class LearningReportDto extends ReportAnswerDto {
  @ApiProperty({ type: [LearningRowDto], description: 'Recommendations, actions, lessons and dissemination by status' }) rows: LearningRowDto[];
}
