import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CaseCreatedV1Contract, deadLetterTopic, type CaseCreatedV1, type EventContract, type EventEnvelope } from '@scrt/contracts';
import type { Producer } from 'kafkajs';
import { connectConsumers } from './consumer/connect-consumers.js';
import { ConsumeEvent } from './consumer/consume-event.decorator.js';
import { DeadLetterHeaders } from './consumer/dead-letter.js';
import { createReliableProducer, ACKS_ALL } from './kafka-config.js';
import { buildEnvelope } from './outbox/event-envelope.js';
import { eventually } from '@scrt/testing';
import { caseCreatedPayload, testActor } from './testing/fixtures.js';
import pg from 'pg';
import { ConsumerStatus } from './consumer/consumer-status.js';
import { Inbox } from './inbox/inbox.js';
import { pgSqlClient } from './pg-sql-client.js';
import { SwitchableProxy } from './testing/switchable-proxy.js';
import { createTestDatabase } from './testing/test-database.js';
import { committedOffset, countMessages, createTopics, readMessages, testBrokers, uniqueTopicPrefix } from './testing/test-kafka.js';

const runId = uniqueTopicPrefix('messaging-it-consumer');
const ALWAYS_FAILS = 'FAIL';
let producer: Producer;

/** A case-created contract on a topic of its own, so that each scenario has its own partitions. */
function scenarioContract(name: string): EventContract<CaseCreatedV1> {
  return { ...CaseCreatedV1Contract, type: `${runId}-${name}.case.created`, topic: `${runId}-${name}.case.created.v1` };
}

/** A `*.events.ts`-style controller that records what it handled and always fails for one organisation. */
function recordingEventsFor(contract: EventContract<CaseCreatedV1>) {
  @Controller()
  class RecordingEvents {
    readonly handled: EventEnvelope<CaseCreatedV1>[] = [];

    @ConsumeEvent(contract, { attempts: 3, baseDelayMs: 50 })
    async onCaseCreated(envelope: EventEnvelope<CaseCreatedV1>): Promise<void> {
      if (envelope.payload.organisationCode === ALWAYS_FAILS) throw new Error('the warehouse rejects this case');
      this.handled.push(envelope);
    }
  }
  return RecordingEvents;
}

async function startConsumerApp(controller: new (...args: never[]) => object, serviceName: string, providers: { provide: unknown; useValue: unknown }[] = []): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers: [controller], providers: providers as never[] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: ['error', 'warn'] });
  await connectConsumers(app, { serviceName, brokers: testBrokers(), logLevel: 'warn' });
  await app.init();
  return app;
}

/** Sends the values in order with one key (so to one partition); returns that partition. */
async function sendWithOneKey(topic: string, key: string, values: string[]): Promise<number> {
  const messages = values.map((value, index) => ({ key, value, headers: { 'x-correlation-id': `corr-consumer-${index}`, 'x-test': `message-${index}` } }));
  const [metadata] = await producer.send({ topic, acks: ACKS_ALL, messages });
  return metadata.partition;
}

const eventJson = (contract: EventContract<CaseCreatedV1>, payload: CaseCreatedV1) => JSON.stringify(buildEnvelope(contract, payload, { actor: testActor }, 'case-intake'));

beforeAll(async () => {
  producer = createReliableProducer({ serviceName: 'messaging-it-sender', brokers: testBrokers(), logLevel: 'warn' });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
});

