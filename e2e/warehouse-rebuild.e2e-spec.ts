import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { apiAsClient, caseEventStream, eventually, requiredEnv, queryTestDatabase, reviewEventStream, seededRandom, type ApiClient, type PublishedEvent } from '@scrt/testing';

/** Pause between the reads made while the rebuild runs (within the gateway's rate limit). */
const READ_INTERVAL_MS = 250;
const REBUILD_COMMAND = join(process.cwd(), 'dist', 'apps', 'reporting', 'src', 'rebuild', 'main.js');

/** Every row of the warehouse's facts and inbox, without load times and change numbers (which a rebuild renews). */
async function warehouseRows() {
  return {
    cases: await queryTestDatabase(
      `SELECT case_id, version, organisation_code, region_code, sub_icb_location_code, review_type, incident_date::text, date_added::text, subject_group, age_band, setting,
              designated_professional, partnership_id, identifier_count, withdrawn, withdrawn_at, recorded_at, updated_at, source_event_id, source_occurred_at
       FROM reporting.case_fact ORDER BY case_id`,
    ),
    themes: await queryTestDatabase('SELECT case_id, position, theme_code FROM reporting.case_theme_fact ORDER BY case_id, position'),
    reviews: await queryTestDatabase(
      `SELECT review_id, version, case_id, organisation_code, region_code, review_type, stage, stage_date::text, status, converted_from_id, converted_to_id, signed_off_on::text,
              publication_state, published_on::text, embargo_until::text, paused, created_at, updated_at, source_event_id, source_occurred_at
       FROM reporting.review_fact ORDER BY review_id`,
    ),
    transitions: await queryTestDatabase(
      'SELECT review_id, to_stage, from_stage, entered_on::text, target_on::text, slippage_days, source_event_id FROM reporting.stage_transition_fact ORDER BY review_id, to_stage, entered_on',
    ),
    learning: await queryTestDatabase(
      `SELECT item_id, kind, version, review_id, organisation_code, region_code, review_type, theme_code, status, due_on::text, completed_on::text, occurred_on::text, method, source_event_id
       FROM reporting.learning_fact ORDER BY item_id`,
    ),
    inbox: await queryTestDatabase('SELECT event_id, consumer, topic FROM reporting.warehouse_inbox ORDER BY event_id, consumer'),
  };
}

const tableOid = async () => (await queryTestDatabase<{ oid: number }>(`SELECT 'reporting.case_fact'::regclass::oid AS oid`))[0].oid;

function runRebuild(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [REBUILD_COMMAND], {
      env: { ...process.env, DATABASE_URL: requiredEnv('SCRT_TEST_DATABASE_URL'), KAFKA_BROKERS: requiredEnv('SCRT_TEST_KAFKA_BROKERS') },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the warehouse is rebuilt by replaying its topics', () => {
  let producer: Producer;
  let national: ApiClient;

  const publish = (events: PublishedEvent[]) => producer.sendBatch({ topicMessages: events.map(({ topic, key, envelope }) => ({ topic, messages: [{ key, value: JSON.stringify(envelope) }] })) });
  const caseCount = async (ids: string[]) => (await queryTestDatabase<{ n: number }>('SELECT count(*)::int AS n FROM reporting.case_fact WHERE case_id = ANY($1::uuid[])', [ids]))[0].n;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'e2e-rebuild', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    national = await apiAsClient('nhse-reporting-system');
  });

  afterAll(async () => {
    await producer?.disconnect();
  });

  it('swaps in fresh tables equal row for row to the live ones (case, review, stage and learning facts), answering reports throughout and losing no event', async () => {
    const reviews = reviewEventStream({ reviews: 10, random: seededRandom(4) });
    const stream = [...caseEventStream({ cases: 40, withdrawEvery: 5, withOldCreation: true, random: seededRandom(3) }), ...reviews];
    await publish(stream);
    const streamCases = [...new Set(stream.filter((event) => !reviews.includes(event)).map((event) => event.key))];
    await eventually(async () => (await caseCount(streamCases)) === streamCases.length, 'the stream in the live warehouse');
    await eventually(async () => {
      const rows = await queryTestDatabase<{ n: number }>('SELECT count(*)::int AS n FROM reporting.warehouse_inbox WHERE event_id = ANY($1::uuid[])', [stream.map((event) => event.envelope.eventId)]);
      return rows[0].n === stream.length;
    }, 'every event of the stream applied');
    const live = await warehouseRows();
    const liveOid = await tableOid();

    const statuses: number[] = [];
    let rebuilding = true;
    const readingThroughout = (async () => {
      while (rebuilding) {
        statuses.push((await national.get('/api/v1/reports/caseload?period=quarter')).status);
        await new Promise((resolve) => setTimeout(resolve, READ_INTERVAL_MS));
      }
    })();
    const rebuild = runRebuild();
    const during = caseEventStream({ cases: 5, random: seededRandom(5) });
    await publish(during);
    const { code, output } = await rebuild;
    rebuilding = false;
    await readingThroughout;

    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/warehouse rebuilt: \d+ events/) });
    expect(await tableOid()).not.toBe(liveOid);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    const duringCases = [...new Set(during.map((event) => event.key))];
    await eventually(async () => (await caseCount(duringCases)) === duringCases.length, 'the events published during the rebuild in the warehouse');
    const rebuilt = await warehouseRows();
    const duringEvents = new Set(during.map((event) => event.envelope.eventId));
    expect({
      cases: rebuilt.cases.filter((row) => !duringCases.includes(row.case_id)),
      themes: rebuilt.themes.filter((row) => !duringCases.includes(row.case_id)),
      inbox: rebuilt.inbox.filter((row) => !duringEvents.has(row.event_id)),
      reviews: rebuilt.reviews,
      transitions: rebuilt.transitions,
      learning: rebuilt.learning,
    }).toEqual(live);
    expect(live.reviews.filter((row) => reviews.some((event) => event.key === row.review_id))).toHaveLength(10 + 5);
    expect(live.learning.filter((row) => reviews.some((event) => event.envelope.eventId === row.source_event_id))).toHaveLength(10 * 4);
    console.log(output.trim());
  });
});
