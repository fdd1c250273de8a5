import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, demoUserClaims, killApp, mintAccessToken, requiredEnv, startApp, waitReady } from '@scrt/testing';

const LIMIT = 5;
const caseload = '/api/v1/reports/caseload';

async function statusesOf(count: number, request: (index: number) => Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await request(index)).status);
  return statuses;
}

async function restartGateway(environment: Record<string, string>): Promise<void> {
  await killApp('gateway');
  await startApp('gateway', environment);
  await waitReady('gateway');
}

describe('the gateway rate limit, on a gateway allowing 5 requests a minute', () => {
  const gatewayUrl = () => requiredEnv('SCRT_TEST_GATEWAY_URL');
  const anonymous = () => new ApiClient(gatewayUrl());

  beforeAll(() => restartGateway({ RATE_LIMIT_MAX: String(LIMIT), RATE_LIMIT_WINDOW_MS: '60000' }));
  afterAll(() => restartGateway({}));

  it('counts requests with different invalid tokens from one address in one bucket', async () => {
    const statuses = await statusesOf(LIMIT + 1, (index) => new ApiClient(gatewayUrl(), `not-a-token-${index}`).get(caseload));
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429]);
  });

  it('does not let X-Forwarded-For choose another bucket', async () => {
    const statuses = await statusesOf(3, (index) => anonymous().get(caseload, { 'x-forwarded-for': `203.0.113.${index + 1}` }));
    expect(statuses).toEqual([429, 429, 429]);
  });

  it('gives two clients with valid tokens a bucket each, apart from their address', async () => {
    const first = new ApiClient(gatewayUrl(), await mintAccessToken(demoUserClaims('icb.input')));
    const second = new ApiClient(gatewayUrl(), await mintAccessToken(demoUserClaims('icb.reporting')));
    expect(await statusesOf(LIMIT + 1, () => first.get(caseload))).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    const limited = await first.get(caseload);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await second.get(caseload)).status).toBe(200);
  });
});
