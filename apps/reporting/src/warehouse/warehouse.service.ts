import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@scrt/contracts';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { CaseFactRow } from './case-fact.js';
import { CaseFactsRepository } from './case-facts.repository.js';
import { FreshnessMeter } from './freshness-meter.js';
import { WAREHOUSE_SCHEMA, WarehouseTables } from './warehouse-tables.js';

/** Applies events to the live warehouse and measures how fresh it is. */
@Injectable()
export class WarehouseService {
  private readonly logger = new Logger(WarehouseService.name);
  private readonly caseFacts: CaseFactsRepository;

  constructor(
    @Inject(DATABASE) db: TransactionalSqlClient,
    readonly freshness: FreshnessMeter,
  ) {
    this.caseFacts = new CaseFactsRepository(db, new WarehouseTables(WAREHOUSE_SCHEMA));
  }

  async applyCase(event: EventEnvelope, row: CaseFactRow): Promise<void> {
    const outcome = await this.caseFacts.apply(event, row);
    if (outcome === 'processed') this.freshness.record(event.occurredAt);
    this.logger.log({ message: 'case fact applied', type: event.type, version: event.version, outcome, eventId: event.eventId, caseId: row.caseId, caseVersion: row.version });
  }
}
