import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { Topics, type CodeListPublishedV1, type EventEnvelope } from '@scrt/contracts';
import { pgSqlClient } from '@scrt/messaging';
import { CodeListCopy } from '@scrt/reference-copy';
import { requiredEnv, queryTestDatabase } from '@scrt/testing';
import { todayInEngland } from '@scrt/working-days';

const PROBE_SCHEMA = 'rebuild_probe';

/** The set of (list, version) a copy holds, to compare two copies. */
const versionsIn = async (schema: string) =>
  (await queryTestDatabase<{ key: string }>(`SELECT list_code || ':' || version AS key FROM ${schema}.reference_code_list_version ORDER BY 1`)).map((row) => row.key);

describe('a new consumer rebuilds its copy of the code lists from the topic alone', () => {
  const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 4 });

  beforeAll(async () => {
    await queryTestDatabase(`DROP SCHEMA IF EXISTS ${PROBE_SCHEMA} CASCADE`);
    await queryTestDatabase(`CREATE SCHEMA ${PROBE_SCHEMA}`);
    await queryTestDatabase(`CREATE TABLE ${PROBE_SCHEMA}.inbox_event (LIKE intake.inbox_event INCLUDING ALL)`);
    await queryTestDatabase(`CREATE TABLE ${PROBE_SCHEMA}.reference_code_list_version (LIKE intake.reference_code_list_version INCLUDING ALL)`);
  });

  afterAll(async () => {
    await pool.end();
    await queryTestDatabase(`DROP SCHEMA IF EXISTS ${PROBE_SCHEMA} CASCADE`);
  });

  it('reads every published version from the beginning of the topic into an empty copy, which then answers like case-intake\'s', async () => {
    const [{ published }] = await queryTestDatabase<{ published: number }>(
      `SELECT count(*)::int AS published FROM refdata.outbox_event WHERE topic = $1 AND published_at IS NOT NULL`,
      [Topics.codeListPublishedV1],
    );
    expect(published).toBeGreaterThanOrEqual(15);
    const copy = new CodeListCopy(pgSqlClient(pool), PROBE_SCHEMA, 'rebuild-probe');
    const kafka = new Kafka({ clientId: 'e2e-rebuild', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-rebuild-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.codeListPublishedV1, fromBeginning: true });
    const started = performance.now();
    let applied = 0;
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          await copy.apply(JSON.parse(message.value!.toString()) as EventEnvelope<CodeListPublishedV1>);
          applied += 1;
          if (applied >= published) resolve();
        },
      });
    });
    try {
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${applied} of ${published} events read`)), 30_000))]);
    } finally {
      await consumer.disconnect();
    }
    const elapsedMs = performance.now() - started;
    console.log(`Rebuilt a copy of the code lists from the topic: ${applied} events in ${elapsedMs.toFixed(0)} ms (from subscribing to the last one applied)`);
    expect(await versionsIn(PROBE_SCHEMA)).toEqual(await versionsIn('intake'));
    const today = todayInEngland();
    expect(await copy.checkForNewRecord('review-types', 'RAPID_REVIEW', today)).toMatchObject({ outcome: 'valid' });
    expect(await copy.checkForNewRecord('review-types', 'INQUEST', today)).toMatchObject({ outcome: 'unknown' });
    expect((await copy.meaningAt('age-bands', 'UNDER_1', '2019-06-01'))?.label).toBe('Under 1 year');
    expect(await copy.checkForNewRecord('review-types', 'RAPID_REVIEW', '2017-12-31')).toEqual({ outcome: 'no-version' });
  });
});
