import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { load } from 'cheerio';
import { InternalTokenSigner } from '@scrt/auth';
import { createServiceApp } from '@scrt/http';
import { GatewayEnv } from '../../config/gateway.config.js';
import { ProxyService } from '../../proxy/proxy.service.js';
import { SessionService, type Flash, type ResumedSession } from '../../session/session.service.js';
import { PageAccessGuard } from '../foundation/page-access.guard.js';
import { configureViews } from '../rendering/pages.js';
import { testSession } from '../testing/render-page.js';
import { CaseReviews } from '../reviews/case-reviews.js';
import { ReviewApi } from '../reviews/review-api.js';
import { CaseApi } from './case-api.js';
import { CasesUiController } from './cases-ui.controller.js';
import { ReferenceLists } from './reference-lists.js';

const CASE_ID = '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d';
const code = (value: string, sortOrder = 1) => ({ code: value, label: value.toLowerCase(), sortOrder, deprecated: false });

interface Received {
  method: string;
  url: string;
  body: string;
}

/** The services behind the gateway, as far as these pages ask them: records what reaches them. */
async function serviceStandIn(received: Received[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '';
      received.push({ method: request.method ?? '', url, body: Buffer.concat(chunks).toString('utf8') });
      const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.startsWith('/api/v1/reference-data/code-lists/')) return json(200, { codes: [code('CHILD'), code('NEGLECT'), code('RAPID_REVIEW')] });
      if (url.startsWith('/api/v1/reference-data/partnerships')) return json(200, { items: [] });
      if (request.method === 'POST' && url === '/api/v1/cases') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { briefInformation: string };
        if (body.briefInformation.includes('943 476 5919')) {
          return json(422, { status: 422, code: 'PERSONAL_DATA_DETECTED', errors: [{ field: 'briefInformation', pointer: '/briefInformation', code: 'PERSONAL_DATA_NHS_NUMBER', message: 'briefInformation holds what looks like an NHS number' }] });
        }
        return json(201, { id: CASE_ID });
      }
      json(404, { status: 404, code: 'NOT_FOUND' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const validForm = {
  reviewType: 'RAPID_REVIEW',
  'incidentDate[day]': '14',
  'incidentDate[month]': '9',
  'incidentDate[year]': '2026',
  'dateAdded[day]': '16',
  'dateAdded[month]': '9',
  'dateAdded[year]': '2026',
  subjectGroup: 'CHILD',
  theme1: 'NEGLECT',
  briefInformation: 'Rapid review notified by the local authority.',
};

// The first render compiles nhsuk-frontend's templates: seconds on a busy machine.
jest.setTimeout(30_000);

describe('case pages (routes)', () => {
  const received: Received[] = [];
  const flashes: Flash[] = [];
  let session: ResumedSession | undefined;
  let upstream: Server;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const services = await serviceStandIn(received);
    upstream = services.server;
    const config = Object.assign(new GatewayEnv(), { PORT: 1, LOG_LEVEL: 'error', GATEWAY_PUBLIC_URL: 'http://gateway.test', CASE_INTAKE_URL: services.url, REFERENCE_DATA_URL: services.url });
    const privateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sessions = { read: async () => session, hadSession: () => false, flash: async (_request: unknown, flash: Flash) => void flashes.push(flash) };
    @Module({
      controllers: [CasesUiController],
      providers: [
        CaseApi,
        ReferenceLists,
        ReviewApi,
        CaseReviews,
        PageAccessGuard,
        ProxyService,
        { provide: SessionService, useValue: sessions },
        { provide: GatewayEnv, useValue: config },
        { provide: InternalTokenSigner, useFactory: () => InternalTokenSigner.fromPem(privateKey) },
      ],
    })
    class CasePagesProbeModule {}
    app = await createServiceApp({ serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: CasePagesProbeModule }), configure: configureViews, logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
    flashes.length = 0;
    session = testSession();
  });

  const post = (form: Record<string, string>) =>
    fetch(new URL('/cases/new', baseUrl), { method: 'POST', redirect: 'manual', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('GET /cases/new: 200, the form with the session CSRF token and a fresh idempotency key', async () => {
    const response = await fetch(new URL('/cases/new', baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const $ = load(await response.text());
    expect($('head > title').text()).toBe('Record a case - Safeguarding Case Review Tracker');
    expect($('form input[name=_csrf]').val()).toBe('csrf-token-1');
    expect($('form input[name=idempotencyKey]').val()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('invalid POST: 422, the same page titled "Error: ", the summary linking to each field in page order, nothing sent to the service', async () => {
    const response = await post({ _csrf: 'csrf-token-1', theme1: 'NEGLECT', briefInformation: 'x' });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('head > title').text()).toBe('Error: Record a case - Safeguarding Case Review Tracker');
    expect($('.nhsuk-error-summary a').map((_, link) => $(link).attr('href')).get()).toEqual(['#reviewType', '#incidentDate-day', '#dateAdded-day', '#subjectGroup']);
    expect($('#reviewType-error').text()).toContain('Select the type of review');
    expect($('textarea#briefInformation').text()).toBe('x');
    expect(received.filter((request) => request.url.startsWith('/api/v1/cases'))).toEqual([]);
  });

  it('the service\'s PERSONAL_DATA_DETECTED is shown on the field, without echoing what was typed in the message', async () => {
    const response = await post({ ...validForm, _csrf: 'csrf-token-1', briefInformation: 'NHS number 943 476 5919 given' });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('.nhsuk-error-summary a').map((_, link) => [[$(link).attr('href'), $(link).text().trim()]]).get()).toEqual([
      ['#briefInformation', 'Brief case information looks like it contains an NHS number. Remove it: do not enter details that could identify a person'],
    ]);
    expect($('#briefInformation-error').text()).toContain('looks like it contains an NHS number');
  });

  it('valid POST: the CaseInput sent with an Idempotency-Key, then 303 to the case with a flash message', async () => {
    const response = await post({ ...validForm, _csrf: 'csrf-token-1', idempotencyKey: '0192f5c4-0000-7000-8000-000000000001' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/cases/${CASE_ID}`);
    expect(flashes).toEqual([{ heading: 'Case 0192F5C4 recorded' }]);
    const sent = received.find((request) => request.method === 'POST');
    expect(JSON.parse(sent!.body)).toMatchObject({ reviewType: 'RAPID_REVIEW', incidentDate: '2026-09-14', dateAdded: '2026-09-16', themes: ['NEGLECT'] });
  });

  it('POST without _csrf: 403, an NHS page, nothing sent', async () => {
    const response = await post(validForm);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(load(await response.text())('h1').text()).toBe('Your form could not be sent');
    expect(received.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('a user without case:create gets the 403 page for the form; without a session, the sign-in page', async () => {
    session = testSession({ principal: { ...testSession().principal, tier: 'region', permissions: ['case:read'] } });
    const refused = await fetch(new URL('/cases/new', baseUrl));
    expect(refused.status).toBe(403);
    expect(load(await refused.text())('h1').text()).toBe('You do not have access to this page');
    session = undefined;
    const anonymous = await fetch(new URL('/cases', baseUrl));
    expect(anonymous.status).toBe(401);
    expect(load(await anonymous.text())('h1').text()).toBe('Sign in to continue');
  });
});
