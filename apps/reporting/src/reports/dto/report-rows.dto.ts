import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const int = (example: number, description?: string) => ApiProperty({ type: 'integer', format: 'int32', minimum: 0, example, ...(description ? { description } : {}) });
const days = (example: number, description: string) => ApiPropertyOptional({ type: 'number', format: 'double', nullable: true, example, description });

/** Where a row belongs: the period and the ICB and region in the hierarchy in force today. */
class AreaPeriodRowDto {
  @ApiProperty({ example: '2026/27', description: 'Month `YYYY-MM`, quarter `YYYY-Qn`, financial year `YYYY/YY` (April to March), or `all`' }) period: string;
  @ApiProperty({ example: 'Y63', description: 'Region in force today' }) regionCode: string;
  @ApiProperty({ example: 'QWO', description: 'ICB in force today (records of its predecessors and sub-ICB locations included)' }) organisationCode: string;
}

export class CaseloadRowDto extends AreaPeriodRowDto {
  @ApiProperty({ example: 'SAR' }) reviewType: string;
  @int(4, 'New cases in the period (withdrawn ones left out)') cases: number;
  @int(3, 'Of those, still open (a case is closed once all its reviews are)') open: number;
  @int(1, 'Of those, closed') closed: number;
  @int(0, 'Withdrawn cases added in the period') withdrawn: number;
}

export class ThemesRowDto extends AreaPeriodRowDto {
  @ApiProperty({ example: 'SAR' }) reviewType: string;
  @ApiProperty({ enum: ['case', 'recommendation'], example: 'case', description: 'Abuse/vulnerability theme of cases, or theme of recommendations' }) source: string;
  @ApiProperty({ example: 'NEGLECT' }) themeCode: string;
  @int(12, 'Cases (or recommendations) with the theme') count: number;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', nullable: true, example: 7, description: 'Cases with it as theme 1 (null for recommendations)' }) asFirstTheme: number | null;
}

export class WorkloadRowDto extends AreaPeriodRowDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'DESIGNATED_NURSE_CHILDREN', description: 'Designated professional code (null: not recorded)' }) designatedProfessional: string | null;
  @int(9, 'Cases in the period') cases: number;
  @int(6, 'Of those, open') open: number;
}

export class DataQualityRowDto extends AreaPeriodRowDto {
  @int(40) cases: number;
  @int(5, 'Cases without any identifier (StEIS, LFPSE, local...)') missingIdentifiers: number;
  @int(1, 'Dates out of order (incident after added, signed off after published) or in the future') dateOrderBreaks: number;
  @int(2, 'Open cases not changed for 180 days') staleRecords: number;
  @int(0, 'Reviews closed without a sign-off date or a published/embargoed state') closedWithoutSignOff: number;
}

export class ConversionRowDto extends AreaPeriodRowDto {
  @int(20, 'Rapid reviews opened in the period') rapidReviews: number;
  @int(6, 'Of those, converted to a full review') converted: number;
  @int(3) toCspr: number;
  @int(2) toSar: number;
  @int(1) toDhr: number;
  @ApiProperty({ type: 'number', format: 'double', example: 0.3, description: 'converted / rapidReviews' }) conversionRate: number;
}

export class TimelinessRowDto extends AreaPeriodRowDto {
  @ApiProperty({ example: 'CSPR_LOCAL' }) reviewType: string;
  @int(8) reviews: number;
  @days(21, 'Median days from referral (date added) to the decision') medianDaysToDecision: number | null;
  @days(190, 'Median days from referral to sign-off') medianDaysToSignOff: number | null;
  @days(240, 'Median days from referral to publication') medianDaysToPublication: number | null;
  @int(2, 'Open reviews past the target of their current stage today') pastTargetNow: number;
  @days(4.5, 'Mean slippage (days late) over the stages entered') meanSlippageDays: number | null;
  @int(1, 'Reviews embargoed') embargoed: number;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', nullable: true, example: 45, description: 'Days the oldest embargo has lasted' }) oldestEmbargoDays: number | null;
}

export class LearningRowDto extends AreaPeriodRowDto {
  @ApiProperty({ enum: ['recommendation', 'action', 'lesson', 'dissemination', 'reaudit'], example: 'action' }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'IN_PROGRESS' }) status: string | null;
  @int(14) items: number;
  @int(3, 'Past their due date and not completed') overdue: number;
}
