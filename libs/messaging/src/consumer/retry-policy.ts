import { backoffDelayMs, pause } from '../backoff.js';
import { NonRetriableEventError } from './event-errors.js';

/** How often and how patiently a failing handler is retried before its message is dead-lettered. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Pause after the first failure; it doubles after each further one. */
  baseDelayMs: number;
  /** Longest pause: well under the consumer session timeout (30 s). */
  maxDelayMs: number;
}

/** 5 attempts, pausing 200, 400, 800 and 1 600 ms in between. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/** How the attempts ended: the last error when they all failed. */
export type Attempted = { ok: true } | { ok: false; error: unknown };

/** Called between attempts; an error it throws (a lost heartbeat) ends the retries and propagates. */
export type BeforeRetry = (error: unknown, failedAttempt: number, delayMs: number) => Promise<void>;

/**
 * Runs `work` until it succeeds, throws a `NonRetriableEventError` or has used every attempt,
 * pausing with exponential backoff in between; reports the last error rather than throwing it.
 */
export async function attemptWithRetries(
  work: () => Promise<void>,
  policy: RetryPolicy,
  beforeRetry: BeforeRetry,
  sleep: (ms: number) => Promise<void> = pause,
): Promise<Attempted> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      if (error instanceof NonRetriableEventError || attempt >= policy.attempts) return { ok: false, error };
      const delayMs = backoffDelayMs(policy.baseDelayMs, attempt, policy.maxDelayMs);
      await beforeRetry(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
