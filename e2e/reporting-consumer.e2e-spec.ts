import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { Topics, deadLetterTopic } from '@scrt/contracts';
import { uuidv7 } from '@scrt/messaging';
import { eventually, requiredEnv } from '@scrt/testing';
import { countRows } from './support.js';

function caseCreatedEnvelope(caseId: string) {
  return {
    eventId: uuidv7(),
    type: 'case-intake.case.created',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `e2e-${randomUUID()}`,
    producer: 'case-intake',
    aggregateId: caseId,
    actor: { subject: 'e2e', kind: 'system' },
    payload: { caseId, organisationCode: 'QWO', regionCode: 'Y63', incidentDate: '2026-05-05', reviewType: 'OTHER', createdAt: new Date().toISOString() },
  };
}

describe('reporting consumes case events reliably', () => {
  let kafka: Kafka;
  let producer: Producer;
  let deadLetters: Consumer;
  const parked: { key: string; value: string; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    kafka = new Kafka({ clientId: 'e2e', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    deadLetters = kafka.consumer({ groupId: `e2e-dead-letters-${randomUUID()}` });
    await deadLetters.connect();
    await deadLetters.subscribe({ topic: deadLetterTopic('reporting'), fromBeginning: true });
    await deadLetters.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        parked.push({ key: String(message.key), value: String(message.value), headers });
      },
    });
  });

  afterAll(async () => {
    await deadLetters?.disconnect();
    await producer?.disconnect();
  });

  it('parks a message that always fails on the dead-letter topic and still processes the next one on its partition', async () => {
    const caseId = randomUUID();
    const poison = { ...caseCreatedEnvelope(caseId), payload: { caseId, organisationCode: 'QWO', incidentDate: 'not a date' } };
    const good = caseCreatedEnvelope(caseId);
    await producer.send({
      topic: Topics.caseCreatedV1,
      messages: [
        { key: caseId, value: JSON.stringify(poison) },
        { key: caseId, value: JSON.stringify(good) },
      ],
    });

    await eventually(async () => (await countRows('reporting.case_fact', 'case_id = $1', [caseId])) === 1, 'the valid event applied');
    const deadLetter = await eventually(async () => parked.find((message) => message.key === caseId), 'the poison message on the dead-letter topic');
    expect(JSON.parse(deadLetter.value).eventId).toBe(poison.eventId);
    expect(deadLetter.headers['x-dlq-error']).toMatch(/.+/);
    expect(deadLetter.headers['x-dlq-original-topic']).toBe(Topics.caseCreatedV1);
  });

  it('applies a redelivered event once', async () => {
    const caseId = randomUUID();
    const event = caseCreatedEnvelope(caseId);
    await producer.send({ topic: Topics.caseCreatedV1, messages: [{ key: caseId, value: JSON.stringify(event) }] });
    await producer.send({ topic: Topics.caseCreatedV1, messages: [{ key: caseId, value: JSON.stringify(event) }] });
    await eventually(async () => (await countRows('reporting.warehouse_inbox', 'event_id = $1', [event.eventId])) === 1, 'the event recorded in the inbox');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await countRows('reporting.case_fact', 'case_id = $1', [caseId])).toBe(1);
  });
});
