import { killApp, startApp, waitReady } from './stack-control.js';

/**
 * Restarts the test stack's gateway with these environment overrides (none: as recorded). The
 * API-wide checks send hundreds of requests per principal within a minute, past the default limit.
 */
export async function restartGateway(envOverrides: Record<string, string> = {}): Promise<void> {
  await killApp('gateway');
  await startApp('gateway', envOverrides);
  await waitReady('gateway');
}

export const UNLIMITED_RATE = { RATE_LIMIT_MAX: '100000' };
