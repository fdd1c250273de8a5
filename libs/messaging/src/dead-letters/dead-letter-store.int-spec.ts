import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { deadLetterMessage } from '../consumer/dead-letter.js';
import { NonRetriableEventError } from '../consumer/event-errors.js';
import { ACKS_ALL, createReliableProducer } from '../kafka-config.js';
import { caseCreatedEventJson, kafkaMessage } from '../testing/fixtures.js';
import { pgSqlClient } from '../pg-sql-client.js';
import { createTestDatabase } from '../testing/test-database.js';
import { createTopics, readMessages, testBrokers, uniqueTopicPrefix } from '../testing/test-kafka.js';
import { DeadLetterStore } from './dead-letter-store.js';

const runId = uniqueTopicPrefix('messaging-it-dlq');
const originalTopic = `${runId}.case.created.v1`;
const dlqTopic = `${runId}.dead-letter.v1`;
const operator = { subject: 'ops.engineer', organisationCode: 'QWE' };
let producer: Producer;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let store: DeadLetterStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(`CREATE TABLE "${database.schema}"."audit_event" (
    id UUID PRIMARY KEY, occurred_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(), actor_subject VARCHAR(200) NOT NULL, actor_kind VARCHAR(10) NOT NULL,
    actor_role_id VARCHAR(50), organisation_code VARCHAR(5) NOT NULL, action VARCHAR(50) NOT NULL, resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(100), correlation_id VARCHAR(100), outcome VARCHAR(20) NOT NULL)`);
  await createTopics({ name: originalTopic, partitions: 1 }, { name: dlqTopic, partitions: 1 });
  producer = createReliableProducer({ serviceName: 'messaging-it-dlq', brokers: testBrokers(), logLevel: 'warn' });
  await producer.connect();
  const failed = [caseCreatedEventJson(), '{oops'].map((value, offset) =>
    deadLetterMessage({ topic: originalTopic, partition: 0, message: kafkaMessage(value, String(offset), `case-${offset}`, { 'x-correlation-id': `corr-${offset}` }) }, new NonRetriableEventError(`rule ${offset}`), new Date()),
  );
  await producer.send({ topic: dlqTopic, acks: ACKS_ALL, messages: failed });
  const kafka = new Kafka({ clientId: 'messaging-it-dlq', brokers: testBrokers().split(','), logLevel: logLevel.NOTHING });
  store = new DeadLetterStore(kafka, pgSqlClient(database.pool), dlqTopic, database.schema);
});

afterAll(async () => {
  await producer.disconnect();
  await database.drop();
});

describe('DeadLetterStore', () => {
  it('lists dead letters with where and why they failed', async () => {
    const listed = await store.list();
    expect(listed.map(({ id, originalTopic: topic, originalOffset, error, replayedAt }) => ({ id, topic, originalOffset, error, replayedAt }))).toEqual([
      { id: '0:0', topic: originalTopic, originalOffset: '0', error: 'NonRetriableEventError: rule 0', replayedAt: undefined },
      { id: '0:1', topic: originalTopic, originalOffset: '1', error: 'NonRetriableEventError: rule 1', replayedAt: undefined },
    ]);
    expect(listed[0].eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replays a chosen dead letter to its original topic without the dead-letter headers, once, and audits who did it', async () => {
    const replayed = await store.replay(operator, ['0:1']);
    expect(replayed.map(({ id }) => id)).toEqual(['0:1']);
    const [republished] = await readMessages(originalTopic, 1);
    expect(String(republished.message.value)).toBe('{oops');
    expect(String(republished.message.key)).toBe('case-1');
    const headers = Object.fromEntries(Object.entries(republished.message.headers ?? {}).map(([name, value]) => [name, String(value)]));
    expect(headers).toEqual({ 'x-correlation-id': 'corr-1', 'x-replayed-from': `${dlqTopic}/0:1` });
    const { rows } = await database.pool.query(`SELECT actor_subject, organisation_code, action, resource_type, resource_id FROM "${database.schema}"."audit_event"`);
    expect(rows).toEqual([{ actor_subject: 'ops.engineer', organisation_code: 'QWE', action: 'replay', resource_type: 'dead-letter', resource_id: `${dlqTopic}/0:1` }]);

    const listed = await store.list();
    expect(listed.map(({ id, replayedAt }) => [id, replayedAt !== undefined])).toEqual([
      ['0:0', false],
      ['0:1', true],
    ]);
    expect((await store.replay(operator)).map(({ id }) => id)).toEqual(['0:0']);
    expect(await store.replay(operator)).toEqual([]);
    await expect(store.replay(operator, ['0:9'])).rejects.toThrow(`No dead letter 0:9 on ${dlqTopic}`);
  });
});
