import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@scrt/http';
import { AccessTokenVerifier } from './auth/access-token.verifier.js';
import { GatewayEnv } from './config/gateway.config.js';
import { configureEdge } from './edge.js';
import type { ExternalClaims } from './principal/cis2-claims.js';

@Controller('probe')
class ProbeController {
  @Get()
  probe() {
    return { ok: true };
  }
}

const user = (sub: string, org: string): ExternalClaims => ({ sub, nhsid_useruid: sub, selected_roleid: 'r', nhsid_nrbac_roles: [{ person_roleid: 'r', org_code: org }] });
/** Tokens this fake verifier accepts, and the claims they carry; any other token is invalid. */
const validTokens: Record<string, ExternalClaims> = {
  'user-a': user('a', 'QWO'),
  'user-a-again': user('a', 'QWO'),
  'user-a-other-org': user('a', 'QMJ'),
  'user-b': user('b', 'QWO'),
  'client-c': { sub: 'c', client_id: 'c', org_code: 'QWO' },
};
const verifier = {
  verify: async (token: string) => {
    const claims = validTokens[token];
    if (!claims) throw new Error('invalid token');
    return claims;
  },
};

@Module({ controllers: [ProbeController], providers: [{ provide: AccessTokenVerifier, useValue: verifier }] })
class ProbeModule {}

const LIMIT = 3;

async function startGateway(trustedProxies: string): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = Object.assign(new GatewayEnv(), {
    PORT: 1,
    LOG_LEVEL: 'error',
    OIDC_ISSUER: 'http://localhost:1',
    RATE_LIMIT_MAX: LIMIT,
    RATE_LIMIT_WINDOW_MS: 60_000,
    TRUSTED_PROXIES: trustedProxies.split(',').filter(Boolean),
  });
  const app = await createServiceApp(
    { serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: ProbeModule }), configure: configureEdge, trustedProxies: (c) => c.TRUSTED_PROXIES, logger: false },
    config,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: await app.getUrl() };
}

describe('the gateway rate limit', () => {
  let gateway: { app: NestFastifyApplication; url: string };
  afterEach(() => gateway.app.close());

  const probe = (headers: Record<string, string> = {}) => fetch(new URL('/probe', gateway.url), { headers });
  const bearer = (token: string, headers: Record<string, string> = {}) => probe({ authorization: `Bearer ${token}`, ...headers });
  const statuses = async (requests: (() => Promise<Response>)[]) => {
    const result: number[] = [];
    for (const request of requests) result.push((await request()).status);
    return result;
  };

  describe('with no trusted proxy (the default)', () => {
    beforeEach(async () => {
      gateway = await startGateway('');
    });

    it('answers 429 problem+json with Retry-After once a client has used its requests', async () => {
      expect(await statuses([() => bearer('user-a'), () => bearer('user-a'), () => bearer('user-a')])).toEqual([200, 200, 200]);
      const limited = await bearer('user-a');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    });

    it('counts every invalid token, and no token, against the one peer address', async () => {
      expect(await statuses([() => bearer('junk-1'), () => bearer('junk-2'), () => probe(), () => bearer('junk-3')])).toEqual([200, 200, 200, 429]);
    });

    it('ignores X-Forwarded-For: a client cannot pick another address', async () => {
      const forwardedAs = (address: string) => () => probe({ 'x-forwarded-for': address });
      expect(await statuses([forwardedAs('10.0.0.1'), forwardedAs('10.0.0.2'), forwardedAs('10.0.0.3'), forwardedAs('10.0.0.4')])).toEqual([200, 200, 200, 429]);
    });

    it('gives each verified identity (subject and organisation) its own bucket, whatever the token', async () => {
      expect(await statuses([() => probe(), () => probe(), () => probe(), () => probe()])).toEqual([200, 200, 200, 429]);
      expect(await statuses([() => bearer('user-a'), () => bearer('user-a-again'), () => bearer('user-a'), () => bearer('user-a-again')])).toEqual([200, 200, 200, 429]);
      expect(await statuses([() => bearer('user-b'), () => bearer('user-a-other-org'), () => bearer('client-c')])).toEqual([200, 200, 200]);
    });
  });

  describe('behind a trusted proxy (TRUSTED_PROXIES)', () => {
    beforeEach(async () => {
      gateway = await startGateway('127.0.0.1');
    });

    it('takes the client address from the proxy’s X-Forwarded-For', async () => {
      const forwardedAs = (address: string) => () => probe({ 'x-forwarded-for': address });
      expect(await statuses([forwardedAs('10.0.0.1'), forwardedAs('10.0.0.1'), forwardedAs('10.0.0.1'), forwardedAs('10.0.0.1')])).toEqual([200, 200, 200, 429]);
      expect((await forwardedAs('10.0.0.2')()).status).toBe(200);
    });
  });
});
