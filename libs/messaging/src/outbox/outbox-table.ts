import type { EventEnvelope } from '@scrt/contracts';
import { qualifiedTable, type SqlClient } from '../sql-client.js';
import { outboxChannel } from './outbox-wakeup.js';

/** An unpublished outbox row, as the relay publishes it. */
export interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope;
  headers: Record<string, string>;
}

/** An event to insert: its topic, message key, envelope and Kafka headers. */
export interface NewOutboxRow {
  topic: string;
  key: string;
  envelope: EventEnvelope;
  headers: Record<string, string>;
}

const MAX_ERROR_LENGTH = 2_000;

/** Ids as a PostgreSQL array literal: they are UUIDs read from the table, so need no quoting. */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/** The SQL of a service's `outbox_event` table. */
export class OutboxTable {
  private readonly table: string;
  private readonly channel: string;

  constructor(schema: string) {
    this.table = qualifiedTable(schema, 'outbox_event');
    this.channel = outboxChannel(schema);
  }

  /**
   * Inserts the row and NOTIFYs the outbox channel in the same statement: PostgreSQL delivers
   * the notification when (and only if) the transaction commits, which wakes the relay.
   */
  async insert(tx: SqlClient, row: NewOutboxRow): Promise<void> {
    // clock_timestamp(), not now() (the transaction's start), so that rows order as they were
    // written even when a transaction that started earlier commits later.
    await tx.$executeRawUnsafe(
      `WITH inserted AS (
         INSERT INTO ${this.table} ("id", "topic", "message_key", "envelope", "headers", "created_at")
         VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb, clock_timestamp())
         RETURNING "id"
       )
       SELECT pg_notify('${this.channel}', '') FROM inserted`,
      row.envelope.eventId,
      row.topic,
      row.key,
      JSON.stringify(row.envelope),
      JSON.stringify(row.headers),
    );
  }

  /**
   * Locks up to `limit` of the oldest unpublished rows that no other relay holds, and returns
   * those that can go now: a row waits while an earlier row with the same key is held by another
   * relay, so that events of one aggregate are never published out of order.
   */
  async claimBatch(tx: SqlClient, limit: number): Promise<OutboxRow[]> {
    return tx.$queryRawUnsafe<OutboxRow[]>(
      `WITH claimed AS (
         SELECT "id", "topic", "message_key", "envelope", "headers", "created_at"
         FROM ${this.table}
         WHERE "published_at" IS NULL
         ORDER BY "created_at", "id"
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       )
       SELECT c."id"::text AS "id", c."topic", c."message_key", c."envelope", c."headers"
       FROM claimed c
       WHERE NOT EXISTS (
         SELECT 1 FROM ${this.table} earlier
         WHERE earlier."published_at" IS NULL
           AND earlier."message_key" = c."message_key"
           AND (earlier."created_at", earlier."id") < (c."created_at", c."id")
           AND earlier."id" NOT IN (SELECT "id" FROM claimed)
       )
       ORDER BY c."created_at", c."id"`,
      limit,
    );
  }

  async markPublished(tx: SqlClient, ids: string[]): Promise<void> {
    await tx.$executeRawUnsafe(`UPDATE ${this.table} SET "published_at" = now() WHERE "id" = ANY($1::uuid[])`, uuidArray(ids));
  }

  async recordFailure(db: SqlClient, ids: string[], error: string): Promise<void> {
    await db.$executeRawUnsafe(
      `UPDATE ${this.table} SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = ANY($1::uuid[])`,
      uuidArray(ids),
      error.slice(0, MAX_ERROR_LENGTH),
    );
  }
}
