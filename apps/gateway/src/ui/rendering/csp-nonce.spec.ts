import { Controller, Get, Module, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { createServiceApp } from '@scrt/http';
import { AccessTokenVerifier } from '../../auth/access-token.verifier.js';
import { GatewayEnv } from '../../config/gateway.config.js';
import { configureEdge } from '../../edge.js';
import { cspNonceOf } from './csp-nonce.js';

@Controller('page')
class PageController {
  @Get()
  page(@Res() reply: FastifyReply): void {
    void reply.type('text/html').send(`<script nonce="${cspNonceOf(reply)}">1</script>`);
  }
}

/** The edge's rate limit asks the verifier about bearer tokens; these requests carry none. */
const refusingVerifier = { verify: async () => Promise.reject(new Error('invalid')) };

@Module({ controllers: [PageController], providers: [{ provide: AccessTokenVerifier, useValue: refusingVerifier }] })
class PageModule {}

/** The script-src directive of a Content-Security-Policy header. */
const scriptSrc = (policy: string | null) => (policy ?? '').split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));

describe('CSP script nonces', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = Object.assign(new GatewayEnv(), { PORT: 1, LOG_LEVEL: 'error', OIDC_ISSUER: 'http://localhost:1', RATE_LIMIT_MAX: 100, RATE_LIMIT_WINDOW_MS: 60_000 });
    app = await createServiceApp({ serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: PageModule }), configure: configureEdge, logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  it('allows inline scripts only with a nonce of this response, the one the page was given', async () => {
    const response = await fetch(new URL('/page', baseUrl));
    const directive = scriptSrc(response.headers.get('content-security-policy'));
    expect(directive).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directive ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await response.text()).toBe(`<script nonce="${nonce}">1</script>`);
  });

  it('uses a new nonce for every response', async () => {
    const policies = await Promise.all([1, 2, 3].map(async () => scriptSrc((await fetch(new URL('/page', baseUrl))).headers.get('content-security-policy'))));
    expect(new Set(policies).size).toBe(3);
  });
});
