import { setTimeout as sleep } from 'node:timers/promises';

/** `baseMs`, then doubling with every further attempt, capped at `maxMs`. */
export function backoffDelayMs(baseMs: number, attempt: number, maxMs = Number.POSITIVE_INFINITY): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

/** Waits `ms`, or less when `signal` aborts (never rejects). */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
