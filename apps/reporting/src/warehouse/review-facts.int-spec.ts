import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pgSqlClient } from '@scrt/messaging';
import { requiredEnv, reviewEventStream, seededRandom, shuffledWithRedeliveries, type PublishedEvent } from '@scrt/testing';
import pg from 'pg';
import { REVIEW_TYPE_NOT_YET_KNOWN } from './learning-facts.repository.js';
import { WarehouseProjector } from './warehouse-projector.js';
import { WarehouseTables } from './warehouse-tables.js';

const pool = new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 4 });
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const inOrder = new WarehouseTables(`wh_rv_in_order_${letters()}`);
const shuffled = new WarehouseTables(`wh_rv_shuffled_${letters()}`);
const learningFirst = new WarehouseTables(`wh_rv_learning_first_${letters()}`);
const warehouses = [inOrder, shuffled, learningFirst];

/** The review and learning facts of a warehouse as comparable rows (without change numbers). */
async function factsOf(tables: WarehouseTables) {
  const reviews = await pool.query(
    `SELECT review_id, version, review_type, stage, stage_date::text, status, converted_from_id, converted_to_id, paused, source_event_id FROM ${tables.table('review_fact')} ORDER BY review_id`,
  );
  const transitions = await pool.query(
    `SELECT review_id, to_stage, from_stage, entered_on::text, target_on::text, slippage_days, source_event_id FROM ${tables.table('stage_transition_fact')} ORDER BY review_id, entered_on, to_stage`,
  );
  const learning = await pool.query(
    `SELECT item_id, kind, version, review_id, review_type, theme_code, status, due_on::text, completed_on::text, occurred_on::text, method, source_event_id FROM ${tables.table('learning_fact')} ORDER BY item_id`,
  );
  const state = await pool.query(`SELECT data_as_of FROM ${tables.table('warehouse_state')}`);
  return { reviews: reviews.rows, transitions: transitions.rows, learning: learning.rows, state: state.rows };
}

async function project(tables: WarehouseTables, events: PublishedEvent[]): Promise<string[]> {
  const projector = new WarehouseProjector(pgSqlClient(pool), tables);
  const outcomes: string[] = [];
  for (const { topic, envelope } of events) outcomes.push(await projector.apply(topic, Buffer.from(JSON.stringify(envelope))));
  return outcomes;
}

const isLearning = (event: PublishedEvent) => !event.topic.startsWith('reviews.review.');

beforeAll(async () => {
  for (const tables of warehouses) for (const sql of tables.createLikeLiveSql()) await pool.query(sql);
});

afterAll(async () => {
  for (const tables of warehouses) await pool.query(`DROP SCHEMA IF EXISTS "${tables.schema}" CASCADE`);
  await pool.end();
});

describe('the warehouse converges whatever the order of the review and learning events', () => {
  const events = reviewEventStream({ reviews: 8, random: seededRandom(5) });

  it('holds the same review, stage and learning facts from a shuffled stream with redeliveries as from the stream in order', async () => {
    expect((await project(inOrder, events)).every((outcome) => outcome === 'processed')).toBe(true);
    const outcomes = await project(shuffled, shuffledWithRedeliveries(events, seededRandom(9)));
    expect(outcomes.filter((outcome) => outcome === 'duplicate').length).toBeGreaterThan(0);
    expect(outcomes).not.toContain('invalid');

    const expected = await factsOf(inOrder);
    expect(expected.reviews).toHaveLength(8 + 4);
    expect(expected.reviews.filter((row) => row.review_type === 'SAR' && row.converted_from_id !== null)).toHaveLength(4);
    expect(expected.reviews.filter((row) => row.status === 'closed' && row.converted_to_id !== null)).toHaveLength(4);
    // Created, rapid review, decision on each; the conversions close 4 and open 4 SARs at their decision.
    expect(expected.transitions).toHaveLength(8 * 3 + 4 + 4);
    const decisions = expected.transitions.filter((row) => row.to_stage === 'DECISION' && row.from_stage === 'RAPID_REVIEW');
    expect(decisions).toHaveLength(8);
    for (const row of decisions) expect(row.slippage_days).toBe((Date.parse(row.entered_on) - Date.parse(row.target_on)) / 86_400_000);
    expect(expected.learning).toHaveLength(8 * 4);
    expect(expected.learning.filter((row) => row.kind === 'recommendation').every((row) => row.version === 2 && row.status === 'IMPLEMENTED' && row.review_type === 'RAPID_REVIEW')).toBe(true);
    expect(expected.learning.filter((row) => row.kind === 'action').every((row) => row.version === 2 && row.completed_on !== null)).toBe(true);
    expect(expected.learning.map((row) => row.review_type)).not.toContain(REVIEW_TYPE_NOT_YET_KNOWN);

    expect(await factsOf(shuffled)).toEqual(expected);
  });

  it('gives learning that arrived before its review the review\'s type once the review arrives, and keeps the day it was first recorded', async () => {
    const learning = events.filter(isLearning);
    const reviewsOnly = events.filter((event) => !isLearning(event));
    // The updates first: the day a recommendation or action was first seen is the earliest of its events, not the first to arrive.
    await project(learningFirst, [...learning].reverse());
    const early = await factsOf(learningFirst);
    expect(early.learning).toHaveLength(8 * 4);
    expect(new Set(early.learning.map((row) => row.review_type))).toEqual(new Set([REVIEW_TYPE_NOT_YET_KNOWN]));

    await project(learningFirst, reviewsOnly);
    expect(await factsOf(learningFirst)).toEqual(await factsOf(inOrder));
  });

  it('says a review event that breaks its contract is invalid and applies nothing', async () => {
    const before = await factsOf(inOrder);
    expect(await new WarehouseProjector(pgSqlClient(pool), inOrder).apply('reviews.review.stage-changed.v1', Buffer.from(JSON.stringify({ eventId: 'nope' })))).toBe('invalid');
    expect(await factsOf(inOrder)).toEqual(before);
  });
});
