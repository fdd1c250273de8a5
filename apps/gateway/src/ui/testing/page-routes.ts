import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@jest/globals';
import { Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { load, type CheerioAPI } from 'cheerio';
import { InternalTokenSigner } from '@scrt/auth';
import { createServiceApp } from '@scrt/http';
import { GatewayEnv } from '../../config/gateway.config.js';
import { ProxyService } from '../../proxy/proxy.service.js';
import { SessionService, type Flash, type ResumedSession } from '../../session/session.service.js';
import { CaseApi } from '../cases/case-api.js';
import { ReferenceLists } from '../cases/reference-lists.js';
import { PageAccessGuard } from '../foundation/page-access.guard.js';
import { configureViews } from '../rendering/pages.js';
import { CaseReviews } from '../reviews/case-reviews.js';
import { ReviewApi } from '../reviews/review-api.js';
import { testSession } from './render-page.js';

/** A request as it reached the services behind the gateway. */
export interface Received {
  method: string;
  url: string;
  body: string;
  ifMatch?: string;
}

export interface Answer {
  status: number;
  body: unknown;
}

/** The services' answer to a request; undefined answers 404. */
export type Services = (request: Received) => Answer | undefined;

export const answer = (status: number, body: unknown): Answer => ({ status, body });

/** The body a page sent to a service, parsed. */
export const sentBody = (request: Received | undefined): Record<string, unknown> => JSON.parse(request?.body ?? 'null') as Record<string, unknown>;

/** The error summary's links, in page order. */
export const summaryHrefs = ($: CheerioAPI): string[] => $('.nhsuk-error-summary a').map((_, link) => $(link).attr('href') ?? '').get();

/**
 * Route specs of the admin UI's pages: the given controllers in a gateway of their own, on a real
 * listener (Jest cannot load fastify's `inject`), in front of a stand-in for the services. A spec
 * sets `session` and `override` per test; `received` and `flashes` record what the pages did.
 */
export class PageProbe {
  readonly received: Received[] = [];
  readonly flashes: Flash[] = [];
  session: ResumedSession | undefined = testSession();
  /** Answers before the spec's services, for one test (a refusal, a conflict). */
  override: Services = () => undefined;
  private app!: NestFastifyApplication;
  private upstream!: Server;
  private baseUrl = '';

  private constructor(private readonly services: Services) {}

  static async start(controllers: Type[], services: Services): Promise<PageProbe> {
    const probe = new PageProbe(services);
    await probe.listen(controllers);
    return probe;
  }

  reset(): void {
    this.received.length = 0;
    this.flashes.length = 0;
    this.session = testSession();
    this.override = () => undefined;
  }

  /** The services refuse every change with `problem` (reads are still answered). */
  refuseChanges(problem: { status: number; code: string } & Record<string, unknown>): void {
    this.override = ({ method }) => (method === 'GET' ? undefined : answer(problem.status, problem));
  }

  /** The requests other than reads that reached the services. */
  changes(): Received[] {
    return this.received.filter((request) => request.method !== 'GET');
  }

  get(path: string): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), { redirect: 'manual' });
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), { method: 'POST', redirect: 'manual', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async close(): Promise<void> {
    await this.app.close();
    await new Promise((resolve) => this.upstream.close(resolve));
  }

  private async listen(controllers: Type[]): Promise<void> {
    const url = await this.standIn();
    const config = Object.assign(new GatewayEnv(), { PORT: 1, LOG_LEVEL: 'error', GATEWAY_PUBLIC_URL: 'http://gateway.test', CASE_INTAKE_URL: url, REVIEWS_URL: url, REFERENCE_DATA_URL: url });
    const privateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sessions = { read: async () => this.session, hadSession: () => false, flash: async (_request: unknown, flash: Flash) => void this.flashes.push(flash) };
    @Module({
      controllers,
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
    class PagesProbeModule {}
    this.app = await createServiceApp({ serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: PagesProbeModule }), configure: configureViews, logger: false }, config);
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.baseUrl = await this.app.getUrl();
  }

  private async standIn(): Promise<string> {
    this.upstream = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const ifMatch = request.headers['if-match'];
        const received: Received = { method: request.method ?? '', url: request.url ?? '', body: Buffer.concat(chunks).toString('utf8'), ...(typeof ifMatch === 'string' && { ifMatch }) };
        this.received.push(received);
        const { status, body } = this.override(received) ?? this.services(received) ?? answer(404, { status: 404, code: 'NOT_FOUND' });
        response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.upstream.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.upstream.address() as AddressInfo).port}`;
  }
}

/** A page's HTML, parsed. */
export const pageOf = async (response: Response): Promise<CheerioAPI> => load(await response.text());

/** The session's CSRF token, as `testSession()` holds it and a form posts it. */
export const CSRF = { _csrf: 'csrf-token-1' };

/** The NHS-styled error page (HTML, not a problem document) with its status and heading. */
export async function expectErrorPage(response: Response, status: number, heading: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect((await pageOf(response))('h1').text()).toBe(heading);
}
