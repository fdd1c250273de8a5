import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CODE_PATTERN, LearningKindsV1, RecommendationStatusesV1 } from '@scrt/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date as YYYY-MM-DD` });
const codeMessage = (field: string, list: string) => ({ message: `${field} must be a code of the ${list} list` });

export class RecordRecommendationDto {
  @ApiProperty({ example: 'Partner agencies should share concerns about neglect at the first multi-agency meeting.', minLength: 10, maxLength: 4000 })
  @IsString() @MinLength(10) @MaxLength(4000)
  text: string;

  @ApiProperty({ example: 'INFORMATION_SHARING', description: 'A code of the `recommendation-themes` list' })
  @Matches(CODE_PATTERN, codeMessage('theme', 'recommendation-themes'))
  theme: string;

  @ApiProperty({ example: 'PRIMARY_CARE', description: 'The agency or sector it is for: a code of the `agencies` list' })
  @Matches(CODE_PATTERN, codeMessage('agency', 'agencies'))
  agency: string;

  @ApiPropertyOptional({ example: 'Designated nurse for safeguarding children', maxLength: 200, description: 'Who leads it (a role, not a person\'s name)' })
  @IsOptional() @IsString() @MaxLength(200)
  lead?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-03-31' })
  @IsOptional() @Matches(DATE, dateMessage('dueDate')) @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date' })
  dueDate?: string;
}

export class RecommendationStatusChangeDto {
  @ApiProperty({ enum: RecommendationStatusesV1, example: 'IN_PROGRESS' })
  @IsIn(RecommendationStatusesV1)
  status: (typeof RecommendationStatusesV1)[number];

  @ApiPropertyOptional({ example: 'Superseded by the regional information-sharing protocol.', maxLength: 2000, description: 'Required when NOT_IMPLEMENTED or SUPERSEDED' })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(2000)
  reason?: string;
}

export class RecordLearningEmbeddedDto {
  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'When the learning was embedded: every action complete by then; not in the future' })
  @Matches(DATE, dateMessage('embeddedOn')) @IsISO8601({ strict: true }, { message: 'embeddedOn must be a real calendar date' })
  embeddedOn: string;

  @ApiProperty({ format: 'date', example: '2027-05-31', description: 'When the re-audit is due: after embeddedOn' })
  @Matches(DATE, dateMessage('reAuditDue')) @IsISO8601({ strict: true }, { message: 'reAuditDue must be a real calendar date' })
  reAuditDue: string;
}

export class RecordReAuditDto {
  @ApiProperty({ example: 'Audit of 20 strategy meetings: concerns shared at the first meeting in 19.', minLength: 3, maxLength: 2000 })
  @IsString() @MinLength(3) @MaxLength(2000)
  outcome: string;

  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'Not in the future, not before the learning was embedded' })
  @Matches(DATE, dateMessage('recordedOn')) @IsISO8601({ strict: true }, { message: 'recordedOn must be a real calendar date' })
  recordedOn: string;
}

export class RecordActionDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9a', description: "A recommendation of your ICB's reviews" })
  @IsUUID()
  recommendationId: string;

  @ApiProperty({ example: 'Add neglect to the agenda template of every strategy meeting.', minLength: 3, maxLength: 2000 })
  @IsString() @MinLength(3) @MaxLength(2000)
  description: string;

  @ApiProperty({ example: 'Named GP for safeguarding', maxLength: 200, description: 'Who owns it (a role or team)' })
  @IsString() @MinLength(2) @MaxLength(200)
  owner: string;

  @ApiProperty({ format: 'date', example: '2027-01-31' })
  @Matches(DATE, dateMessage('dueDate')) @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date' })
  dueDate: string;
}

export class UpdateActionDto {
  @ApiProperty({ example: 'COMPLETED', description: 'A code of the `action-statuses` list (OVERDUE is derived, never set)' })
  @Matches(CODE_PATTERN, codeMessage('status', 'action-statuses'))
  status: string;

  @ApiPropertyOptional({ example: 'Template changed and circulated to all practices.', maxLength: 2000, description: 'Evidence of completion: required with COMPLETED' })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(2000)
  evidenceText?: string;

  @ApiPropertyOptional({ format: 'uri', example: 'https://example.org/evidence/template-v2.pdf' })
  @IsOptional() @IsString() @MaxLength(2000) @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  evidenceLink?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-28', description: 'Required with COMPLETED; not in the future' })
  @IsOptional() @Matches(DATE, dateMessage('completedOn')) @IsISO8601({ strict: true }, { message: 'completedOn must be a real calendar date' })
  completedOn?: string;
}

export class RecordLearningItemDto {
  @ApiProperty({ enum: ['contributory-factor', 'lesson', 'good-practice'], example: 'lesson' })
  @IsIn(LearningKindsV1.filter((kind) => kind !== 'dissemination'))
  kind: 'contributory-factor' | 'lesson' | 'good-practice';

  @ApiPropertyOptional({ example: 'INFORMATION_SHARING', description: 'With contributory-factor (required there): a code of the `contributory-factors` list' })
  @IsOptional() @Matches(CODE_PATTERN, codeMessage('code', 'contributory-factors'))
  code?: string;

  @ApiPropertyOptional({ example: 'Professionals did not escalate when the family missed appointments.', maxLength: 4000, description: 'Required for a lesson or good practice' })
  @IsOptional() @IsString() @MinLength(3) @MaxLength(4000)
  text?: string;
}

export class RecordDisseminationDto {
  @ApiProperty({ example: 'SEVEN_MINUTE_BRIEFING', description: 'A code of the `dissemination-methods` list' })
  @Matches(CODE_PATTERN, codeMessage('method', 'dissemination-methods'))
  method: string;

  @ApiProperty({ example: 'Primary care safeguarding leads', minLength: 2, maxLength: 500 })
  @IsString() @MinLength(2) @MaxLength(500)
  audience: string;

  @ApiProperty({ format: 'date', example: '2026-11-26', description: 'Not in the future' })
  @Matches(DATE, dateMessage('occurredOn')) @IsISO8601({ strict: true }, { message: 'occurredOn must be a real calendar date' })
  occurredOn: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000000, example: 120, description: 'Number of people reached' })
  @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  reached: number;
}

export class SimilarRecommendationsQuery {
  @ApiProperty({ example: 'share concerns about neglect at the first multi-agency meeting', minLength: 10, maxLength: 4000 })
  @IsString() @MinLength(10) @MaxLength(4000)
  text: string;

  @ApiPropertyOptional({ example: 'INFORMATION_SHARING', description: 'A recommendation theme: matches of the same theme rank higher' })
  @IsOptional() @Matches(CODE_PATTERN, codeMessage('theme', 'recommendation-themes'))
  theme?: string;
}

export class RecommendationIdParam {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9a' })
  @IsUUID()
  id: string;
}

export class ActionIdParam {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9b' })
  @IsUUID()
  id: string;
}
