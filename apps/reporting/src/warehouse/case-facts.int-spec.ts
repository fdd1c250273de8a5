import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pgSqlClient } from '@scrt/messaging';
import { caseEventStream, requiredEnv, seededRandom, shuffledWithRedeliveries } from '@scrt/testing';
import pg from 'pg';
import { WarehouseProjector } from './warehouse-projector.js';
import { WarehouseTables } from './warehouse-tables.js';

const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 4 });
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const inOrder = new WarehouseTables(`wh_in_order_${letters()}`);
const shuffled = new WarehouseTables(`wh_shuffled_${letters()}`);

/** The facts of a warehouse as comparable rows (without load times and change numbers). */
async function factsOf(tables: WarehouseTables) {
  const cases = await pool.query(
    `SELECT case_id, version, organisation_code, review_type, date_added::text, designated_professional, identifier_count, withdrawn, withdrawn_at, source_event_id
     FROM ${tables.table('case_fact')} ORDER BY case_id`,
  );
  const themes = await pool.query(`SELECT case_id, position, theme_code FROM ${tables.table('case_theme_fact')} ORDER BY case_id, position`);
  return { cases: cases.rows, themes: themes.rows };
}

beforeAll(async () => {
  for (const tables of [inOrder, shuffled]) for (const sql of tables.createLikeLiveSql()) await pool.query(sql);
});

afterAll(async () => {
  for (const tables of [inOrder, shuffled]) await pool.query(`DROP SCHEMA IF EXISTS "${tables.schema}" CASCADE`);
  await pool.end();
});

describe('the warehouse converges whatever the order of the case events', () => {
  it('holds the same facts from a shuffled stream with redeliveries as from the stream in order', async () => {
    const events = caseEventStream({ cases: 25, withdrawEvery: 4, withOldCreation: true, random: seededRandom(11) });
    const db = pgSqlClient(pool);
    const ordered = new WarehouseProjector(db, inOrder);
    for (const { topic, envelope } of events) expect(await ordered.apply(topic, Buffer.from(JSON.stringify(envelope)))).toBe('processed');

    const outcomes: string[] = [];
    const reordered = new WarehouseProjector(db, shuffled);
    for (const { topic, envelope } of shuffledWithRedeliveries(events, seededRandom(7))) outcomes.push(await reordered.apply(topic, Buffer.from(JSON.stringify(envelope))));
    expect(outcomes.filter((outcome) => outcome === 'duplicate').length).toBeGreaterThan(0);

    const expected = await factsOf(inOrder);
    expect(expected.cases).toHaveLength(26);
    expect(expected.cases.filter((row) => row.withdrawn)).toHaveLength(7);
    expect(await factsOf(shuffled)).toEqual(expected);

    const lastOfEachCase = new Map(events.map(({ key, envelope }) => [key, envelope]));
    for (const row of expected.cases) expect(row.source_event_id).toBe(lastOfEachCase.get(row.case_id)!.eventId);
  });

  it('says a message that breaks its contract is invalid and applies nothing', async () => {
    const projector = new WarehouseProjector(pgSqlClient(pool), inOrder);
    const before = await factsOf(inOrder);
    expect(await projector.apply('case-intake.case.updated.v1', Buffer.from(JSON.stringify({ eventId: 'nope' })))).toBe('invalid');
    expect(await factsOf(inOrder)).toEqual(before);
  });
});
