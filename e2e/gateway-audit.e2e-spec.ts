import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ApiClient, apiAsClient, apiAsUser, demoAccounts, requiredEnv, type ApiResponse, queryTestDatabase } from '@scrt/testing';
import { countRows } from './support.js';

const anonymous = () => new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'));
const withToken = (token: string) => new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), token);
const userUid = (username: string) => (demoAccounts().users.find((user) => user.username === username) as unknown as { nhsid_useruid: string }).nhsid_useruid;

interface AuditRow {
  actor_subject: string | null;
  actor_kind: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  reason: string;
  method: string;
  path: string;
  peer_address: string;
  occurred_at: Date;
}

/** The gateway's audit rows of one response, found by the request id it echoed. */
async function auditRowsOf(response: ApiResponse): Promise<AuditRow[]> {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  return queryTestDatabase<AuditRow>('SELECT * FROM gateway.audit_event WHERE request_id = $1', [requestId]);
}

describe('the gateway audits the reads it refuses', () => {
  it('records a case read without a token: nobody, from the peer address, UNAUTHENTICATED', async () => {
    const caseId = randomUUID();
    const response = await anonymous().get(`/api/v1/cases/${caseId}`);

    expect(response.status).toBe(401);
    const rows = await auditRowsOf(response);
    expect(rows).toEqual([
      expect.objectContaining({
        actor_subject: null,
        actor_kind: null,
        action: 'read',
        resource_type: 'case',
        resource_id: caseId,
        outcome: 'refused',
        reason: 'UNAUTHENTICATED',
        method: 'GET',
        path: `/api/v1/cases/${caseId}`,
        peer_address: expect.stringMatching(/127\.0\.0\.1|::1/),
      }),
    ]);
    expect(Date.now() - rows[0].occurred_at.getTime()).toBeLessThan(60_000);
  });

  it('records a report read with a token that does not verify, naming nobody', async () => {
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${userUid('icb.input')}"}`).toString('base64url')}.`;
    const response = await withToken(forged).get('/api/v1/reports/caseload?from=2026-01-01');

    expect(response.status).toBe(401);
    expect(await auditRowsOf(response)).toEqual([
      expect.objectContaining({ actor_subject: null, action: 'read', resource_type: 'caseload-report', resource_id: null, reason: 'UNAUTHENTICATED', path: '/api/v1/reports/caseload' }),
    ]);
  });

  it('records a case read by a verified user without a role: the user, NO_MATCHING_ROLE', async () => {
    const caseId = randomUUID();
    const response = await (await apiAsUser('no.role')).get(`/api/v1/cases/${caseId}`);

    expect(response.status).toBe(403);
    expect(await auditRowsOf(response)).toEqual([
      expect.objectContaining({ actor_subject: userUid('no.role'), actor_kind: 'user', resource_type: 'case', resource_id: caseId, reason: 'NO_MATCHING_ROLE' }),
    ]);
  });

  it('records nothing for requests it lets through, whatever the service answers', async () => {
    const before = await countRows('gateway.audit_event');
    const client = await apiAsClient('wy-case-system');
    expect((await client.get(`/api/v1/cases/${randomUUID()}`)).status).toBe(404);
    expect((await client.get('/api/v1/reports/caseload')).status).toBeLessThan(500);
    expect(await countRows('gateway.audit_event')).toBe(before);
  });

  it('keeps its records append-only', async () => {
    const response = await anonymous().get('/api/v1/cases');
    const requestId = response.headers.get('x-request-id');
    await queryTestDatabase("UPDATE gateway.audit_event SET reason = 'TAMPERED' WHERE request_id = $1", [requestId]);
    await queryTestDatabase('DELETE FROM gateway.audit_event WHERE request_id = $1', [requestId]);
    expect(await auditRowsOf(response)).toEqual([expect.objectContaining({ reason: 'UNAUTHENTICATED', action: 'list' })]);
  });
});
