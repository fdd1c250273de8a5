import { backoffDelayMs, pause } from '../backoff.js';
import { classifyFailure } from './failure-kind.js';

/** How often and how patiently a failing handler is retried. */
export interface RetryPolicy {
  /** Tries in all, the first included, for a failure of unknown kind; then it is dead-lettered. */
  attempts: number;
  /** Pause after the first failure; it doubles after each further one. */
  baseDelayMs: number;
  /** Longest pause: well under the consumer session timeout. */
  maxDelayMs: number;
  /** Longest pause while a dependency is down (retried for as long as it takes). */
  maxWaitDelayMs: number;
}

/** 5 attempts for an unknown failure (200, 400, 800, 1 600 ms apart); a dependency down: every ≤ 5 s until it answers. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000, maxWaitDelayMs: 5_000 };

/** How the attempts ended: the last error when they all failed. */
export type Attempted = { ok: true } | { ok: false; error: unknown };

/** Called between attempts; an error it throws (a lost heartbeat) ends the retries and propagates. */
export type BeforeRetry = (error: unknown, failedAttempt: number, delayMs: number) => Promise<void>;

export interface RetryHooks {
  beforeRetry: BeforeRetry;
  /** A dependency is down: the work waits for it (pause the partition, say so in the health). */
  onWaiting?: (error: unknown) => Promise<void> | void;
  /** Waiting is over (the work succeeded, failed for good or was interrupted). */
  onWaitOver?: () => Promise<void> | void;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted on shutdown: the waiting ends by rejecting, so that the offset is not committed. */
  signal?: AbortSignal;
}

/**
 * Runs `work` until it succeeds. A transient failure (database or broker unreachable, timeout,
 * deadlock) is retried with capped exponential backoff for as long as it lasts; a failure of
 * unknown kind at most `attempts` times; a `NonRetriableEventError` never. Reports the last error
 * of a work that cannot succeed rather than throwing it.
 */
export async function attemptWithRetries(work: () => Promise<void>, policy: RetryPolicy, hooks: RetryHooks): Promise<Attempted> {
  const sleep = hooks.sleep ?? ((ms: number) => pause(ms, hooks.signal));
  let waiting = false;
  let unknownFailures = 0;
  let transientFailures = 0;
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await work();
        return { ok: true };
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === 'permanent') return { ok: false, error };
        let delayMs: number;
        if (kind === 'transient') {
          transientFailures += 1;
          delayMs = backoffDelayMs(policy.baseDelayMs, transientFailures, policy.maxWaitDelayMs);
          if (!waiting) {
            waiting = true;
            await hooks.onWaiting?.(error);
          }
        } else {
          unknownFailures += 1;
          if (unknownFailures >= policy.attempts) return { ok: false, error };
          delayMs = backoffDelayMs(policy.baseDelayMs, unknownFailures, policy.maxDelayMs);
        }
        await hooks.beforeRetry(error, attempt, delayMs);
        hooks.signal?.throwIfAborted();
        await sleep(delayMs);
        hooks.signal?.throwIfAborted();
      }
    }
  } finally {
    if (waiting) await hooks.onWaitOver?.();
  }
}
