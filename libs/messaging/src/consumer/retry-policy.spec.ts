import { describe, expect, it, jest } from '@jest/globals';
import { backoffDelayMs } from '../backoff.js';
import { NonRetriableEventError } from './event-errors.js';
import { attemptWithRetries, DEFAULT_RETRY_POLICY, type BeforeRetry } from './retry-policy.js';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250, maxWaitDelayMs: 400 };
const databaseDown = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:54329"), { name: 'PrismaClientKnownRequestError', code: 'P1001' });
const noSleep = async () => undefined;

function failingTimes(failures: number, error: () => Error = () => new Error('db down')) {
  let calls = 0;
  return jest.fn(async () => {
    calls += 1;
    if (calls <= failures) throw error();
  });
}

describe('backoffDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(200, attempt, 1_000))).toEqual([200, 400, 800, 1_000, 1_000]);
  });
});

describe('attemptWithRetries', () => {
  it('defaults to 5 attempts from 200 ms', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ attempts: 5, baseDelayMs: 200 });
  });

  it('retries transient failures with growing pauses until the work succeeds', async () => {
    const work = failingTimes(2);
    const beforeRetry = jest.fn<BeforeRetry>(async () => undefined);
    const sleep = jest.fn(noSleep);
    await expect(attemptWithRetries(work, policy, { beforeRetry, sleep })).resolves.toEqual({ ok: true });
    expect(work).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
    expect(beforeRetry).toHaveBeenCalledWith(expect.any(Error), 1, 100);
  });

  it('reports the last error once the attempts are used up', async () => {
    const work = failingTimes(10);
    const sleep = jest.fn(noSleep);
    const result = await attemptWithRetries(work, policy, { beforeRetry: async () => undefined, sleep });
    expect(result).toEqual({ ok: false, error: new Error('db down') });
    expect(work).toHaveBeenCalledTimes(4);
    expect(sleep.mock.calls).toEqual([[100], [200], [250]]);
  });

  it('does not retry a non-retriable failure', async () => {
    const work = failingTimes(10, () => new NonRetriableEventError('unknown organisation'));
    const result = await attemptWithRetries(work, policy, { beforeRetry: async () => undefined, sleep: noSleep });
    expect(result).toMatchObject({ ok: false, error: expect.any(NonRetriableEventError) });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('lets a failure between attempts (a lost heartbeat) propagate', async () => {
    const rebalancing = new Error('rebalancing');
    await expect(attemptWithRetries(failingTimes(10), policy, { beforeRetry: async () => Promise.reject(rebalancing), sleep: noSleep })).rejects.toBe(rebalancing);
  });

  it('waits for a dependency that is down far longer than the attempts allow, pausing at most maxWaitDelayMs', async () => {
    const work = failingTimes(30, databaseDown);
    const sleep = jest.fn(noSleep);
    const onWaiting = jest.fn(async () => undefined);
    const onWaitOver = jest.fn(async () => undefined);
    await expect(attemptWithRetries(work, policy, { beforeRetry: async () => undefined, sleep, onWaiting, onWaitOver })).resolves.toEqual({ ok: true });
    expect(work).toHaveBeenCalledTimes(31);
    expect(sleep.mock.calls.slice(0, 4)).toEqual([[100], [200], [400], [400]]);
    expect(onWaiting).toHaveBeenCalledTimes(1);
    expect(onWaitOver).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a deadlock (40P01)', () => Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a transaction that could not start', () => new Error('Transaction API error: Unable to start a transaction in the given time.')],
    ['a broker connection error', () => Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError', retriable: true })],
  ])('never gives up on %s', async (_case, error) => {
    const work = failingTimes(policy.attempts * 3, error);
    await expect(attemptWithRetries(work, policy, { beforeRetry: async () => undefined, sleep: noSleep })).resolves.toEqual({ ok: true });
  });

  it('stops waiting, rejecting rather than reporting a failure, when the consumer stops', async () => {
    const stopping = new AbortController();
    const onWaitOver = jest.fn(async () => undefined);
    const sleep = jest.fn(async () => stopping.abort(new Error('stopping')));
    const waiting = attemptWithRetries(failingTimes(100, databaseDown), policy, { beforeRetry: async () => undefined, sleep, signal: stopping.signal, onWaitOver });
    await expect(waiting).rejects.toThrow('stopping');
    expect(onWaitOver).toHaveBeenCalledTimes(1);
  });
});
