import { generateKeyPairSync } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InternalAuthModule, InternalTokenSigner } from '@scrt/auth';
import { AppEnv } from '@scrt/config';
import { createServiceApp } from '@scrt/http';
import { UnknownRouteModule } from './unknown-route.module.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const pem = { public: publicKey.export({ type: 'spki', format: 'pem' }).toString(), private: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };

@Module({ imports: [InternalAuthModule.forPublicKey(pem.public), UnknownRouteModule] })
class ReviewsRoutesModule {}

describe('reviews: an unknown route', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = Object.assign(new AppEnv(), { PORT: 1, LOG_LEVEL: 'error' });
    app = await createServiceApp({ serviceName: 'reviews', configClass: AppEnv, module: () => ({ module: ReviewsRoutesModule }), apiPrefix: 'api/v1', logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  const call = (method: string, authorization?: string) =>
    fetch(new URL('/api/v1/reviews/no-such-thing', baseUrl), { method, headers: authorization ? { authorization } : {} });

  it.each(['GET', 'POST', 'DELETE'])('answers %s without a token with 401 problem+json', async (method) => {
    const response = await call(method);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers an invalid token with 401', async () => {
    expect((await call('GET', 'Bearer not-a-token')).status).toBe(401);
  });

  it('answers a valid internal token with 404 problem+json', async () => {
    const token = await (await InternalTokenSigner.fromPem(pem.private)).sign({ subject: 's', kind: 'client', organisationCode: 'QWO', tier: 'icb', permissions: [] });
    const response = await call('GET', `Bearer ${token}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