describe('event consumers', () => {
  it('dead-letters a poison message and one that keeps failing, and handles the valid one behind them', async () => {
    const contract = scenarioContract('poison');
    const serviceName = `${runId}-poison-svc`;
    await createTopics({ name: contract.topic, partitions: 3 }, { name: deadLetterTopic(serviceName), partitions: 1 });
    const caseId = caseCreatedPayload().caseId;
    const values = [
      eventJson(contract, caseCreatedPayload({ caseId })).replace('"reviewType":"SAR"', '"reviewType":"not a code"'),
      eventJson(contract, caseCreatedPayload({ caseId, organisationCode: ALWAYS_FAILS })),
      eventJson(contract, caseCreatedPayload({ caseId })),
    ];
    const partition = await sendWithOneKey(contract.topic, caseId, values);

    const events = recordingEventsFor(contract);
    const app = await startConsumerApp(events, serviceName);
    try {
      const { handled } = app.get(events);
      await eventually(() => handled.length === 1, 'the valid event to be handled', 60_000);
      expect(JSON.stringify(handled[0])).toBe(values[2]);

      const deadLetters = await readMessages(deadLetterTopic(serviceName), 2);
      expect(deadLetters.map(({ message }) => String(message.value))).toEqual(values.slice(0, 2));
      deadLetters.forEach(({ message }, offset) => {
        expect(String(message.key)).toBe(caseId);
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        expect(headers).toMatchObject({
          'x-correlation-id': `corr-consumer-${offset}`,
          'x-test': `message-${offset}`,
          [DeadLetterHeaders.originalTopic]: contract.topic,
          [DeadLetterHeaders.originalPartition]: String(partition),
          [DeadLetterHeaders.originalOffset]: String(offset),
          [DeadLetterHeaders.failedAt]: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
      });
      expect(String(deadLetters[0].message.headers?.[DeadLetterHeaders.error])).toMatch(/^InvalidEventError: .*payload\.reviewType/);
      expect(String(deadLetters[1].message.headers?.[DeadLetterHeaders.error])).toBe('Error: the warehouse rejects this case');
      await eventually(async () => (await committedOffset(serviceName, contract.topic, partition)) === 3, 'the offset to move past all three', 20_000);
    } finally {
      await app.close();
    }
  });

  it('does not move past a message it could not dead-letter, and handles it once the dead-letter topic exists', async () => {
    const contract = scenarioContract('blocked');
    const serviceName = `${runId}-blocked-svc`;
    await createTopics({ name: contract.topic, partitions: 3 });
    const caseId = caseCreatedPayload().caseId;
    const values = ['not an event', eventJson(contract, caseCreatedPayload({ caseId }))];
    const partition = await sendWithOneKey(contract.topic, caseId, values);

    const events = recordingEventsFor(contract);
    const app = await startConsumerApp(events, serviceName);
    try {
      const { handled } = app.get(events);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(handled).toEqual([]);
      expect(await committedOffset(serviceName, contract.topic, partition)).toBe(-1);

      await createTopics({ name: deadLetterTopic(serviceName), partitions: 1 });
      await eventually(() => handled.length === 1, 'the valid event to be handled', 90_000);
      expect(await countMessages(deadLetterTopic(serviceName))).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('waits for a database that is unreachable far longer than the retry budget, then applies the event: nothing dead-lettered', async () => {
    const contract = scenarioContract('outage');
    const serviceName = `${runId}-outage-svc`;
    await createTopics({ name: contract.topic, partitions: 1 }, { name: deadLetterTopic(serviceName), partitions: 1 });
    const database = await createTestDatabase();
    const target = new URL(process.env.SCRT_TEST_DATABASE_URL as string);
    const proxy = new SwitchableProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.on();
    const viaProxy = new URL(target);
    viaProxy.port = String(proxy.port);
    const pool = new pg.Pool({ connectionString: viaProxy.toString(), connectionTimeoutMillis: 1_000, max: 2 });
    pool.on('error', () => undefined);
    const inbox = new Inbox(database.schema);
    const status = new ConsumerStatus();

    @Controller()
    class WarehouseEvents {
      @ConsumeEvent(contract)
      async onCaseCreated(envelope: EventEnvelope<CaseCreatedV1>): Promise<void> {
        await inbox.processOnce(pgSqlClient(pool), envelope, serviceName, async () => undefined);
      }
    }

    const app = await startConsumerApp(WarehouseEvents, serviceName, [{ provide: ConsumerStatus, useValue: status }]);
    try {
      await proxy.off();
      const envelope = buildEnvelope(contract, caseCreatedPayload(), { actor: testActor }, 'case-intake');
      await sendWithOneKey(contract.topic, envelope.payload.caseId, [JSON.stringify(envelope)]);
      await eventually(() => status.health().state === 'waiting-for-dependency', 'the consumer to wait for the database', 20_000);
      // The old policy gave up (and dead-lettered) after ~3 s.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      expect(status.health()).toMatchObject({ state: 'waiting-for-dependency', waitingPartitions: [`${contract.topic}:0`] });
      await proxy.on();
      await eventually(async () => {
        const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM "${database.schema}"."inbox_event" WHERE event_id = $1`, [envelope.eventId]);
        return rows[0].n === 1;
      }, 'the event to be applied once the database answers', 30_000);
      await eventually(() => status.health().state === 'consuming', 'the consumer to report it consumes again', 10_000);
      expect(await countMessages(deadLetterTopic(serviceName))).toBe(0);
      expect(status.health().deadLettered).toBe(0);
    } finally {
      await app.close();
      await proxy.off();
      await pool.end();
      await database.drop();
    }
  });
});
