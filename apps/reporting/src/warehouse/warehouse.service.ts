import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@scrt/contracts';
import type { InboxOutcome, TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { CaseFactRow } from './case-fact.js';
import { CaseFactsRepository } from './case-facts.repository.js';
import { FreshnessMeter } from './freshness-meter.js';
import type { LearningFactRow } from './learning-fact.js';
import { LearningFactsRepository } from './learning-facts.repository.js';
import type { ReviewFactChange } from './review-fact.js';
import { ReviewFactsRepository } from './review-facts.repository.js';
import { WAREHOUSE_SCHEMA, WarehouseTables } from './warehouse-tables.js';

/** Applies events to the live warehouse and measures how fresh it is. */
@Injectable()
export class WarehouseService {
  private readonly logger = new Logger(WarehouseService.name);
  private readonly caseFacts: CaseFactsRepository;
  private readonly reviewFacts: ReviewFactsRepository;
  private readonly learningFacts: LearningFactsRepository;

  constructor(
    @Inject(DATABASE) db: TransactionalSqlClient,
    readonly freshness: FreshnessMeter,
  ) {
    const tables = new WarehouseTables(WAREHOUSE_SCHEMA);
    this.caseFacts = new CaseFactsRepository(db, tables);
    this.reviewFacts = new ReviewFactsRepository(db, tables);
    this.learningFacts = new LearningFactsRepository(db, tables);
  }

  async applyCase(event: EventEnvelope, row: CaseFactRow): Promise<void> {
    this.applied(event, await this.caseFacts.apply(event, row), { message: 'case fact applied', caseId: row.caseId, caseVersion: row.version });
  }

  async applyReview(event: EventEnvelope, change: ReviewFactChange): Promise<void> {
    const { reviewId, version } = change.review;
    this.applied(event, await this.reviewFacts.apply(event, change), { message: 'review fact applied', reviewId, reviewVersion: version, enteredStage: change.transition?.toStage });
  }

  async applyLearning(event: EventEnvelope, row: LearningFactRow): Promise<void> {
    this.applied(event, await this.learningFacts.apply(event, row), { message: 'learning fact applied', itemId: row.itemId, kind: row.kind, itemVersion: row.version });
  }

  private applied(event: EventEnvelope, outcome: InboxOutcome, details: Record<string, unknown>): void {
    if (outcome === 'processed') this.freshness.record(event.occurredAt);
    this.logger.log({ ...details, type: event.type, version: event.version, outcome, eventId: event.eventId });
  }
}
