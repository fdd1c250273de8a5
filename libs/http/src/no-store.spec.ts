import { Controller, Get, Module, NotFoundException, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppEnv } from '@scrt/config';
import { createServiceApp } from './bootstrap.js';

@Controller('cases')
class CasesProbeController {
  @Get()
  list() {
    return [{ id: 'case-1' }];
  }

  @Get('missing')
  missing() {
    throw new NotFoundException();
  }

  @Get('relayed')
  relayed(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return [];
  }

  @Get('published-list')
  publishedList(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'private, max-age=60');
    return { codes: [] };
  }
}

@Module({ controllers: [CasesProbeController] })
class ProbeModule {}

describe('API answers', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = Object.assign(new AppEnv(), { PORT: 1, LOG_LEVEL: 'error' as const });
    app = await createServiceApp({ serviceName: 'probe', configClass: AppEnv, module: () => ({ module: ProbeModule }), apiPrefix: 'api/v1', logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  const cachingOf = async (path: string) => {
    const response = await fetch(new URL(path, baseUrl));
    return { status: response.status, cacheControl: response.headers.get('cache-control'), pragma: response.headers.get('pragma') };
  };

  it.each([
    ['data', '/api/v1/cases', 200],
    ['data, with a query', '/api/v1/cases?page=2', 200],
    ['a problem', '/api/v1/cases/missing', 404],
    ['an unknown API route', '/api/v1/nowhere', 404],
    ['a no-store relayed from a service', '/api/v1/cases/relayed', 200],
  ])('may not be cached: %s', async (_label, path, status) => {
    expect(await cachingOf(path)).toEqual({ status, cacheControl: 'no-store', pragma: 'no-cache' });
  });

  it('keep the Cache-Control a route chose for data that is not case data', async () => {
    expect(await cachingOf('/api/v1/cases/published-list')).toEqual({ status: 200, cacheControl: 'private, max-age=60', pragma: null });
  });

  it('leave other paths alone', async () => {
    expect(await cachingOf('/elsewhere')).toMatchObject({ status: 404, cacheControl: null });
    expect(await cachingOf('/api/v10')).toMatchObject({ cacheControl: null });
  });
});
