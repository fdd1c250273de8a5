import type { EventContract, EventEnvelope } from '@scrt/contracts';
import { decodeEvent, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';
import { CASE_FACT_SOURCES } from './case-fact.js';
import { CaseFactsRepository } from './case-facts.repository.js';
import type { FactSource } from './fact-source.js';
import { LEARNING_FACT_SOURCES } from './learning-fact.js';
import { LearningFactsRepository } from './learning-facts.repository.js';
import { REVIEW_FACT_SOURCES } from './review-fact.js';
import { ReviewFactsRepository } from './review-facts.repository.js';
import type { WarehouseTables } from './warehouse-tables.js';

/** The topics the warehouse is built from. */
export const WAREHOUSE_TOPICS = [...CASE_FACT_SOURCES, ...REVIEW_FACT_SOURCES, ...LEARNING_FACT_SOURCES].map((source) => source.contract.topic);

interface Projection {
  contract: EventContract<object>;
  apply(event: EventEnvelope<object>): Promise<InboxOutcome>;
}

const projections = <R>(sources: FactSource<object, R>[], repository: { apply(event: EventEnvelope, row: R): Promise<InboxOutcome> }): Projection[] =>
  sources.map((source) => ({ contract: source.contract, apply: (event) => repository.apply(event, source.toRow(event)) }));

/**
 * Applies raw messages of the warehouse's topics to one warehouse, the way the live consumer's
 * handlers do (decode and validate, then the fact): what a replay and the convergence tests use.
 */
export class WarehouseProjector {
  private readonly byTopic: Map<string, Projection>;

  constructor(db: TransactionalSqlClient, tables: WarehouseTables) {
    const all = [
      ...projections(CASE_FACT_SOURCES, new CaseFactsRepository(db, tables)),
      ...projections(REVIEW_FACT_SOURCES, new ReviewFactsRepository(db, tables)),
      ...projections(LEARNING_FACT_SOURCES, new LearningFactsRepository(db, tables)),
    ];
    this.byTopic = new Map(all.map((projection) => [projection.contract.topic, projection]));
  }

  /** An invalid message is skipped (the live consumer dead-letters it): the outcome says so. */
  async apply(topic: string, value: Buffer | null): Promise<InboxOutcome | 'invalid'> {
    const projection = this.byTopic.get(topic);
    if (!projection) throw new Error(`The warehouse does not read ${topic}`);
    let event;
    try {
      event = decodeEvent(projection.contract, value);
    } catch {
      return 'invalid';
    }
    return projection.apply(event);
  }
}
