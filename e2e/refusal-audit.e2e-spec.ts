import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@scrt/observability';
import { apiAsUser, requiredEnv, type ApiClient, type ApiResponse, queryTestDatabase } from '@scrt/testing';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ICB_INPUT_SUBJECT = '555000000001';
const REFDATA_ADMIN_SUBJECT = '555000000006';

type Schema = 'intake' | 'reporting';

interface AuditRow {
  request_id: string;
  client_correlation_id: string | null;
  actor_subject: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  reason: string | null;
}

const auditRowsOf = (schema: Schema, requestId: string) =>
  queryTestDatabase<AuditRow>(
    `SELECT request_id, client_correlation_id, actor_subject, action, resource_type, resource_id, outcome, reason FROM ${schema}.audit_event WHERE request_id = $1`,
    [requestId],
  );

/** Ids a client may choose: both well-formed UUIDs, so that either could pass for a server's. */
const clientChosenIds = () => ({ 'x-correlation-id': randomUUID(), 'x-request-id': uuidv7() });

async function expectRefusalAudited(
  response: ApiResponse,
  sent: ReturnType<typeof clientChosenIds>,
  expected: { schema: Schema; status: number; reason: string; actor: string | null; resourceType: string; resourceId: string | null },
) {
  expect(response.status).toBe(expected.status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ code: expected.reason, correlationId: sent['x-correlation-id'] });
  expect(response.headers.get('x-correlation-id')).toBe(sent['x-correlation-id']);

  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(UUID_V7);
  expect(requestId).not.toBe(sent['x-request-id']);
  expect((response.body as { requestId?: string }).requestId).toBe(requestId);

  expect(await auditRowsOf(expected.schema, requestId!)).toEqual([
    {
      request_id: requestId,
      client_correlation_id: sent['x-correlation-id'],
      actor_subject: expected.actor,
      action: 'read',
      resource_type: expected.resourceType,
      resource_id: expected.resourceId,
      outcome: 'refused',
      reason: expected.reason,
    },
  ]);
  for (const clientId of Object.values(sent)) {
    expect(await auditRowsOf(expected.schema, clientId)).toEqual([]);
  }
}

