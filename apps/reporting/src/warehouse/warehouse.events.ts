import { Controller } from '@nestjs/common';
import {
  ActionUpdatedV1Contract,
  CaseCreatedV1Contract,
  CaseCreatedV2Contract,
  CaseUpdatedV1Contract,
  CaseWithdrawnV1Contract,
  LearningRecordedV1Contract,
  RecommendationRecordedV1Contract,
  RecommendationUpdatedV1Contract,
  ReviewCreatedV1Contract,
  ReviewStageChangedV1Contract,
  ReviewUpdatedV1Contract,
  type ActionUpdatedV1,
  type CaseCreatedV1,
  type CaseCreatedV2,
  type CaseUpdatedV1,
  type CaseWithdrawnV1,
  type EventEnvelope,
  type LearningRecordedV1,
  type RecommendationRecordedV1,
  type RecommendationUpdatedV1,
  type ReviewCreatedV1,
  type ReviewStageChangedV1,
  type ReviewUpdatedV1,
} from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { caseFactOfCreatedV1, caseFactOfCreatedV2, caseFactOfUpdated, caseFactOfWithdrawn } from './case-fact.js';
import { learningFactOfAction, learningFactOfRecommendation, learningFactOfRecorded } from './learning-fact.js';
import { reviewFactOfCreated, reviewFactOfStageChanged, reviewFactOfUpdated } from './review-fact.js';
import { WarehouseService } from './warehouse.service.js';

/** The warehouse is fed by events only: every case, review and learning event becomes a fact. */
@Controller()
export class WarehouseEvents {
  constructor(private readonly warehouse: WarehouseService) {}

  @ConsumeEvent(CaseCreatedV1Contract)
  onCaseCreatedV1(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfCreatedV1(event));
  }

  @ConsumeEvent(CaseCreatedV2Contract)
  onCaseCreatedV2(event: EventEnvelope<CaseCreatedV2>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfCreatedV2(event));
  }

  @ConsumeEvent(CaseUpdatedV1Contract)
  onCaseUpdated(event: EventEnvelope<CaseUpdatedV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfUpdated(event));
  }

  @ConsumeEvent(CaseWithdrawnV1Contract)
  onCaseWithdrawn(event: EventEnvelope<CaseWithdrawnV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfWithdrawn(event));
  }

  @ConsumeEvent(ReviewCreatedV1Contract)
  onReviewCreated(event: EventEnvelope<ReviewCreatedV1>): Promise<void> {
    return this.warehouse.applyReview(event, reviewFactOfCreated(event));
  }

  @ConsumeEvent(ReviewStageChangedV1Contract)
  onReviewStageChanged(event: EventEnvelope<ReviewStageChangedV1>): Promise<void> {
    return this.warehouse.applyReview(event, reviewFactOfStageChanged(event));
  }

  @ConsumeEvent(ReviewUpdatedV1Contract)
  onReviewUpdated(event: EventEnvelope<ReviewUpdatedV1>): Promise<void> {
    return this.warehouse.applyReview(event, reviewFactOfUpdated(event));
  }

  @ConsumeEvent(RecommendationRecordedV1Contract)
  onRecommendationRecorded(event: EventEnvelope<RecommendationRecordedV1>): Promise<void> {
    return this.warehouse.applyLearning(event, learningFactOfRecommendation(event));
  }

  @ConsumeEvent(RecommendationUpdatedV1Contract)
  onRecommendationUpdated(event: EventEnvelope<RecommendationUpdatedV1>): Promise<void> {
    return this.warehouse.applyLearning(event, learningFactOfRecommendation(event));
  }

  @ConsumeEvent(ActionUpdatedV1Contract)
  onActionUpdated(event: EventEnvelope<ActionUpdatedV1>): Promise<void> {
    return this.warehouse.applyLearning(event, learningFactOfAction(event));
  }

  @ConsumeEvent(LearningRecordedV1Contract)
  onLearningRecorded(event: EventEnvelope<LearningRecordedV1>): Promise<void> {
    return this.warehouse.applyLearning(event, learningFactOfRecorded(event));
  }
}
