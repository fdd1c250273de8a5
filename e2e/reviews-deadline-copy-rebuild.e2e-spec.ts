import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { Topics, type EventEnvelope } from '@scrt/contracts';
import { pgSqlClient } from '@scrt/messaging';
import { CalendarCopy, TimescaleCopy } from '@scrt/reference-copy';
import { eventually, requiredEnv, queryTestDatabase } from '@scrt/testing';

const PROBE_SCHEMA = 'deadline_rebuild_probe';
const topics = [Topics.timescalesPublishedV1, Topics.bankHolidaysChangedV1];

/** How many events of the topic reference-data's relay has published, once it has published all it holds. */
const publishedCount = (topic: string) =>
  eventually(async () => {
    const [counts] = await queryTestDatabase<{ published: number; waiting: number }>(
      `SELECT count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published, count(*) FILTER (WHERE published_at IS NULL)::int AS waiting FROM refdata.outbox_event WHERE topic = $1`,
      [topic],
    );
    return counts.waiting === 0 && counts.published >= 1 && counts.published;
  }, `reference-data to publish every event of ${topic}`);

describe("a new consumer rebuilds its copy of the timescales and the bank-holiday calendar from the topics alone", () => {
  const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 4 });

  beforeAll(async () => {
    await queryTestDatabase(`DROP SCHEMA IF EXISTS ${PROBE_SCHEMA} CASCADE`);
    await queryTestDatabase(`CREATE SCHEMA ${PROBE_SCHEMA}`);
    for (const table of ['inbox_event', 'reference_timescale_version', 'reference_bank_holidays']) {
      await queryTestDatabase(`CREATE TABLE ${PROBE_SCHEMA}.${table} (LIKE reviews.${table} INCLUDING ALL)`);
    }
  });

  afterAll(async () => {
    await pool.end();
    await queryTestDatabase(`DROP SCHEMA IF EXISTS ${PROBE_SCHEMA} CASCADE`);
  });

  it('reads every version and calendar change from the beginning into empty tables, and answers like the reviews service\'s copy and reference-data', async () => {
    const expected = { timescales: await publishedCount(Topics.timescalesPublishedV1), holidays: await publishedCount(Topics.bankHolidaysChangedV1) };
    const db = pgSqlClient(pool);
    const timescales = new TimescaleCopy(db, PROBE_SCHEMA, 'rebuild-probe');
    const calendar = new CalendarCopy(db, PROBE_SCHEMA, 'rebuild-probe');
    const kafka = new Kafka({ clientId: 'e2e-deadline-rebuild', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-deadline-rebuild-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const started = performance.now();
    const applied = { timescales: 0, holidays: 0 };
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ topic, message }) => {
          const event = JSON.parse(message.value!.toString()) as EventEnvelope<never>;
          if (topic === Topics.timescalesPublishedV1) {
            await timescales.apply(event);
            applied.timescales += 1;
          } else {
            await calendar.apply(event);
            applied.holidays += 1;
          }
          if (applied.timescales >= expected.timescales && applied.holidays >= expected.holidays) resolve();
        },
      });
    });
    try {
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`read ${JSON.stringify(applied)} of ${JSON.stringify(expected)}`)), 30_000))]);
    } finally {
      await consumer.disconnect();
    }
    const elapsedMs = performance.now() - started;
    console.log(`Rebuilt the timescale and calendar copies from the topics: ${applied.timescales} + ${applied.holidays} events in ${elapsedMs.toFixed(0)} ms (from subscribing to the last one applied)`);

    const versionsIn = async (schema: string) => (await queryTestDatabase<{ version: number }>(`SELECT version FROM ${schema}.reference_timescale_version ORDER BY 1`)).map((row) => row.version);
    const rebuiltVersions = await versionsIn(PROBE_SCHEMA);
    await eventually(async () => JSON.stringify(await versionsIn('reviews')) === JSON.stringify(rebuiltVersions), "the reviews service's copy to hold the same versions");
    expect(await timescales.targetInForce('RAPID_REVIEW', 'RAPID_REVIEW', 'QWO', '2026-12-21')).toMatchObject({ amount: 15, unit: 'working_days', startEvent: 'NOTIFICATION', scope: 'national' });
    expect(await timescales.targetInForce('CSPR_LOCAL', 'REVIEW', null, '2026-12-21')).toMatchObject({ amount: 6, unit: 'calendar_months' });
    expect(await timescales.targetInForce('RAPID_REVIEW', 'RAPID_REVIEW', null, '2017-12-31')).toBeUndefined();

    const rebuilt = (await calendar.calendar())!;
    expect(rebuilt.isWorkingDay('2026-12-28')).toBe(false);
    expect(rebuilt.addWorkingDays('2026-12-21', 15)).toBe('2027-01-14');
    // England and Wales have 8 bank holidays a year (more in some): 2018 to 2030 is at least 104
    expect((await calendar.holidays()).length).toBeGreaterThanOrEqual(104);
  });
});
