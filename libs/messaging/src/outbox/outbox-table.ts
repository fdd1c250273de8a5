import type { EventEnvelope } from '@scrt/contracts';
import { SqlParameters } from '@scrt/persistence';
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
   * Inserts the row; its RETURNING NOTIFYs the outbox channel, which PostgreSQL delivers when
   * (and only if) the transaction commits: that wakes the relay.
   */
  async insert(tx: SqlClient, row: NewOutboxRow): Promise<void> {
    const parameters = new SqlParameters();
    await tx.$executeRawUnsafe(this.insertSql(parameters, row), ...parameters.values);
  }

  /**
   * The same insert as an `INSERT ... SELECT ... FROM source`, for a use case that writes in one
   * statement (a data-modifying CTE): the row goes in only when `source` has a row.
   */
  insertFromSql(parameters: SqlParameters, source: string, row: NewOutboxRow): string {
    return this.insertSql(parameters, row, source);
  }

  private insertSql(parameters: SqlParameters, row: NewOutboxRow, source?: string): string {
    // clock_timestamp(), not now() (the transaction's start), so that rows order as they were
    // written even when a transaction that started earlier commits later.
    const values = [
      parameters.add(row.envelope.eventId, 'uuid'),
      parameters.add(row.topic),
      parameters.add(row.key),
      parameters.add(JSON.stringify(row.envelope), 'jsonb'),
      parameters.add(JSON.stringify(row.headers), 'jsonb'),
      'clock_timestamp()',
    ].join(', ');
    return `INSERT INTO ${this.table} ("id", "topic", "message_key", "envelope", "headers", "created_at")
       ${source ? `SELECT ${values} FROM ${source}` : `VALUES (${values})`}
       RETURNING pg_notify('${this.channel}', '')`;
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
