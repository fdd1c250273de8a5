import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CaseCreatedV1Contract, type CaseCreatedV1, type EventContract } from '@scrt/contracts';
import { Kafka, type Producer } from 'kafkajs';
import type pg from 'pg';
import { createReliableProducer, kafkaClientConfig, reliableProducerConfig } from './kafka-config.js';
import { MessagingModule } from './messaging.module.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import type { TransactionalSqlClient } from './sql-client.js';
import { eventually, requiredEnv } from '@scrt/testing';
import { caseCreatedPayload, testActor } from './testing/fixtures.js';
import { pgSqlClient } from './pg-sql-client.js';
import { createTestDatabase } from './testing/test-database.js';
import { countMessages, createTopics, readMessages, testBrokers, uniqueTopicPrefix } from './testing/test-kafka.js';

const serviceName = 'case-intake';
const runId = uniqueTopicPrefix('messaging-it-outbox');
let pool: pg.Pool;
let schema: string;
let db: TransactionalSqlClient;
let dropDatabase: () => Promise<void>;
let writer: OutboxWriter;

/** The case-created contract on a topic of this test's own (unique per run). */
async function contractOnNewTopic(name: string, partitions = 3): Promise<EventContract<CaseCreatedV1>> {
  const topic = `${runId}.${name}`;
  await createTopics({ name: topic, partitions });
  return { ...CaseCreatedV1Contract, topic };
}

const healthyProducer = () => createReliableProducer({ serviceName, brokers: testBrokers() });

function relay(options: Partial<OutboxRelayOptions> = {}, createProducer: () => Producer = healthyProducer): OutboxRelay {
  return new OutboxRelay(db, createProducer, { schema, pollIntervalMs: 20, ...options });
}

async function appendCommitted(contract: EventContract<CaseCreatedV1>, payloads: CaseCreatedV1[]) {
  return db.$transaction(async (tx) => {
    const envelopes = [];
    for (const payload of payloads) envelopes.push(await writer.append(tx, contract, payload, { actor: testActor, correlationId: 'corr-outbox-1' }));
    return envelopes;
  });
}

/** A producing service's wiring: its database (here behind a test token) and MessagingModule. */
async function startProducerModule(relayEnabled: boolean) {
  const DATABASE = Symbol('DATABASE');
  @Module({ providers: [{ provide: DATABASE, useValue: db }], exports: [DATABASE] })
  class DatabaseModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [
      MessagingModule.forProducer({ serviceName, schema, brokers: testBrokers(), logLevel: 'warn', database: DATABASE, imports: [DatabaseModule], relayEnabled, relay: { pollIntervalMs: 20 } }),
    ],
  }).compile();
  return moduleRef.init();
}

async function unpublishedCount(): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}"."outbox_event" WHERE "published_at" IS NULL`);
  return rows[0].n;
}

beforeAll(async () => {
  ({ pool, schema, drop: dropDatabase } = await createTestDatabase());
  db = pgSqlClient(pool);
  writer = new OutboxWriter({ serviceName, schema });
});

afterAll(async () => {
  await dropDatabase();
});

