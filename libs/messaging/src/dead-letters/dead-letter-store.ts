import { randomUUID } from 'node:crypto';
import { Kafka, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import { DeadLetterHeaders } from '../consumer/dead-letter.js';
import { ACKS_ALL } from '../kafka-config.js';
import { qualifiedTable, type SqlClient } from '../sql-client.js';

/** One message of a dead-letter topic, as an operator needs to see it. */
export interface DeadLetter {
  /** `<partition>:<offset>` in the dead-letter topic: what `replay --id` takes. */
  id: string;
  originalTopic: string;
  originalPartition: string;
  originalOffset: string;
  failedAt: string;
  error: string;
  eventId?: string;
  /** When it was replayed, per the audit table; undefined while pending. */
  replayedAt?: string;
  message: KafkaMessage;
}

/** Who runs the command: recorded with every replay. */
export interface Operator {
  subject: string;
  organisationCode: string;
}

const header = (headers: IHeaders | undefined, name: string) => {
  const value = headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
};

function eventIdOf(message: KafkaMessage): string | undefined {
  try {
    const eventId = (JSON.parse(message.value?.toString('utf8') ?? '') as { eventId?: unknown }).eventId;
    return typeof eventId === 'string' ? eventId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dead letters of a consuming service: its `<service>.dead-letter.v1` topic, read from the
 * start, and its `audit_event` table, where each replay is recorded (who, when, which).
 */
export class DeadLetterStore {
  private readonly auditTable: string;

  constructor(
    private readonly kafka: Kafka,
    private readonly db: SqlClient,
    private readonly topic: string,
    schema: string,
  ) {
    this.auditTable = qualifiedTable(schema, 'audit_event');
  }

  /** Every message of the topic, oldest first, with whether it was replayed. */
  async list(): Promise<DeadLetter[]> {
    const messages = await this.readAll();
    const replays = await this.db.$queryRawUnsafe<{ resource_id: string; occurred_at: Date }[]>(
      `SELECT resource_id, occurred_at FROM ${this.auditTable} WHERE resource_type = 'dead-letter' AND action = 'replay' AND resource_id LIKE $1`,
      `${this.topic}/%`,
    );
    const replayedAt = new Map(replays.map((row) => [row.resource_id, new Date(row.occurred_at).toISOString()]));
    return messages.map(({ partition, message }) => {
      const id = `${partition}:${message.offset}`;
      return {
        id,
        originalTopic: header(message.headers, DeadLetterHeaders.originalTopic),
        originalPartition: header(message.headers, DeadLetterHeaders.originalPartition),
        originalOffset: header(message.headers, DeadLetterHeaders.originalOffset),
        failedAt: header(message.headers, DeadLetterHeaders.failedAt),
        error: header(message.headers, DeadLetterHeaders.error),
        eventId: eventIdOf(message),
        replayedAt: replayedAt.get(`${this.topic}/${id}`),
        message,
      };
    });
  }

  /**
   * Publishes each pending dead letter (or only `ids`) back to its original topic, unchanged but
   * for the `x-dlq-*` headers, and records the replay. The consumers' inbox makes a second
   * application of an event that did get through harmless. Returns what was replayed.
   */
  async replay(operator: Operator, ids?: string[]): Promise<DeadLetter[]> {
    const all = await this.list();
    const unknown = (ids ?? []).filter((id) => !all.some((deadLetter) => deadLetter.id === id));
    if (unknown.length > 0) throw new Error(`No dead letter ${unknown.join(', ')} on ${this.topic}`);
    const chosen = all.filter((deadLetter) => deadLetter.replayedAt === undefined && (ids === undefined || ids.includes(deadLetter.id)));
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (const deadLetter of chosen) await this.replayOne(producer, deadLetter, operator);
    } finally {
      await producer.disconnect();
    }
    return chosen;
  }

  private async replayOne(producer: Producer, deadLetter: DeadLetter, operator: Operator): Promise<void> {
    const dlqHeaders = new Set<string>(Object.values(DeadLetterHeaders));
    const headers = Object.fromEntries(Object.entries(deadLetter.message.headers ?? {}).filter(([name]) => !dlqHeaders.has(name)));
    await producer.send({
      topic: deadLetter.originalTopic,
      acks: ACKS_ALL,
      messages: [{ key: deadLetter.message.key, value: deadLetter.message.value, headers: { ...headers, 'x-replayed-from': `${this.topic}/${deadLetter.id}` } }],
    });
    await this.db.$executeRawUnsafe(
      `INSERT INTO ${this.auditTable} (id, actor_subject, actor_kind, organisation_code, action, resource_type, resource_id, outcome)
       VALUES ($1::uuid, $2, 'operator', $3, 'replay', 'dead-letter', $4, 'success')`,
      randomUUID(),
      operator.subject,
      operator.organisationCode,
      `${this.topic}/${deadLetter.id}`,
    );
  }

  private async readAll(): Promise<{ partition: number; message: KafkaMessage }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(this.topic).finally(() => admin.disconnect());
    const remaining = new Map(ends.filter(({ high, low }) => Number(high) > Number(low)).map(({ partition, high }) => [partition, Number(high)]));
    const received: { partition: number; message: KafkaMessage }[] = [];
    if (remaining.size === 0) return received;
    // A throw-away group: reading must not move any service's offsets.
    const consumer = this.kafka.consumer({ groupId: `dead-letter-reader-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: this.topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        setTimeout(() => reject(new Error(`Could not read ${this.topic} to its end within 60 s`)), 60_000).unref();
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              received.push({ partition, message });
              if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return received.sort((a, b) => a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset));
  }
}
