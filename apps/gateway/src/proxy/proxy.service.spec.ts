import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { All, Controller, Module, Req, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InternalTokenSigner } from '@scrt/auth';
import { createServiceApp } from '@scrt/http';
import { GatewayEnv } from '../config/gateway.config.js';
import { ProxyService } from './proxy.service.js';

interface Received {
  method: string;
  contentType?: string;
  body: string;
}

/** A stand-in for the owning service: records what reaches it and answers 201. */
async function recordingUpstream(received: Received[], connections: { count: number }): Promise<{ server: Server; url: string }> {
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(201, { 'content-type': 'application/json', location: '/api/v1/cases/1', etag: '"1"', link: '</api/v1/cases?cursor=x>; rel="next"', 'x-internal': 'kept' }).end('{"id":"1"}');
    });
  });
  server.on('connection', () => (connections.count += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

@Controller('api/v1')
class UnguardedProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All('*')
  forward(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.proxy.forward(request, reply, { subject: 's', kind: 'client', organisationCode: 'QWO', tier: 'icb', permissions: [] });
  }
}

describe('ProxyService', () => {
  const received: Received[] = [];
  const connections = { count: 0 };
  let upstream: Server;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const recorder = await recordingUpstream(received, connections);
    upstream = recorder.server;
    const config = Object.assign(new GatewayEnv(), { PORT: 1, LOG_LEVEL: 'error', CASE_INTAKE_URL: recorder.url, REPORTING_URL: 'http://127.0.0.1:1' });
    const privateKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    @Module({
      controllers: [UnguardedProxyController],
      providers: [ProxyService, { provide: GatewayEnv, useValue: config }, { provide: InternalTokenSigner, useFactory: () => InternalTokenSigner.fromPem(privateKey) }],
    })
    class ProxyProbeModule {}
    app = await createServiceApp({ serviceName: 'gateway', configClass: GatewayEnv, module: () => ({ module: ProxyProbeModule }), logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
  });

  const post = (body: string, contentType: string) => fetch(new URL('/api/v1/cases', baseUrl), { method: 'POST', body, headers: { 'content-type': contentType } });

  it('forwards the body bytes exactly as the client sent them, never a re-serialisation', async () => {
    const body = '{ "reviewType" : "OTHER",\n  "big": 1e400, "same": 1, "same": 2, "text": "\\u00e9" }';
    expect((await post(body, 'application/json')).status).toBe(201);
    expect(received).toEqual([{ method: 'POST', contentType: 'application/json', body }]);
  });

  it('returns the service\'s status, body and allowed headers, and reuses one kept-alive connection', async () => {
    const before = connections.count;
    for (let call = 0; call < 5; call += 1) {
      const response = await post('{"reviewType":"OTHER"}', 'application/json');
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: '1' });
      expect(response.headers.get('location')).toBe('/api/v1/cases/1');
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('link')).toBe('</api/v1/cases?cursor=x>; rel="next"');
      expect(response.headers.get('x-internal')).toBeNull();
    }
    expect(connections.count - before).toBeLessThanOrEqual(1);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE when the service cannot be reached', async () => {
    const response = await fetch(new URL('/api/v1/reports/caseload', baseUrl));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])('refuses a %s body with 415 before forwarding anything', async (contentType) => {
    const response = await post('reviewType=OTHER', contentType);
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(received).toEqual([]);
  });

  it('refuses a deeply nested body with 400 before forwarding anything', async () => {
    const response = await post(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, 'application/json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect(received).toEqual([]);
  });
});
