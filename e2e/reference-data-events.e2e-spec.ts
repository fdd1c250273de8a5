import { Kafka, logLevel } from 'kafkajs';
import {
  Topics,
  type BankHolidaysChangedV1,
  type EventEnvelope,
  type PartnershipChangedV1,
  type TimescalesPublishedV1,
} from '@scrt/contracts';
import { apiAsUser, requiredEnv, type ApiClient } from '@scrt/testing';
import { todayInEngland } from '@scrt/working-days';
import { countRows } from './support.js';

const BASE = '/api/v1/reference-data';

interface Received<P> {
  key: string;
  envelope: EventEnvelope<P>;
}

/**
 * Reads `topic` from its beginning with a new consumer group (as a consumer starting today would)
 * until `enough` holds for what it read; fails after 30 s.
 */
async function readTopic<P>(topic: string, enough: (events: Received<P>[]) => boolean): Promise<Received<P>[]> {
  const kafka = new Kafka({ clientId: 'e2e-refdata-events', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `e2e-refdata-events-${topic}-${Date.now()}` });
  const events: Received<P>[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        events.push({ key: message.key!.toString(), envelope: JSON.parse(message.value!.toString()) as EventEnvelope<P> });
        if (enough(events)) resolve();
      },
    });
  });
  try {
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`${topic}: ${events.length} events read, not the one expected`)), 30_000))]);
  } finally {
    await consumer.disconnect();
  }
  return events;
}

const outboxRows = (topic: string) => countRows('refdata.outbox_event', 'topic = $1', [topic]);

