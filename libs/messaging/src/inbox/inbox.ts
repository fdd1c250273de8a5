import type { EventEnvelope } from '@scrt/contracts';
import { topicOf } from '../event-topic.js';
import { qualifiedTable, type SqlClient, type TransactionalSqlClient } from '../sql-client.js';

/** `duplicate`: the consumer had already processed the event; the effect did not run. */
export type InboxOutcome = 'processed' | 'duplicate';

/**
 * Exactly-once effects on top of at-least-once delivery: an event's effect and the record that
 * the consumer processed it commit together, so a redelivered event is recognised and skipped.
 */
export class Inbox {
  private readonly table: string;

  /** `schema`: the consuming service's database schema, which holds `table` (default `inbox_event`). */
  constructor(schema: string, table = 'inbox_event') {
    this.table = qualifiedTable(schema, table);
  }

  /** Runs `effect` in one transaction with the inbox record, unless `consumer` already processed the event. */
  async processOnce(db: TransactionalSqlClient, envelope: EventEnvelope, consumer: string, effect: (tx: SqlClient) => Promise<void>): Promise<InboxOutcome> {
    return db.$transaction(async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("event_id", "consumer", "topic") VALUES ($1::uuid, $2, $3) ON CONFLICT DO NOTHING`,
        envelope.eventId,
        consumer,
        topicOf(envelope),
      );
      if (inserted === 0) return 'duplicate';
      await effect(tx);
      return 'processed';
    });
  }
}
