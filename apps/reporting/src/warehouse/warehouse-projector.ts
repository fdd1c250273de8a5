import { decodeEvent, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';
import { CASE_FACT_SOURCES, type CaseFactSource } from './case-fact.js';
import { CaseFactsRepository } from './case-facts.repository.js';
import type { WarehouseTables } from './warehouse-tables.js';

/** The topics the warehouse is built from. */
export const WAREHOUSE_TOPICS = CASE_FACT_SOURCES.map((source) => source.contract.topic);

/**
 * Applies raw messages of the warehouse's topics to one warehouse, the way the live consumer's
 * handlers do (decode and validate, then the fact): what a replay and the convergence test use.
 */
export class WarehouseProjector {
  private readonly caseFacts: CaseFactsRepository;
  private readonly sources = new Map<string, CaseFactSource<object>>(CASE_FACT_SOURCES.map((source) => [source.contract.topic, source]));

  constructor(db: TransactionalSqlClient, tables: WarehouseTables) {
    this.caseFacts = new CaseFactsRepository(db, tables);
  }

  /** An invalid message is skipped (the live consumer dead-letters it): the outcome says so. */
  async apply(topic: string, value: Buffer | null): Promise<InboxOutcome | 'invalid'> {
    const source = this.sources.get(topic);
    if (!source) throw new Error(`The warehouse does not read ${topic}`);
    let event;
    try {
      event = decodeEvent(source.contract, value);
    } catch {
      return 'invalid';
    }
    return this.caseFacts.apply(event, source.toRow(event));
  }
}
