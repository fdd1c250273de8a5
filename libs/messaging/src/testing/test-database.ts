import { randomInt } from 'node:crypto';
import pg from 'pg';
import { requiredEnv } from '@scrt/testing';

/** `prefix` plus random letters (schema names allow only [a-z_]). */
export function uniqueSchemaName(prefix: string): string {
  return `${prefix}_${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
}

/** The DDL the producing and consuming services' migrations create. */
function messagingTablesDdl(schema: string): string {
  return `
    CREATE SCHEMA "${schema}";
    CREATE TABLE "${schema}"."outbox_event" (
      "id" UUID PRIMARY KEY,
      "topic" TEXT NOT NULL,
      "message_key" TEXT NOT NULL,
      "envelope" JSONB NOT NULL,
      "headers" JSONB NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
      "published_at" TIMESTAMPTZ(3),
      "attempts" INTEGER NOT NULL DEFAULT 0,
      "last_error" TEXT
    );
    CREATE INDEX "outbox_event_unpublished_idx" ON "${schema}"."outbox_event" ("created_at") WHERE "published_at" IS NULL;
    CREATE TABLE "${schema}"."inbox_event" (
      "event_id" UUID NOT NULL,
      "consumer" TEXT NOT NULL,
      "topic" TEXT NOT NULL,
      "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer")
    );`;
}

/** A pool on the test database and a new schema with the outbox and inbox tables. */
export async function createTestDatabase(): Promise<{ pool: pg.Pool; schema: string; drop: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 10 });
  const schema = uniqueSchemaName('messaging_it');
  await pool.query(messagingTablesDdl(schema));
  const drop = async () => {
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
  };
  return { pool, schema, drop };
}
