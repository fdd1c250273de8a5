import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseInput, apiAsUser, crash, eventually, killApp, requiredEnv, signalProcess, startApp, waitForRestart, waitReady, type ApiClient, type StackProcessName, queryTestDatabase } from '@scrt/testing';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Open-loop writes through the gateway while case-intake, reporting, the broker and PostgreSQL
 * are each killed with kill -9 (and the gateway paused); the stack's own supervisor brings them
 * back. Then every acknowledged case must be in intake and in the warehouse exactly once.
 */
const CASES_PER_SECOND = 20;
/** A client gives up on one case after this long (its retries included). */
const CLIENT_DEADLINE_MS = 60_000;
const DEAD_LETTER_TOPIC = 'reporting.dead-letter.v1';

interface Submission {
  key: string;
  startedAt: number;
  attempts: number;
  /** Every answer, e.g. `503 DEPENDENCY_UNAVAILABLE (retry-after 2)`, `timeout`. */
  answers: string[];
  status?: number;
  caseId?: string;
}

interface FaultTiming {
  fault: string;
  answeringAgainMs: number;
  warehouseCaughtUpMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One case as a real client sends it: same Idempotency-Key on every retry, retrying 5xx, 429 and timeouts. */
async function submitCase(client: ApiClient, submission: Submission): Promise<void> {
  const deadline = submission.startedAt + CLIENT_DEADLINE_MS;
  for (let pause = 200; Date.now() < deadline; pause = Math.min(pause * 2, 2_000)) {
    submission.attempts += 1;
    try {
      const response = await fetch(new URL('/api/v1/cases', client.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${client.accessToken}`, 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': submission.key },
        body: JSON.stringify(caseInput({ incidentDate: '2026-04-01', reviewType: 'CSPR_LOCAL' })),
        signal: AbortSignal.timeout(5_000),
      });
      submission.status = response.status;
      const body = (await response.json().catch(() => ({}))) as { id?: string; code?: string };
      const retryAfter = response.headers.get('retry-after');
      submission.answers.push(`${response.status}${body.code ? ` ${body.code}` : ''}${retryAfter ? ` (retry-after ${retryAfter})` : ''}`);
      if (response.ok) {
        submission.caseId = body.id;
        return;
      }
      if (response.status < 500 && response.status !== 429) return;
    } catch (error) {
      submission.status = undefined;
      submission.answers.push((error as Error).name === 'TimeoutError' ? 'timeout' : 'no answer');
    }
    await sleep(pause);
  }
}

/** Starts a case every 1/rate seconds, whether or not earlier ones have been answered. */
function openLoopLoad(client: ApiClient, runId: string) {
  const submissions: Submission[] = [];
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const submission: Submission = { key: `faults-${runId}-${submissions.length}`, startedAt: Date.now(), attempts: 0, answers: [] };
    submissions.push(submission);
    const sent = submitCase(client, submission).finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  }, 1_000 / CASES_PER_SECOND);
  return {
    submissions,
    acknowledged: () => submissions.filter((submission) => submission.caseId !== undefined).map((submission) => submission.caseId as string),
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The gateway is ready only when every service behind it is (reporting: consuming, not waiting). */
const systemAnswers = () => answers(`${requiredEnv('SCRT_TEST_GATEWAY_URL')}/health/ready`);

async function countInWarehouse(caseIds: string[]): Promise<number> {
  const [row] = await queryTestDatabase<{ n: number }>('SELECT count(*)::int AS n FROM reporting.case_fact WHERE case_id = ANY($1::uuid[])', [caseIds]);
  return row.n;
}

async function deadLetterCount(): Promise<number> {
  const admin = new Kafka({ clientId: 'faults-e2e', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Injects a fault, then measures until the system answers and until the warehouse has every case acknowledged by then. */
async function measureFault(fault: string, inject: () => Promise<void>, acknowledged: () => string[]): Promise<FaultTiming> {
  await sleep(2_000);
  const injectedAt = Date.now();
  await inject();
  await eventually(systemAnswers, `the system to answer again after ${fault}`, 60_000);
  const answeringAgainMs = Date.now() - injectedAt;
  // Cases acknowledged while the fault lasted are the ones at risk.
  const atRisk = acknowledged();
  await eventually(async () => (await countInWarehouse(atRisk)) === atRisk.length, `the warehouse to catch up after ${fault}`, 60_000);
  return { fault, answeringAgainMs, warehouseCaughtUpMs: Date.now() - injectedAt };
}

async function killAndAwaitRestart(name: StackProcessName): Promise<void> {
  const killed = await crash(name);
  await waitForRestart(name, killed, 90_000);
}

describe('faults under open-loop load', () => {
  let client: ApiClient;

  beforeAll(async () => {
    // The default edge limit (300 a minute per client) would turn this load into 429s.
    await killApp('gateway');
    await startApp('gateway', { RATE_LIMIT_MAX: '100000' });
    await waitReady('gateway');
    client = await apiAsUser('icb.input');
  });

  afterAll(async () => {
    await killApp('gateway');
    await startApp('gateway', {});
    await waitReady('gateway');
  });

  it('loses no acknowledged case and makes none twice while processes are killed and restarted by the supervisor', async () => {
    const runId = randomUUID().slice(0, 8);
    const startedAt = new Date();
    const deadLettersBefore = await deadLetterCount();
    const load = openLoopLoad(client, runId);
    const timings: FaultTiming[] = [];
    try {
      const faults: [string, () => Promise<void>][] = [
        ['kill -9 case-intake', () => killAndAwaitRestart('case-intake')],
        ['kill -9 reporting', () => killAndAwaitRestart('reporting')],
        ['kill -9 Kafka broker', () => killAndAwaitRestart('kafka')],
        ['kill -9 PostgreSQL', () => killAndAwaitRestart('postgres')],
        [
          'SIGSTOP gateway 3 s, SIGCONT',
          async () => {
            signalProcess('gateway', 'SIGSTOP');
            await sleep(3_000);
            signalProcess('gateway', 'SIGCONT');
          },
        ],
      ];
      for (const [fault, inject] of faults) {
        const timing = await measureFault(fault, inject, load.acknowledged);
        console.log(`${fault}: answering again after ${(timing.answeringAgainMs / 1000).toFixed(1)} s, warehouse caught up after ${(timing.warehouseCaughtUpMs / 1000).toFixed(1)} s`);
        timings.push(timing);
      }
    } finally {
      await load.stop();
    }

    const report = timings.map(({ fault, answeringAgainMs, warehouseCaughtUpMs }) => `  ${fault.padEnd(30)} answering again ${(answeringAgainMs / 1000).toFixed(1)} s, warehouse caught up ${(warehouseCaughtUpMs / 1000).toFixed(1)} s`);
    const sent = load.submissions.length;
    const acknowledged = load.acknowledged();
    const retried = load.submissions.filter((submission) => submission.attempts > 1).length;
    const answerCounts = new Map<string, number>();
    load.submissions.flatMap((submission) => submission.answers).forEach((answer) => answerCounts.set(answer, (answerCounts.get(answer) ?? 0) + 1));
    const answersSeen = [...answerCounts].map(([answer, count]) => `${answer} ×${count}`).join(', ');
    console.log([`faults: ${sent} cases sent, ${acknowledged.length} acknowledged, ${retried} needed retries; answers: ${answersSeen}`, ...report].join('\n'));
    writeFileSync(join(requiredEnv('SCRT_TEST_STACK_FILE'), '..', 'faults-report.json'), JSON.stringify({ sent, acknowledged: acknowledged.length, retried, answers: Object.fromEntries(answerCounts), timings }, null, 2));

    // Every client got its answer in the end (none gave up at its deadline).
    expect(load.submissions.filter((submission) => submission.caseId === undefined).map(({ key, status }) => ({ key, status }))).toEqual([]);

    // Intake: every acknowledged id exactly once, one case per Idempotency-Key, nothing without a key.
    const keys = load.submissions.map((submission) => submission.key);
    const intake = await queryTestDatabase<{ id: string; idempotency_key: string | null }>(
      `SELECT c.id, i.idempotency_key FROM intake.case_record c LEFT JOIN intake.idempotent_request i ON i.resource_id = c.id
        WHERE i.idempotency_key = ANY($1::text[]) OR (c.created_by = (SELECT created_by FROM intake.case_record WHERE id = $2::uuid) AND c.created_at >= $3)`,
      [keys, acknowledged[0], startedAt],
    );
    expect(intake.filter((row) => row.idempotency_key === null)).toEqual([]);
    expect(new Set(intake.map((row) => row.idempotency_key)).size).toBe(intake.length);
    expect(new Set(intake.map((row) => row.id))).toEqual(new Set(acknowledged));
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    // The last cases were acknowledged moments ago: give the warehouse its usual delay, then compare exactly.
    await eventually(async () => (await countInWarehouse(acknowledged)) === acknowledged.length, 'the warehouse to have every acknowledged case', 30_000).catch(() => undefined);
    // Warehouse: every one of them exactly once (case_id is its key), and no fact loaded meanwhile without its intake case.
    const warehouse = await queryTestDatabase<{ case_id: string }>('SELECT case_id FROM reporting.case_fact WHERE case_id = ANY($1::uuid[])', [acknowledged]);
    expect(new Set(warehouse.map((row) => row.case_id))).toEqual(new Set(acknowledged));
    const orphans = await queryTestDatabase<{ case_id: string }>(
      'SELECT f.case_id FROM reporting.case_fact f LEFT JOIN intake.case_record c ON c.id = f.case_id WHERE f.loaded_at >= $1 AND c.id IS NULL',
      [startedAt],
    );
    expect(orphans).toEqual([]);

    // The outbox drained; no valid event was dead-lettered.
    await eventually(async () => (await queryTestDatabase<{ n: number }>('SELECT count(*)::int AS n FROM intake.outbox_event WHERE published_at IS NULL'))[0].n === 0, 'the outbox to drain', 30_000);
    expect(await deadLetterCount()).toBe(deadLettersBefore);
  }, 240_000);
});
