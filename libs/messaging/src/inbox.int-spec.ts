import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CaseCreatedV1Contract, type EventEnvelope } from '@scrt/contracts';
import type pg from 'pg';
import { Inbox } from './inbox/inbox.js';
import { buildEnvelope } from './outbox/event-envelope.js';
import type { SqlClient, TransactionalSqlClient } from './sql-client.js';
import { caseCreatedPayload, testActor } from './testing/fixtures.js';
import { pgSqlClient } from './pg-sql-client.js';
import { createTestDatabase } from './testing/test-database.js';

const consumer = 'reporting.caseload';
let pool: pg.Pool;
let schema: string;
let db: TransactionalSqlClient;
let dropDatabase: () => Promise<void>;
let inbox: Inbox;

const newEnvelope = () => buildEnvelope(CaseCreatedV1Contract, caseCreatedPayload(), { actor: testActor }, 'case-intake');

/** The effect under test: one row per application of the event. */
const recordEffect = (envelope: EventEnvelope) => async (tx: SqlClient) =>
  void (await tx.$executeRawUnsafe(`INSERT INTO "${schema}"."effect" ("event_id") VALUES ($1::uuid)`, envelope.eventId));

async function effectsOf(envelope: EventEnvelope): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}"."effect" WHERE "event_id" = $1`, [envelope.eventId]);
  return rows[0].n;
}

beforeAll(async () => {
  ({ pool, schema, drop: dropDatabase } = await createTestDatabase());
  await pool.query(`CREATE TABLE "${schema}"."effect" ("event_id" UUID NOT NULL)`);
  db = pgSqlClient(pool);
  inbox = new Inbox(schema);
});

afterAll(async () => {
  await dropDatabase();
});

describe('inbox', () => {
  it('applies an event delivered twice once', async () => {
    const envelope = newEnvelope();
    expect(await inbox.processOnce(db, envelope, consumer, recordEffect(envelope))).toBe('processed');
    expect(await inbox.processOnce(db, envelope, consumer, recordEffect(envelope))).toBe('duplicate');
    expect(await effectsOf(envelope)).toBe(1);
    const { rows } = await pool.query(`SELECT "consumer", "topic" FROM "${schema}"."inbox_event" WHERE "event_id" = $1`, [envelope.eventId]);
    expect(rows).toEqual([{ consumer, topic: CaseCreatedV1Contract.topic }]);
  });

  it('applies an event once when two deliveries race', async () => {
    const envelope = newEnvelope();
    const outcomes = await Promise.all([1, 2].map(() => inbox.processOnce(db, envelope, consumer, recordEffect(envelope))));
    expect(outcomes.sort()).toEqual(['duplicate', 'processed']);
    expect(await effectsOf(envelope)).toBe(1);
  });

  it('forgets a delivery whose effect failed, so that the retry applies it', async () => {
    const envelope = newEnvelope();
    const failing = inbox.processOnce(db, envelope, consumer, async (tx) => {
      await recordEffect(envelope)(tx);
      throw new Error('constraint violated');
    });
    await expect(failing).rejects.toThrow('constraint violated');
    expect(await effectsOf(envelope)).toBe(0);
    expect(await inbox.processOnce(db, envelope, consumer, recordEffect(envelope))).toBe('processed');
    expect(await effectsOf(envelope)).toBe(1);
  });

  it('keeps consumers apart: each applies the event once', async () => {
    const envelope = newEnvelope();
    expect(await inbox.processOnce(db, envelope, 'reporting.caseload', recordEffect(envelope))).toBe('processed');
    expect(await inbox.processOnce(db, envelope, 'reporting.themes', recordEffect(envelope))).toBe('processed');
    expect(await effectsOf(envelope)).toBe(2);
  });
});
