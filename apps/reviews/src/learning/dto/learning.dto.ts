import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecommendationStatusesV1 } from '@scrt/contracts';
import { ReviewDto } from '../../reviews/dto/review.dto.js';

export class ActionDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9b' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9a' }) recommendationId: string;
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) reviewId: string;
  @ApiProperty({ example: 'QWO' }) organisationCode: string;
  @ApiProperty({ example: 'Y63' }) regionCode: string;
  @ApiProperty({ example: 'Add neglect to the agenda template of every strategy meeting.' }) description: string;
  @ApiProperty({ example: 'Named GP for safeguarding' }) owner: string;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) dueDate: string;
  @ApiProperty({ example: 'IN_PROGRESS', description: 'A code of the `action-statuses` list' }) status: string;
  @ApiProperty({ example: false, description: 'Derived: past its due date and neither completed nor no longer required' }) overdue: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) evidenceText: string | null;
  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, example: null }) evidenceLink: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) completedOn: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}

export class SimilarRecommendationDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9f' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) reviewId: string;
  @ApiProperty({ example: 'QWO' }) organisationCode: string;
  @ApiProperty({ example: 'Y63' }) regionCode: string;
  @ApiProperty({ example: 'Agencies should share neglect concerns at the first strategy meeting.' }) text: string;
  @ApiProperty({ example: 'INFORMATION_SHARING' }) theme: string;
  @ApiProperty({ enum: RecommendationStatusesV1, example: 'IMPLEMENTED' }) status: string;
  @ApiProperty({ example: true, description: 'Implemented, or its learning embedded' }) implemented: boolean;
  @ApiProperty({ type: 'number', format: 'float', example: 0.62, description: 'Text similarity 0..1 (trigrams), before the theme bonus' }) similarity: number;
}

export class SimilarRecommendationsDto {
  @ApiProperty({ type: [SimilarRecommendationDto], description: 'The closest first (at most 10)' }) matches: SimilarRecommendationDto[];
  @ApiProperty({ type: 'integer', format: 'int32', example: 3, description: 'How many different reviews made them' }) reviews: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 2, description: 'How many different organisations made them' }) organisations: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'How many of them were implemented (or their learning embedded)' }) implemented: number;
}

export class RecommendationDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9a' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) reviewId: string;
  @ApiProperty({ example: 'QWO' }) organisationCode: string;
  @ApiProperty({ example: 'Y63' }) regionCode: string;
  @ApiProperty({ example: 'Partner agencies should share concerns about neglect at the first multi-agency meeting.' }) text: string;
  @ApiProperty({ example: 'INFORMATION_SHARING' }) theme: string;
  @ApiProperty({ example: 'PRIMARY_CARE' }) agency: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Designated nurse for safeguarding children' }) lead: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-03-31' }) dueDate: string | null;
  @ApiProperty({ enum: RecommendationStatusesV1, example: 'ACCEPTED' }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) statusReason: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) learningEmbeddedOn: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) reAuditDue: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) reAuditOutcome: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) reAuditRecordedOn: string | null;
  @ApiProperty({ type: [ActionDto] }) actions: ActionDto[];
  @ApiPropertyOptional({ type: SimilarRecommendationsDto, description: 'When recorded: the similar recommendations already made in your scope' }) similar?: SimilarRecommendationsDto;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}

export class RecommendationListDto {
  @ApiProperty({ type: [RecommendationDto] }) items: RecommendationDto[];
}

export class LearningItemDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c90' }) id: string;
  @ApiProperty({ enum: ['contributory-factor', 'lesson', 'good-practice'], example: 'lesson' }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) code: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Professionals did not escalate when the family missed appointments.' }) text: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' }) createdAt: string;
}

export class DisseminationDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c91' }) id: string;
  @ApiProperty({ example: 'SEVEN_MINUTE_BRIEFING' }) method: string;
  @ApiProperty({ example: 'Primary care safeguarding leads' }) audience: string;
  @ApiProperty({ format: 'date', example: '2026-11-26' }) occurredOn: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 120 }) reached: number;
}

export class ReviewLearningDto {
  @ApiProperty({ type: [LearningItemDto] }) contributoryFactors: LearningItemDto[];
  @ApiProperty({ type: [LearningItemDto] }) lessons: LearningItemDto[];
  @ApiProperty({ type: [LearningItemDto] }) goodPractice: LearningItemDto[];
  @ApiProperty({ type: [DisseminationDto] }) disseminations: DisseminationDto[];
}

export class MyWorkDto {
  @ApiProperty({ type: [ReviewDto], description: 'Open reviews due soon (amber) or past their target (red), most urgent first' }) reviews: ReviewDto[];
  @ApiProperty({ type: [ActionDto], description: 'Actions past their due date and not complete, oldest first' }) overdueActions: ActionDto[];
  @ApiProperty({ type: [RecommendationDto], description: 'Recommendations whose re-audit is due (today or earlier) and not recorded' }) reAuditsDue: RecommendationDto[];
}
