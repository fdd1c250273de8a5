import { randomUUID } from 'node:crypto';
import { pgSqlClient, type SqlClient, type TransactionalSqlClient } from '@scrt/messaging';
import { Kafka, type Admin, type Consumer, type KafkaConfig } from 'kafkajs';
import type pg from 'pg';
import { todayInEngland } from '@scrt/working-days';
import { ReportSummaries } from '../summaries/report-summaries.repository.js';
import { WAREHOUSE_TOPICS, WarehouseProjector } from '../warehouse/warehouse-projector.js';
import { WAREHOUSE_FACT_TABLES, WAREHOUSE_SCHEMA, WAREHOUSE_SWAP_LOCK_ORDER, WarehouseTables } from '../warehouse/warehouse-tables.js';

/** Where the fresh tables are filled, and where the replaced ones go before they are dropped. */
export const REBUILD_SCHEMA = 'reporting_rebuild';
const RETIRED_SCHEMA = 'reporting_retired';

export interface RebuildResult {
  events: number;
  invalid: number;
  seconds: number;
  eventsPerSecond: number;
  /** How long the live tables were locked for writes (catch-up and swap); reads went on. */
  swapMs: number;
}

type Offsets = Map<string, bigint>;
const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

/** The next offset of every partition of the warehouse's topics (where a replay is complete). */
async function endOffsets(admin: Admin): Promise<Offsets> {
  const ends: Offsets = new Map();
  for (const topic of WAREHOUSE_TOPICS) {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(partitionKey(topic, partition), BigInt(high));
  }
  return ends;
}

/** The client's `$transaction` runs in the one transaction already open: a whole Kafka batch commits at once. */
function inOpenTransaction(client: pg.PoolClient): TransactionalSqlClient {
  const sql: SqlClient = {
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await client.query(text, values)).rows as T,
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await client.query(text, values)).rowCount ?? 0,
  };
  return { ...sql, $transaction: (fn) => fn(sql) };
}

/** Computes the report summaries of every cell the replay marked, a transaction per batch of cells. */
async function refreshSummaries(pool: pg.Pool): Promise<void> {
  await new ReportSummaries(pgSqlClient(pool), new WarehouseTables(REBUILD_SCHEMA)).refreshAll(todayInEngland());
}

/**
 * Rebuilds the warehouse from the earliest offsets of its topics into fresh tables
 * (`reporting_rebuild`), then swaps them in atomically: while the live tables are locked for
 * writes (reports still read them), the replay catches up to the newest offsets (and the report
 * summaries to the replay: most of them before the lock), and one
 * transaction moves the live tables out and the rebuilt ones in. The live consumer's next write
 * waits for the swap and lands in the rebuilt tables, whose inbox already holds every replayed event.
 */
export async function rebuildWarehouse(pool: pg.Pool, kafkaConfig: KafkaConfig, log: (line: string) => void = () => undefined): Promise<RebuildResult> {
  const started = Date.now();
  const kafka = new Kafka(kafkaConfig);
  const admin = kafka.admin();
  const groupId = `reporting-rebuild-${randomUUID()}`;
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const applied: Offsets = new Map();
  let targets: Offsets = new Map();
  let events = 0;
  let invalid = 0;
  let failure: unknown;
  let reached: (() => void) | undefined;
  const isComplete = () => [...targets].every(([key, end]) => end === 0n || (applied.get(key) ?? -1n) + 1n >= end);
  const untilComplete = () => new Promise<void>((resolve) => (reached = resolve)).then(() => (failure ? Promise.reject(failure) : undefined));
  const checkComplete = () => {
    if (reached && (failure || isComplete())) reached();
  };

  await pool.query(`DROP SCHEMA IF EXISTS "${REBUILD_SCHEMA}" CASCADE`);
  await pool.query(`DROP SCHEMA IF EXISTS "${RETIRED_SCHEMA}" CASCADE`);
  for (const sql of new WarehouseTables(REBUILD_SCHEMA).createLikeLiveSql()) await pool.query(sql);
  await admin.connect();
  try {
    targets = await endOffsets(admin);
    await consumer.connect();
    await consumer.subscribe({ topics: WAREHOUSE_TOPICS, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // One batch at a time: every batch transaction updates the one warehouse_state row and
      // case rows that other topics' batches touch too, so two at once deadlock.
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({ batch, heartbeat }) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const projector = new WarehouseProjector(inOpenTransaction(client), new WarehouseTables(REBUILD_SCHEMA));
          for (const message of batch.messages) {
            const outcome = await projector.apply(batch.topic, message.value);
            if (outcome === 'invalid') invalid += 1;
            else events += 1;
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          failure = error;
          checkComplete();
          throw error;
        } finally {
          client.release();
        }
        const last = batch.messages.at(-1);
        if (last) applied.set(partitionKey(batch.topic, batch.partition), BigInt(last.offset));
        await heartbeat();
        checkComplete();
      },
    });
    const replayed = untilComplete();
    checkComplete();
    await replayed;
    await refreshSummaries(pool);
    log(`replayed ${events} events to the offsets of the start and summarised them (${((Date.now() - started) / 1000).toFixed(1)} s); locking the live tables for writes to catch up and swap`);

    const swapStarted = Date.now();
    const swap = await pool.connect();
    try {
      await swap.query('BEGIN');
      await swap.query(`LOCK TABLE ${WAREHOUSE_SWAP_LOCK_ORDER.map((table) => `"${WAREHOUSE_SCHEMA}"."${table}"`).join(', ')} IN EXCLUSIVE MODE`);
      targets = await endOffsets(admin);
      const caughtUp = untilComplete();
      checkComplete();
      await caughtUp;
      await refreshSummaries(pool);
      await swap.query(`CREATE SCHEMA "${RETIRED_SCHEMA}"`);
      for (const table of WAREHOUSE_FACT_TABLES) {
        await swap.query(`ALTER TABLE "${WAREHOUSE_SCHEMA}"."${table}" SET SCHEMA "${RETIRED_SCHEMA}"`);
        await swap.query(`ALTER TABLE "${REBUILD_SCHEMA}"."${table}" SET SCHEMA "${WAREHOUSE_SCHEMA}"`);
      }
      await swap.query('COMMIT');
    } catch (error) {
      await swap.query('ROLLBACK');
      throw error;
    } finally {
      swap.release();
    }
    const swapMs = Date.now() - swapStarted;
    await pool.query(`DROP SCHEMA "${RETIRED_SCHEMA}" CASCADE`);
    await pool.query(`DROP SCHEMA "${REBUILD_SCHEMA}" CASCADE`);
    const seconds = (Date.now() - started) / 1000;
    return { events, invalid, seconds, eventsPerSecond: Math.round(events / seconds), swapMs };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
