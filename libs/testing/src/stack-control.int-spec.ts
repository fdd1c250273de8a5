import { describe, expect, it } from '@jest/globals';
import { appUrl, killApp, startApp, waitReady } from './stack-control.js';

async function readyStatus(baseUrl: string): Promise<number | string> {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the test stack', () => {
  it('tells test files where everything is', () => {
    for (const name of [
      'SCRT_TEST_GATEWAY_URL',
      'SCRT_TEST_IDENTITY_URL',
      'SCRT_TEST_DATABASE_URL',
      'SCRT_TEST_KAFKA_BROKERS',
      'SCRT_TEST_CASE_INTAKE_URL',
      'SCRT_TEST_REVIEWS_URL',
      'SCRT_TEST_REFERENCE_DATA_URL',
      'SCRT_TEST_REPORTING_URL',
      'SCRT_TEST_INTERNAL_JWT_PRIVATE_KEY',
    ]) {
      expect(process.env[name]).toBeTruthy();
    }
    expect(appUrl('reference-data')).toBe(process.env.SCRT_TEST_REFERENCE_DATA_URL);
  });

  it('can crash an app and start it again with different environment', async () => {
    const url = appUrl('reference-data');
    expect(await readyStatus(url)).toBe(200);

    await killApp('reference-data', 'SIGKILL');
    expect(await readyStatus(url)).not.toBe(200);

    await startApp('reference-data', { LOG_LEVEL: 'debug' });
    await waitReady('reference-data');
    expect(await readyStatus(url)).toBe(200);

    await killApp('reference-data');
    await startApp('reference-data');
    await waitReady('reference-data');
    expect(await readyStatus(url)).toBe(200);
  });

  it('refuses to start an app that is still running', async () => {
    await expect(startApp('reference-data')).rejects.toThrow('reference-data is still running');
  });
});
