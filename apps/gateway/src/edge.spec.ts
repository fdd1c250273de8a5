import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@scrt/http';
import { AccessTokenVerifier } from './auth/access-token.verifier.js';
import { GatewayEnv } from './config/gateway.config.js';
import { configureEdge } from './edge.js';

@Controller('probe')
class ProbeController {
  @Get()
  probe() {
    return { ok: true };
  }
}

/** Rate limiting is tested in rate-limit.spec.ts; here no token is valid. */
const refusingVerifier = { verify: async () => Promise.reject(new Error('invalid')) };

@Module({ controllers: [ProbeController], providers: [{ provide: AccessTokenVerifier, useValue: refusingVerifier }] })
class ProbeModule {}

function edgeConfig(): GatewayEnv {
  return Object.assign(new GatewayEnv(), { PORT: 1, LOG_LEVEL: 'error', OIDC_ISSUER: 'http://localhost:1', RATE_LIMIT_MAX: 2, RATE_LIMIT_WINDOW_MS: 60_000 });
}

describe('the gateway edge', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeEach(async () => {
    const config = edgeConfig();
    app = await createServiceApp({ serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: ProbeModule }), configure: configureEdge, logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterEach(() => app.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, baseUrl), { headers });

  it('sets security headers and echoes a correlation id', async () => {
    const response = await get('/probe', { 'x-correlation-id': 'trace-12345678' });
    expect(response.headers.get('x-correlation-id')).toBe('trace-12345678');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await get('/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
