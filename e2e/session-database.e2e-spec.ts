import { describe, expect, it } from '@jest/globals';
import { requiredEnv } from '@scrt/testing';

describe('the gateway database (sessions, refusal audit)', () => {
  it('is one of the dependencies the gateway checks before it reports ready', async () => {
    const response = await fetch(new URL('/health/ready', requiredEnv('SCRT_TEST_GATEWAY_URL')));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { checks: unknown[] }).checks).toContainEqual({ name: 'database', status: 'up' });
  });
});
