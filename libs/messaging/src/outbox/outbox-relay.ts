import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { ReadinessCheck } from '@scrt/http';
import type { Producer, TopicMessages } from 'kafkajs';
import { backoffDelayMs, pause } from '../backoff.js';
import { describeError } from '../describe-error.js';
import { ACKS_ALL } from '../kafka-config.js';
import type { TransactionalSqlClient } from '../sql-client.js';
import { OutboxTable, type OutboxRow } from './outbox-table.js';
import { OutboxWakeup, outboxChannel } from './outbox-wakeup.js';

export interface OutboxRelayOptions {
  /** The service's database schema, which holds `outbox_event`. */
  schema: string;
  /** Poll from application bootstrap on (services: `OUTBOX_RELAY_ENABLED`, default true). */
  enabled?: boolean;
  /** Pause between polls when the outbox is drained (default 200 ms; 2 s when woken by NOTIFY, the poll then being only the fallback). */
  pollIntervalMs?: number;
  /** Rows claimed and published per transaction (default 100). */
  batchSize?: number;
  /** Longest pause after repeated failures (default 30 s). */
  maxBackoffMs?: number;
  /**
   * The database URL for a dedicated connection that LISTENs for the NOTIFY of each outbox
   * insert, so a committed event goes out at once instead of at the next poll. Without it, the
   * relay only polls.
   */
  listenConnectionString?: string;
}

/** Longer than a send that exhausts the producer's retries, so a batch is never cut short. */
const TRANSACTION_TIMEOUT_MS = 60_000;

function toTopicMessages(rows: OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    const topicMessages = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
    topicMessages.messages.push({ key: row.message_key, value: JSON.stringify(row.envelope), headers: row.headers });
    byTopic.set(row.topic, topicMessages);
  }
  return [...byTopic.values()];
}

/**
 * Publishes the outbox to Kafka: claims a batch of unpublished rows in a transaction (`FOR
 * UPDATE SKIP LOCKED`, so several instances can run), sends them with the idempotent producer,
 * marks them published and commits. A failed send rolls the batch back (it stays unpublished,
 * with `attempts` and `last_error` recorded) and the relay backs off; it logs, never crashes.
 * After a failed send the producer is replaced: a broker killed mid-send forgets the idempotent
 * producer's sequence numbers, and the old producer would be refused for ever
 * (OUT_OF_ORDER_SEQUENCE_NUMBER). A new one gets a new producer id; a batch sent twice this way
 * is harmless, as every consumer's inbox applies an event once.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: OutboxTable;
  private readonly stopping = new AbortController();
  private readonly enabled: boolean;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private readonly wakeup: OutboxWakeup;
  private running?: Promise<void>;
  private producer: Producer;
  private producerConnected = false;

  constructor(
    private readonly database: TransactionalSqlClient,
    private readonly createProducer: () => Producer,
    options: OutboxRelayOptions,
  ) {
    this.table = new OutboxTable(options.schema);
    this.enabled = options.enabled ?? true;
    this.pollIntervalMs = options.pollIntervalMs ?? (options.listenConnectionString ? 2_000 : 200);
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.wakeup = new OutboxWakeup(options.listenConnectionString, outboxChannel(options.schema), this.stopping.signal);
    this.producer = this.newProducer();
  }

  private newProducer(): Producer {
    const producer = this.createProducer();
    producer.on(producer.events.CONNECT, () => {
      if (producer === this.producer) this.producerConnected = true;
    });
    producer.on(producer.events.DISCONNECT, () => {
      if (producer === this.producer) this.producerConnected = false;
    });
    return producer;
  }

  private async replaceProducer(): Promise<void> {
    const failed = this.producer;
    this.producerConnected = false;
    this.producer = this.newProducer();
    await failed.disconnect().catch(() => undefined);
  }

  /** Up when the relay is disabled or its producer has connected. */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'outbox-relay-producer',
      check: async () => {
        if (this.enabled && !this.producerConnected) throw new Error('the outbox relay has not connected to Kafka');
      },
    };
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.start();
  }

  /** Before the database disconnects (`onApplicationShutdown`), so the last batch can commit. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts polling in the background, woken early by notifications when configured. */
  start(): void {
    this.wakeup.start();
    this.running ??= this.pollUntilStopped();
  }

  /** Lets the in-flight batch finish, stops polling and listening, and disconnects the producer. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.wakeup.stop();
    await this.running;
    await this.producer.disconnect();
  }

  /** Publishes one batch; returns how many events were published. */
  async publishBatch(): Promise<number> {
    if (!this.producerConnected) await this.producer.connect();
    let claimedIds: string[] = [];
    try {
      return await this.database.$transaction(
        async (tx) => {
          const rows = await this.table.claimBatch(tx, this.batchSize);
          if (rows.length === 0) return 0;
          claimedIds = rows.map((row) => row.id);
          await this.producer.sendBatch({ acks: ACKS_ALL, topicMessages: toTopicMessages(rows) });
          await this.table.markPublished(tx, claimedIds);
          return rows.length;
        },
        { timeout: TRANSACTION_TIMEOUT_MS },
      );
    } catch (error) {
      if (claimedIds.length > 0) await this.recordFailure(claimedIds, error);
      throw error;
    }
  }

  private async pollUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      let delayMs = this.pollIntervalMs;
      try {
        const published = await this.publishBatch();
        failures = 0;
        // A full batch means more are probably waiting.
        if (published === this.batchSize) delayMs = 0;
      } catch (error) {
        failures += 1;
        delayMs = backoffDelayMs(this.pollIntervalMs, failures, this.maxBackoffMs);
        this.logger.error({ message: 'outbox relay could not publish; backing off with a new producer', error: describeError(error), failures, retryInMs: delayMs });
        await this.replaceProducer();
      }
      if (failures > 0) await pause(delayMs, this.stopping.signal);
      else await this.wakeup.pause(delayMs);
    }
  }

  private async recordFailure(ids: string[], error: unknown): Promise<void> {
    try {
      await this.table.recordFailure(this.database, ids, describeError(error));
    } catch (recordError) {
      this.logger.warn({ message: 'could not record the outbox failure', error: describeError(recordError) });
    }
  }
}