describe('reads of case and report data refused by the owning service are audited, keyed on the server\'s request id', () => {
  let referenceDataAdmin: ApiClient;
  let caseReader: ApiClient;

  beforeAll(async () => {
    [referenceDataAdmin, caseReader] = await Promise.all([apiAsUser('refdata.admin'), apiAsUser('icb.input')]);
  });

  it('records a case read by a principal without case:read (403)', async () => {
    const id = randomUUID();
    const sent = clientChosenIds();
    const response = await referenceDataAdmin.get(`/api/v1/cases/${id}`, sent);
    await expectRefusalAudited(response, sent, { schema: 'intake', status: 403, reason: 'FORBIDDEN', actor: REFDATA_ADMIN_SUBJECT, resourceType: 'case', resourceId: id });
  });

  it('records a case read with an id that is not a UUID (400)', async () => {
    const sent = clientChosenIds();
    const response = await caseReader.get('/api/v1/cases/not-a-uuid', sent);
    await expectRefusalAudited(response, sent, { schema: 'intake', status: 400, reason: 'VALIDATION_FAILED', actor: ICB_INPUT_SUBJECT, resourceType: 'case', resourceId: 'not-a-uuid' });
  });

  it('records a report read by a principal without report:read (403)', async () => {
    const sent = clientChosenIds();
    const response = await referenceDataAdmin.get('/api/v1/reports/caseload', sent);
    await expectRefusalAudited(response, sent, { schema: 'reporting', status: 403, reason: 'FORBIDDEN', actor: REFDATA_ADMIN_SUBJECT, resourceType: 'caseload-report', resourceId: null });
  });

  it('records a report read with a bad query parameter (400)', async () => {
    const sent = clientChosenIds();
    const response = await caseReader.get('/api/v1/reports/caseload?from=yesterday', sent);
    await expectRefusalAudited(response, sent, { schema: 'reporting', status: 400, reason: 'VALIDATION_FAILED', actor: ICB_INPUT_SUBJECT, resourceType: 'caseload-report', resourceId: null });
  });

  it('records a case read that reaches the service with a bad internal token (401), the caller unknown', async () => {
    const id = randomUUID();
    const sent = clientChosenIds();
    const raw = await fetch(new URL(`/api/v1/cases/${id}`, requiredEnv('SCRT_TEST_CASE_INTAKE_URL')), { headers: { authorization: 'Bearer not.a.token', ...sent } });
    const response = { status: raw.status, headers: raw.headers, body: await raw.json() };
    await expectRefusalAudited(response, sent, { schema: 'intake', status: 401, reason: 'UNAUTHENTICATED', actor: null, resourceType: 'case', resourceId: id });
  });

  it.each<Schema>(['intake', 'reporting'])('keeps %s.audit_event append-only, and every new record keyed on a request id', async (schema) => {
    const sent = clientChosenIds();
    const response = await referenceDataAdmin.get(schema === 'intake' ? `/api/v1/cases/${randomUUID()}` : '/api/v1/reports/caseload', sent);
    const requestId = response.headers.get('x-request-id')!;
    const [before] = await auditRowsOf(schema, requestId);
    await queryTestDatabase(`UPDATE ${schema}.audit_event SET reason = 'CHANGED', client_correlation_id = NULL WHERE request_id = $1`, [requestId]);
    await queryTestDatabase(`DELETE FROM ${schema}.audit_event WHERE request_id = $1`, [requestId]);
    expect(await auditRowsOf(schema, requestId)).toEqual([before]);
    await expect(
      queryTestDatabase(`INSERT INTO ${schema}.audit_event (id, action, resource_type, outcome) VALUES ($1, 'read', 'case', 'refused')`, [randomUUID()]),
    ).rejects.toThrow(/audit_event_request_id_present/);
  });

  it('leaves exactly one record, with the problem code as reason, for each of a sweep of refused reads', async () => {
    const attempts: [ApiClient, Schema, string][] = [
      ...['not-a-uuid', '1', '00000000-0000-0000-0000-00000000000g', 'SELECT%20*', '..%2F..%2Fetc', `${randomUUID()}x`].map((id): [ApiClient, Schema, string] => [caseReader, 'intake', `/api/v1/cases/${id}`]),
      ...[randomUUID(), 'not-a-uuid'].map((id): [ApiClient, Schema, string] => [referenceDataAdmin, 'intake', `/api/v1/cases/${id}`]),
      ...['from=yesterday', 'to=2026-13-01', 'from=2026-02-30', 'x=1', 'from=2026-01-01&from=2026-01-02'].map((query): [ApiClient, Schema, string] => [caseReader, 'reporting', `/api/v1/reports/caseload?${query}`]),
      [referenceDataAdmin, 'reporting', '/api/v1/reports/caseload?from=2026-01-01'],
    ];
    const outcomes = await Promise.all(
      attempts.map(async ([client, schema, apiPath]) => {
        const response = await client.get(apiPath, clientChosenIds());
        const rows = await auditRowsOf(schema, response.headers.get('x-request-id')!);
        return { apiPath, status: response.status, code: response.body.code, reasons: rows.map((row) => row.reason) };
      }),
    );
    const unaudited = outcomes.filter(({ status, code, reasons }) => status < 400 || status >= 500 || reasons.length !== 1 || reasons[0] !== code);
    expect(unaudited).toEqual([]);
  });

  it('stores no client correlation id when the client sent none, not even the one the gateway made for it', async () => {
    const response = await caseReader.get('/api/v1/cases/not-a-uuid');
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    expect(await auditRowsOf('intake', response.headers.get('x-request-id')!)).toEqual([expect.objectContaining({ client_correlation_id: null, reason: 'VALIDATION_FAILED' })]);
  });
});