describe('reference data publishes its calendar, timescale and partnership changes as events', () => {
  let admin: ApiClient;

  beforeAll(async () => {
    admin = await apiAsUser('refdata.admin');
  });

  it('publishes the full set of bank holidays after each add and delete, the seeded set first; a refused add publishes nothing', async () => {
    const holiday = { date: '2030-07-05', name: 'Events test holiday' };
    const before = await outboxRows(Topics.bankHolidaysChangedV1);
    expect((await admin.post(`${BASE}/calendar/bank-holidays`, { date: '2030-07-06', name: 'A Saturday' })).status).toBe(400);
    expect(await outboxRows(Topics.bankHolidaysChangedV1)).toBe(before);

    expect((await admin.post(`${BASE}/calendar/bank-holidays`, holiday)).status).toBe(201);
    const withIt = await admin.get<{ items: unknown[] }>(`${BASE}/calendar/bank-holidays?fromYear=2018&toYear=2030`);
    expect((await admin.request('DELETE', `${BASE}/calendar/bank-holidays/${holiday.date}`)).status).toBe(204);
    const without = await admin.get<{ items: unknown[] }>(`${BASE}/calendar/bank-holidays?fromYear=2018&toYear=2030`);
    expect(await outboxRows(Topics.bankHolidaysChangedV1)).toBe(before + 2);

    const holidaysOf = (event: Received<BankHolidaysChangedV1>) => event.envelope.payload.holidays;
    const hasIt = (event: Received<BankHolidaysChangedV1>) => holidaysOf(event).some((candidate) => candidate.date === holiday.date);
    const events = await readTopic<BankHolidaysChangedV1>(Topics.bankHolidaysChangedV1, (read) => read.some(hasIt) && !hasIt(read.at(-1)!));
    expect(events.every((event) => event.key === 'bank-holidays' && event.envelope.type === 'reference-data.bank-holidays.changed')).toBe(true);
    expect(events[0].envelope.actor).toMatchObject({ subject: 'seed', kind: 'system' });
    expect(holidaysOf(events[0]).length).toBeGreaterThanOrEqual(107);
    const added = events.findLast(hasIt)!;
    expect(holidaysOf(added)).toEqual(withIt.body.items);
    expect(holidaysOf(added)).toContainEqual({ ...holiday, substituteFor: null, source: 'admin' });
    expect(holidaysOf(events.at(-1)!)).toEqual(without.body.items);
    expect(events.some((event) => holidaysOf(event).some((candidate) => candidate.date === '2030-07-06'))).toBe(false);
  });

  it('publishes every target of a published timescale version, keyed alike; editing and a refused publish publish nothing', async () => {
    const before = await outboxRows(Topics.timescalesPublishedV1);
    const draft = await admin.post<{ version: number }>(`${BASE}/timescales/draft`, {});
    expect(draft.status).toBe(201);
    const override = { reviewType: 'SAR', stage: 'REVIEW', icbOdsCode: 'QRV', amount: 8, unit: 'calendar_months', startEvent: 'DECISION' };
    expect((await admin.request('PUT', `${BASE}/timescales/draft/targets`, { body: override })).status).toBe(200);
    expect((await admin.post(`${BASE}/timescales/draft/publish`, { effectiveFrom: '2020-01-01' })).status).toBe(400);
    expect(await outboxRows(Topics.timescalesPublishedV1)).toBe(before);

    const today = todayInEngland();
    expect((await admin.post(`${BASE}/timescales/draft/publish`, { effectiveFrom: today })).status).toBe(200);
    expect(await outboxRows(Topics.timescalesPublishedV1)).toBe(before + 1);
    const version = await admin.get<{ publishedAt: string; targets: unknown[] }>(`${BASE}/timescales?version=${draft.body.version}`);

    const ours = (event: Received<TimescalesPublishedV1>) => event.envelope.payload.version === draft.body.version;
    const events = await readTopic<TimescalesPublishedV1>(Topics.timescalesPublishedV1, (read) => read.some(ours));
    const event = events.find(ours)!;
    expect(event.key).toBe('timescales');
    expect(event.envelope).toMatchObject({ type: 'reference-data.timescales.published', version: 1, aggregateId: 'timescales', producer: 'reference-data' });
    expect(event.envelope.payload).toEqual({ version: draft.body.version, effectiveFrom: today, publishedAt: version.body.publishedAt, targets: version.body.targets });
    expect(event.envelope.payload.targets).toContainEqual({ ...override, description: null });
    expect(events.filter(ours)).toHaveLength(1);
  });

  it('publishes the whole state of a partnership on create, update, end and import, keyed by its id; refused changes publish nothing', async () => {
    const suffix = Date.now();
    const partnership = { name: `Events Test Board ${suffix}`, kind: 'SAB', localAuthorities: ['Leeds'], icbOdsCodes: ['QWO'], effectiveFrom: '2019-04-01' };
    const before = await outboxRows(Topics.partnershipChangedV1);
    expect((await admin.post(`${BASE}/partnerships`, { ...partnership, icbOdsCodes: ['QZZ'] })).status).toBe(400);
    const badCsv = ['name,kind,local_authorities,icb_ods_codes,effective_from,effective_to', `Events Test Refused ${suffix},XYZ,Leeds,QWO,2020-04-01,`].join('\n');
    expect((await admin.post(`${BASE}/partnerships/import`, { csv: badCsv })).status).toBe(400);
    expect(await outboxRows(Topics.partnershipChangedV1)).toBe(before);

    const created = await admin.post<{ id: string }>(`${BASE}/partnerships`, partnership);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const updated = await admin.request('PATCH', `${BASE}/partnerships/${id}`, { body: { localAuthorities: ['Leeds', 'Wakefield'] } });
    expect(updated.status).toBe(200);
    const ended = await admin.post(`${BASE}/partnerships/${id}/end`, { effectiveTo: '2027-03-31' });
    expect(ended.status).toBe(200);
    expect((await admin.post(`${BASE}/partnerships/${id}/end`, { effectiveTo: '2027-04-30' })).status).toBe(409);
    const goodCsv = ['name,kind,local_authorities,icb_ods_codes,effective_from,effective_to', `Events Test CSP ${suffix},CSP,Kirklees,QWO,2020-04-01,`].join('\n');
    expect((await admin.post(`${BASE}/partnerships/import`, { csv: goodCsv })).status).toBe(200);
    expect(await outboxRows(Topics.partnershipChangedV1)).toBe(before + 4);

    const isImported = (event: Received<PartnershipChangedV1>) => event.envelope.payload.name === `Events Test CSP ${suffix}`;
    // Different keys, different partitions: read until both partnerships' last events are in.
    const isEnded = (event: Received<PartnershipChangedV1>) => event.key === id && event.envelope.payload.version === 3;
    const events = await readTopic<PartnershipChangedV1>(Topics.partnershipChangedV1, (read) => read.some(isImported) && read.some(isEnded));
    const ofCreated = events.filter((event) => event.key === id);
    expect(ofCreated.map((event) => event.envelope.payload)).toEqual([
      { id, ...partnership, effectiveTo: null, version: 1 },
      { id, ...partnership, localAuthorities: ['Leeds', 'Wakefield'], effectiveTo: null, version: 2 },
      { id, ...partnership, localAuthorities: ['Leeds', 'Wakefield'], effectiveTo: '2027-03-31', version: 3 },
    ]);
    expect(ofCreated.at(-1)!.envelope.payload).toMatchObject(ended.body as object);
    const imported = events.find(isImported)!;
    expect(imported.key).toBe(imported.envelope.payload.id);
    expect(imported.envelope).toMatchObject({ type: 'reference-data.partnership.changed', aggregateId: imported.key, actor: { kind: 'user' } });
    expect(imported.envelope.payload).toMatchObject({ kind: 'CSP', localAuthorities: ['Kirklees'], icbOdsCodes: ['QWO'], effectiveFrom: '2020-04-01', effectiveTo: null, version: 1 });
    expect(events.some((event) => event.envelope.payload.name === `Events Test Refused ${suffix}`)).toBe(false);
  });
});
