import { randomUUID } from 'node:crypto';
import { caseInput, apiAsClient, apiAsUser, appUrl, rawHttpRequest, requiredEnv, type ApiClient, type ApiResponse, type RawHttpResponse } from '@scrt/testing';
import { countRows } from './support.js';

/** Each finding of issue 5 §1, reproduced through the real gateway: a 4xx problem+json with a stable code, and nothing stored. */
const CASES = '/api/v1/cases';
const CASELOAD = '/api/v1/reports/caseload';
const validCase = caseInput({ incidentDate: '2026-01-02', reviewType: 'OTHER' });

const storedRows = async () => ({ cases: await countRows('intake.case_record'), events: await countRows('intake.outbox_event') });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function expectProblem(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, contentType: response.headers.get('content-type'), code: (response.body as { code?: string })?.code }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json'),
    code,
  });
}

function expectRawProblem(response: RawHttpResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({ status, code });
}

describe('bad input never gets a 5xx or a non-problem answer', () => {
  let caseSystem: ApiClient;
  let analyst: ApiClient;
  let rowsBefore: Awaited<ReturnType<typeof storedRows>>;
  const gatewayUrl = () => requiredEnv('SCRT_TEST_GATEWAY_URL');
  const raw = (lines: string[], body = '') => rawHttpRequest(gatewayUrl(), `${lines.join('\r\n')}\r\n\r\n${body}`);
  const bearer = () => `Authorization: Bearer ${caseSystem.accessToken}`;
  const postRaw = (body: string, headers: Record<string, string>) => caseSystem.request('POST', CASES, { body, headers });

  beforeAll(async () => {
    [caseSystem, analyst] = await Promise.all([apiAsClient('wy-case-system'), apiAsUser('national.analyst')]);
  });

  describe('refused writes store nothing', () => {
    beforeEach(async () => {
      rowsBefore = await storedRows();
    });

    afterEach(async () => {
      expect(await storedRows()).toEqual(rowsBefore);
    });

    it.each([3_000, 5_000, 100_000])('refuses JSON nested %i deep with 400 BODY_TOO_DEEP (the gateway no longer re-serialises)', async (depth) => {
      expectProblem(await postRaw(nested(depth), { 'content-type': 'application/json' }), 400, 'BODY_TOO_DEEP');
    });

    it.each(['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'prototype', 'constructor', 'isPrototypeOf'])('refuses the body key %s as an unknown field', async (key) => {
      const response = await postRaw(JSON.stringify({ ...validCase, [key]: 'x' }), { 'content-type': 'application/json' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((response.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: key, code: 'UNKNOWN_FIELD' })]);
    });

    it('refuses a __proto__ key in the body', async () => {
      const response = await postRaw(`{"incidentDate":"2026-01-02","reviewType":"OTHER","__proto__":{"admin":true}}`, { 'content-type': 'application/json' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it.each([
      ['text/plain', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/x-www-form-urlencoded', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/xml', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json; charset=iso-8859-1', 'UNSUPPORTED_CHARSET'],
    ])('answers a body of Content-Type %s with 415 %s', async (contentType, code) => {
      const body = contentType.includes('form') ? 'incidentDate=2026-01-02&reviewType=OTHER' : JSON.stringify(validCase);
      expectProblem(await postRaw(body, { 'content-type': contentType }), 415, code);
    });

    it.each(['gzip', 'br', 'deflate'])('answers Content-Encoding %s with 415 UNSUPPORTED_CONTENT_ENCODING', async (encoding) => {
      expectProblem(await postRaw(JSON.stringify(validCase), { 'content-type': 'application/json', 'content-encoding': encoding }), 415, 'UNSUPPORTED_CONTENT_ENCODING');
    });

    it('caps the field problems of 60,000 empty objects at 100 and says how many there were', async () => {
      const body = JSON.stringify(Array.from({ length: 60_000 }, () => ({})));
      expect(body.length).toBeGreaterThan(175_000);
      const started = Date.now();
      const response = await postRaw(body, { 'content-type': 'application/json' });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      const problem = response.body as { errors: unknown[]; errorsTotal: number };
      expect(problem.errors).toHaveLength(100);
      expect(problem.errorsTotal).toBeGreaterThan(100);
      expect(JSON.stringify(problem).length).toBeLessThan(20_000);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it.each(['TRACE', 'PROPFIND', 'LOCK'])('answers %s with 405 problem+json and Allow', async (method) => {
      const response = await raw([`${method} ${CASES} HTTP/1.1`, `Host: ${new URL(gatewayUrl()).host}`, bearer(), 'Connection: close']);
      expectRawProblem(response, 405, 'METHOD_NOT_ALLOWED');
      expect(response.headers.allow).toContain('POST');
    });

    it('answers a method HTTP does not know with 405 problem+json', async () => {
      expectRawProblem(await raw([`FROBNICATE ${CASES} HTTP/1.1`, 'Host: x', bearer()]), 405, 'METHOD_NOT_ALLOWED');
    });

    it('answers CONNECT with 405 problem+json (it used to get no answer at all)', async () => {
      expectRawProblem(await raw(['CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443']), 405, 'METHOD_NOT_ALLOWED');
    });

    it('answers an HTTP/1.1 request without Host with 400 HOST_REQUIRED', async () => {
      const body = JSON.stringify(validCase);
      expectRawProblem(await raw([`POST ${CASES} HTTP/1.1`, bearer(), 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close'], body), 400, 'HOST_REQUIRED');
    });

    it('answers a control character in a header with 400 INVALID_HEADER', async () => {
      const body = JSON.stringify(validCase);
      expectRawProblem(await raw([`POST ${CASES} HTTP/1.1`, 'Host: x', bearer(), 'X-Note: a\u0001b', 'Content-Type: application/json', `Content-Length: ${body.length}`], body), 400, 'INVALID_HEADER');
    });

    it.each([
      ['headers over 16 KB', [`X-Filler: ${'a'.repeat(17 * 1024)}`]],
      ['a 100 KB bearer token', [`Authorization: Bearer ${'a'.repeat(100 * 1024)}`]],
    ])('answers %s with 431 HEADERS_TOO_LARGE', async (_label, headers) => {
      expectRawProblem(await raw([`POST ${CASES} HTTP/1.1`, 'Host: x', ...headers, 'Content-Length: 0']), 431, 'HEADERS_TOO_LARGE');
    });
  });

  describe('ten parallel requests with the same Idempotency-Key', () => {
    it('create exactly one case; every other answer is that case (200) or 409 IDEMPOTENCY_KEY_IN_PROGRESS, never a 500', async () => {
      const before = await storedRows();
      const key = `parallel-${randomUUID()}`;
      const responses = await Promise.all(Array.from({ length: 10 }, () => caseSystem.post<{ id: string; code?: string }>(CASES, validCase, { 'idempotency-key': key })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
      const created = responses.find((response) => response.status === 201)!.body.id;
      for (const response of responses) {
        if (response.status === 200) expect(response.body.id).toBe(created);
        if (response.status === 409) expectProblem(response, 409, 'IDEMPOTENCY_KEY_IN_PROGRESS');
      }
      expect(await storedRows()).toEqual({ cases: before.cases + 1, events: before.events + 1 });
    });
  });

  describe('reads', () => {
    it.each(['9999-12-31', '2101-01-01', '0001-01-01'])('refuses a caseload period ending %s with 400 (it used to be a 500)', async (to) => {
      expectProblem(await analyst.get(`${CASELOAD}?to=${to}`), 400, 'VALIDATION_FAILED');
    });

    it('answers a caseload period within the report years (the control)', async () => {
      expect((await analyst.get(`${CASELOAD}?from=2026-01-01&to=2100-12-31`)).status).toBe(200);
    });

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'])('refuses the caseload query key %s as an unknown field', async (key) => {
      const response = await analyst.get(`${CASELOAD}?${key}=1`);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect((response.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: key, code: 'UNKNOWN_FIELD' })]);
    });

    it('answers bad percent-encoding with 400 BAD_URL', async () => {
      expectProblem(await caseSystem.get(`${CASES}/%E0%A4%A`), 400, 'BAD_URL');
    });

    it('answers a path parameter over 100 characters with 414 URI_TOO_LONG', async () => {
      expectProblem(await caseSystem.get(`${CASES}/${'a'.repeat(101)}`), 414, 'URI_TOO_LONG');
    });
  });

  describe('reviews answers 401 before 404, like the other services', () => {
    it('answers an unknown route without a token with 401 problem+json', async () => {
      const response = await fetch(new URL('/api/v1/reviews/no-such-route', appUrl('reviews')));
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
