import type { EventEnvelope } from '@scrt/contracts';
import { qualifiedTable, type SqlClient, type TransactionalSqlClient } from '../sql-client.js';

export type InboxOutcome = 'processed' | 'duplicate';

/** What the inbox needs to know of a received event. */
export interface InboxEvent {
  envelope: Pick<EventEnvelope, 'eventId'>;
  topic: string;
}

/**
 * Exactly-once effects on top of at-least-once delivery: an event's effect and the record that
 * `consumer` processed it commit together, so a redelivered event is recognised and skipped.
 */
export class Inbox {
  private readonly table: string;

  /** `schema`: the consuming service's database schema, which holds `inbox_event`. */
  constructor(schema: string) {
    this.table = qualifiedTable(schema, 'inbox_event');
  }

  /** Runs `effect` in one transaction with the inbox record, unless `consumer` already processed the event. */
  async processOnce(db: TransactionalSqlClient, event: InboxEvent, consumer: string, effect: (tx: SqlClient) => Promise<void>): Promise<InboxOutcome> {
    return db.$transaction(async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("event_id", "consumer", "topic") VALUES ($1::uuid, $2, $3) ON CONFLICT DO NOTHING`,
        event.envelope.eventId,
        consumer,
        event.topic,
      );
      if (inserted === 0) return 'duplicate';
      await effect(tx);
      return 'processed';
    });
  }
}
