import { setTimeout as sleep } from 'node:timers/promises';
import { StackStartError } from './errors.js';
import { describeWithLog, isAlive } from './processes.js';

export interface ReadinessTarget {
  name: string;
  pid: number;
  logFile: string;
  timeoutMs: number;
  /** Stops waiting (rejecting with the signal's reason) when the start is interrupted. */
  signal?: AbortSignal;
}

/**
 * Polls `probe` until it succeeds. Fails early, with the tail of the log, when the process exits
 * or the time is up; the last probe error says what was still missing.
 */
export async function waitUntil(target: ReadinessTarget, probe: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + target.timeoutMs;
  let lastProblem = 'not probed yet';
  for (;;) {
    target.signal?.throwIfAborted();
    if (!isAlive(target.pid)) {
      throw new StackStartError(describeWithLog(`${target.name} exited during start-up.`, target.logFile));
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw new StackStartError(
        describeWithLog(`${target.name} was not ready after ${target.timeoutMs / 1000} s (last check: ${lastProblem}).`, target.logFile),
      );
    }
    await sleep(200, undefined, { signal: target.signal });
  }
}

/** `GET <baseUrl>/health/ready` must answer 200. */
export async function probeHealthReady(baseUrl: string): Promise<void> {
  const url = `${baseUrl}/health/ready`;
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch((error: Error) => {
    throw new Error(`GET ${url} failed: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  await response.body?.cancel();
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
}