describe('transactional outbox', () => {
  it('publishes a committed event once, keyed by its aggregate, and nothing of a rolled-back one', async () => {
    const contract = await contractOnNewTopic('single');
    const rolledBack = db.$transaction(async (tx) => {
      await writer.append(tx, contract, caseCreatedPayload(), { actor: testActor });
      throw new Error('the use case failed after appending');
    });
    await expect(rolledBack).rejects.toThrow('the use case failed');
    const payload = caseCreatedPayload();
    const [envelope] = await appendCommitted(contract, [payload]);

    const running = relay();
    running.start();
    await eventually(async () => (await unpublishedCount()) === 0, 'the outbox to drain', 20_000);
    await running.readinessCheck().check();
    await running.stop();

    expect(await countMessages(contract.topic)).toBe(1);
    const [{ message }] = await readMessages(contract.topic, 1);
    expect(message.key?.toString()).toBe(payload.caseId);
    expect(JSON.parse(String(message.value))).toEqual(envelope);
    expect(Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]))).toEqual({
      'x-correlation-id': 'corr-outbox-1',
      'x-event-type': 'case-intake.case.created',
      'x-event-id': envelope.eventId,
    });
  });

  it('publishes every row exactly once, in order per key, with two relays on the same table', async () => {
    const contract = await contractOnNewTopic('concurrent');
    const caseIds = Array.from({ length: 10 }, () => caseCreatedPayload().caseId);
    const appended = [];
    for (let round = 0; round < 20; round += 1) appended.push(...(await appendCommitted(contract, caseIds.map((caseId) => caseCreatedPayload({ caseId })))));

    const relays = [relay({ batchSize: 15 }), relay({ batchSize: 15 })];
    relays.forEach((each) => each.start());
    await eventually(async () => (await unpublishedCount()) === 0, 'the outbox to drain', 30_000);
    await Promise.all(relays.map((each) => each.stop()));

    expect(await countMessages(contract.topic)).toBe(appended.length);
    const received = await readMessages(contract.topic, appended.length);
    const eventIdsOf = (key: string, ids: { key: string; eventId: string }[]) => ids.filter((each) => each.key === key).map((each) => each.eventId);
    const sent = appended.map((envelope) => ({ key: envelope.aggregateId, eventId: envelope.eventId }));
    const got = received.map(({ message }) => ({ key: String(message.key), eventId: JSON.parse(String(message.value)).eventId }));
    expect(new Set(got.map((each) => each.eventId)).size).toBe(appended.length);
    for (const caseId of caseIds) expect(eventIdsOf(caseId, got)).toEqual(eventIdsOf(caseId, sent));
  });

  it('keeps rows unpublished and keeps running while Kafka is unreachable, then a good producer publishes them', async () => {
    const contract = await contractOnNewTopic('unreachable');
    await appendCommitted(contract, [caseCreatedPayload()]);
    const unreachable = new Kafka({ ...kafkaClientConfig({ serviceName, brokers: '127.0.0.1:1', logLevel: 'error' }), retry: { retries: 0 } });
    const failing = relay({ maxBackoffMs: 200 }, () => unreachable.producer(reliableProducerConfig()));
    failing.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await unpublishedCount()).toBe(1);
    await expect(failing.readinessCheck().check()).rejects.toThrow(/not connected/);
    await failing.stop();

    const healthy = relay();
    expect(await healthy.publishBatch()).toBe(1);
    await healthy.stop();
    expect(await unpublishedCount()).toBe(0);
    expect(await countMessages(contract.topic)).toBe(1);
  });

  it('replaces a producer whose send failed, so a producer the broker refuses for ever does not stop the outbox', async () => {
    const contract = await contractOnNewTopic('replaced-producer');
    await appendCommitted(contract, [caseCreatedPayload()]);
    const unreachable = new Kafka({ ...kafkaClientConfig({ serviceName, brokers: '127.0.0.1:1', logLevel: 'error' }), retry: { retries: 0 } });
    const producersMade: string[] = [];
    const recovering = relay({ maxBackoffMs: 200 }, () => {
      producersMade.push(producersMade.length === 0 ? 'refused' : 'healthy');
      return producersMade.length === 1 ? unreachable.producer(reliableProducerConfig()) : healthyProducer();
    });
    recovering.start();
    await eventually(async () => (await unpublishedCount()) === 0, 'the event to go out with a new producer', 20_000);
    await recovering.stop();
    expect(producersMade.slice(0, 2)).toEqual(['refused', 'healthy']);
    expect(await countMessages(contract.topic)).toBe(1);
  });

  it('rolls a batch back and records the failure when the broker refuses it', async () => {
    const missingTopic = { ...CaseCreatedV1Contract, topic: `${runId}.never-created` };
    const [envelope] = await appendCommitted(missingTopic, [caseCreatedPayload()]);
    const kafka = new Kafka(kafkaClientConfig({ serviceName, brokers: testBrokers(), logLevel: 'error' }));
    const impatient = relay({}, () => kafka.producer({ ...reliableProducerConfig(), retry: { retries: 1, initialRetryTime: 50 } }));

    await expect(impatient.publishBatch()).rejects.toThrow();
    await impatient.stop();

    const { rows } = await pool.query(`SELECT "published_at", "attempts", "last_error" FROM "${schema}"."outbox_event" WHERE "id" = $1`, [envelope.eventId]);
    expect(rows[0]).toMatchObject({ published_at: null, attempts: 1, last_error: expect.stringMatching(/\S/) });
    await pool.query(`DELETE FROM "${schema}"."outbox_event" WHERE "id" = $1`, [envelope.eventId]);
  });

  it('publishes a committed event at once when woken by its NOTIFY, long before the next poll', async () => {
    const contract = await contractOnNewTopic('notified');
    const listening = relay({ pollIntervalMs: 120_000, listenConnectionString: requiredEnv('SCRT_TEST_DATABASE_URL') });
    listening.start();
    await appendCommitted(contract, [caseCreatedPayload()]);
    await eventually(async () => (await unpublishedCount()) === 0, 'the first event to go out', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The relay now sleeps for two minutes unless the next commit wakes it.
    await appendCommitted(contract, [caseCreatedPayload()]);
    await eventually(async () => (await unpublishedCount()) === 0, 'the notified event to go out', 20_000);
    await listening.stop();
    expect(await countMessages(contract.topic)).toBe(2);
  });

  it('still publishes by polling when it cannot listen', async () => {
    const contract = await contractOnNewTopic('unlistened');
    const deaf = relay({ pollIntervalMs: 50, listenConnectionString: 'postgresql://postgres@127.0.0.1:1/none' });
    deaf.start();
    await appendCommitted(contract, [caseCreatedPayload()]);
    await eventually(async () => (await unpublishedCount()) === 0, 'the outbox to drain by polling', 20_000);
    await deaf.stop();
    expect(await countMessages(contract.topic)).toBe(1);
  });

  it('is wired by MessagingModule.forProducer: the relay starts on bootstrap and stops on shutdown', async () => {
    const contract = await contractOnNewTopic('module');
    const app = await startProducerModule(true);
    await db.$transaction((tx) => app.get(OutboxWriter).append(tx, contract, caseCreatedPayload(), { actor: testActor }));
    await eventually(async () => (await unpublishedCount()) === 0, 'the outbox to drain', 20_000);
    await app.get(OutboxRelay).readinessCheck().check();
    await app.close();
    expect(await countMessages(contract.topic)).toBe(1);
  });

  it('leaves the outbox alone when the relay is disabled', async () => {
    const contract = await contractOnNewTopic('disabled');
    const app = await startProducerModule(false);
    await db.$transaction((tx) => app.get(OutboxWriter).append(tx, contract, caseCreatedPayload(), { actor: testActor }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await unpublishedCount()).toBe(1);
    await app.get(OutboxRelay).readinessCheck().check();
    await app.close();
    await pool.query(`DELETE FROM "${schema}"."outbox_event"`);
  });
});
