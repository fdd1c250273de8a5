import { caseInput, apiAsClient, apiAsUser, eventually, type ApiClient, queryTestDatabase } from '@scrt/testing';
import { casesFor, countRows, type CaseloadBody } from './support.js';

const REVIEW_TYPE = 'SAR';

describe('a case recorded by an ICB reaches the reports of those who may see it', () => {
  let westYorkshireInput: ApiClient;
  let national: ApiClient;
  let northEastRegion: ApiClient;
  let londonRegion: ApiClient;
  let northCentralLondonInput: ApiClient;

  beforeAll(async () => {
    [westYorkshireInput, national, northEastRegion, londonRegion, northCentralLondonInput] = await Promise.all([
      apiAsUser('icb.input'),
      apiAsUser('national.analyst'),
      apiAsUser('region.oversight'),
      apiAsUser('region.london'),
      apiAsUser('icb.input.qmj'),
    ]);
  });

  const caseload = async (client: ApiClient) => {
    const response = await client.get<CaseloadBody>('/api/v1/reports/caseload');
    expect(response.status).toBe(200);
    return response.body;
  };

  it('stores the case with the organisation from the token and reports it nationally and to its region only', async () => {
    const nationalBefore = casesFor(await caseload(national), 'QWO', REVIEW_TYPE);
    const regionBefore = casesFor(await caseload(northEastRegion), 'QWO', REVIEW_TYPE);

    const created = await westYorkshireInput.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: REVIEW_TYPE }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organisationCode: 'QWO', regionCode: 'Y63', incidentDate: '2026-03-02', reviewType: REVIEW_TYPE, version: 1 });
    expect(created.headers.get('location')).toBe(`/api/v1/cases/${created.body.id}`);
    expect(created.headers.get('x-correlation-id')).toBeTruthy();

    await eventually(async () => casesFor(await caseload(national), 'QWO', REVIEW_TYPE) === nationalBefore + 1, 'the new case in the national caseload');
    expect(casesFor(await caseload(northEastRegion), 'QWO', REVIEW_TYPE)).toBe(regionBefore + 1);

    const london = await caseload(londonRegion);
    expect(london.rows.every((row) => row.regionCode === 'Y56')).toBe(true);
    const otherIcb = await caseload(northCentralLondonInput);
    expect(otherIcb.rows.every((row) => row.organisationCode === 'QMJ')).toBe(true);

    expect((await westYorkshireInput.get(`/api/v1/cases/${created.body.id}`)).status).toBe(200);
    const hidden = await northCentralLondonInput.get(`/api/v1/cases/${created.body.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    expect(await countRows('intake.audit_event', "resource_id = $1 AND action = 'read' AND outcome = 'denied'", [created.body.id])).toBe(1);
    expect(await countRows('reporting.audit_event', "resource_type = 'caseload-report'")).toBeGreaterThan(0);
  });

  it('lets a case-management system bound to an ICB record cases for that ICB only', async () => {
    const system = await apiAsClient('wy-case-system');
    const created = await system.post('/api/v1/cases', caseInput({ incidentDate: '2026-01-15', reviewType: 'RAPID_REVIEW' }));
    expect(created.status).toBe(201);
    expect(created.body.organisationCode).toBe('QWO');
  });

  it('returns the first result when a write is retried with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `e2e-${Date.now()}-retry` };
    const first = await westYorkshireInput.post('/api/v1/cases', caseInput({ incidentDate: '2026-02-01', reviewType: 'DHR' }), headers);
    const retry = await westYorkshireInput.post('/api/v1/cases', caseInput({ incidentDate: '2026-02-01', reviewType: 'DHR' }), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    const conflict = await westYorkshireInput.post('/api/v1/cases', caseInput({ incidentDate: '2026-02-02', reviewType: 'DHR' }), headers);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('carries the caller\'s correlation id into the response, the event and its Kafka headers', async () => {
    const correlationId = `e2e-trace-${Date.now()}`;
    const created = await westYorkshireInput.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-03', reviewType: 'OTHER' }), { 'x-correlation-id': correlationId });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const [outbox] = await queryTestDatabase<{ envelope: { correlationId: string; actor: { subject: string } }; headers: Record<string, string> }>(
      'SELECT envelope, headers FROM intake.outbox_event WHERE message_key = $1',
      [created.body.id],
    );
    expect(outbox.envelope.correlationId).toBe(correlationId);
    expect(outbox.headers['x-correlation-id']).toBe(correlationId);
    expect(outbox.envelope.actor.subject).toBe('555000000001');
  });

  it('answers with security headers', async () => {
    const response = await westYorkshireInput.get('/api/v1/reports/caseload');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('refuses to record a case for a user whose role is not at an ICB', async () => {
    const response = await northEastRegion.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: REVIEW_TYPE }));
    expect(response.status).toBe(403);
  });
});

describe('bad input is refused with problem details and stores nothing', () => {
  let client: ApiClient;
  beforeAll(async () => {
    client = await apiAsUser('icb.input');
  });

  const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  it.each([
    ['an unknown field', caseInput({ reviewType: 'SAR', patientName: 'x' }), 'patientName', 'UNKNOWN_FIELD'],
    ['an impossible date', caseInput({ incidentDate: '2026-02-30', reviewType: 'SAR' }), 'incidentDate', 'IS_ISO8601'],
    ['a malformed date', caseInput({ incidentDate: '02/03/2026', reviewType: 'SAR' }), 'incidentDate', 'MATCHES'],
    ['a date in the future', caseInput({ incidentDate: tomorrow(), reviewType: 'SAR' }), 'incidentDate', 'NOT_IN_THE_FUTURE'],
    ['a wrong type', caseInput({ incidentDate: 20260302, reviewType: 'SAR' }), 'incidentDate', 'IS_STRING'],
    ['an unknown review type', caseInput({ incidentDate: '2026-03-02', reviewType: 'INQUEST' }), 'reviewType', 'UNKNOWN_CODE'],
    ['a missing field', caseInput({ reviewType: undefined }), 'reviewType', 'IS_STRING'],
  ])('%s', async (_label, body, field, code) => {
    const casesBefore = await countRows('intake.case_record');
    const outboxBefore = await countRows('intake.outbox_event');
    const response = await client.post('/api/v1/cases', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await countRows('intake.case_record')).toBe(casesBefore);
    expect(await countRows('intake.outbox_event')).toBe(outboxBefore);
  });

  it('malformed JSON', async () => {
    const response = await client.request('POST', '/api/v1/cases', { body: '{"incidentDate": ', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
