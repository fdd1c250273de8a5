import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { SealedCookie } from './sealed-cookie.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

function appWith(cookie: SealedCookie<{ value: string }>) {
  const app = Fastify();
  void app.register(fastifyCookie);
  app.get('/write', async (request, reply) => {
    await cookie.write(reply, { value: String((request.query as { value: string }).value) });
    return 'written';
  });
  app.get('/read', async (request) => ({ read: (await cookie.read(request)) ?? null }));
  app.get('/clear', async (_request, reply) => {
    cookie.clear(reply);
    return 'cleared';
  });
  return app;
}

/** Over a real socket: fastify.inject needs the ESM-only `cookie` package, which Jest cannot require. */
describe('SealedCookie', () => {
  const app = appWith(new SealedCookie<{ value: string }>('__Host-test', 3600, SECRET));
  let origin: string;
  const get = (path: string, cookie?: string) => fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('is HttpOnly, Secure, SameSite=Lax, on Path=/ with the given lifetime', async () => {
    const header = (await get('/write?value=QMJ')).headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^__Host-test=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(header.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=3600', 'Path=/', 'SameSite=Lax', 'Secure']);
  });

  it('reads back what it wrote, and nothing from a forged or missing cookie', async () => {
    const written = ((await get('/write?value=QMJ')).headers.get('set-cookie') ?? '').split(';')[0];
    expect(await (await get('/read', `other=1; ${written}`)).json()).toEqual({ read: expect.objectContaining({ value: 'QMJ' }) });
    expect(await (await get('/read', `${written}x`)).json()).toEqual({ read: null });
    expect(await (await get('/read', '__Host-test=forged')).json()).toEqual({ read: null });
    expect(await (await get('/read')).json()).toEqual({ read: null });
  });

  it('clears itself by expiring at once', async () => {
    expect((await get('/clear')).headers.get('set-cookie')).toMatch(/^__Host-test=; Max-Age=0; .*Expires=Thu, 01 Jan 1970/);
  });

  it('refuses to write a cookie browsers would silently drop', async () => {
    const response = await get(`/write?value=${'x'.repeat(4000)}`);
    expect(response.status).toBe(500);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
