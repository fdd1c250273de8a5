import { describe, expect, it } from '@jest/globals';
import { caseInput, ApiClient, apiAsClient, requiredEnv } from '@scrt/testing';

const noStore = { cacheControl: 'no-store', pragma: 'no-cache' };
const cachingOf = (response: { status: number; headers: Headers }) => ({
  status: response.status,
  cacheControl: response.headers.get('cache-control'),
  pragma: response.headers.get('pragma'),
});

describe('API answers may not be cached', () => {
  it('through the gateway: created, read, listed, refused and unknown', async () => {
    const api = await apiAsClient('wy-case-system');
    const created = await api.post('/api/v1/cases', caseInput({ incidentDate: '2026-01-01', reviewType: 'OTHER' }));
    expect(cachingOf(created)).toEqual({ status: 201, ...noStore });
    expect(cachingOf(await api.get(`/api/v1/cases/${String(created.body.id)}`))).toEqual({ status: 200, ...noStore });
    expect(cachingOf(await new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL')).get('/api/v1/cases'))).toEqual({ status: 401, ...noStore });
    expect(cachingOf(await api.get('/api/v1/nowhere'))).toEqual({ status: 404, ...noStore });
  });

  it('from a service itself', async () => {
    const direct = await new ApiClient(requiredEnv('SCRT_TEST_CASE_INTAKE_URL')).get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(cachingOf(direct)).toEqual({ status: 401, ...noStore });
  });
});
