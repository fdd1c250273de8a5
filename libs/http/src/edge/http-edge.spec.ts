import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AppEnv } from '@scrt/config';
import { rawHttpRequest } from '@scrt/testing';
import { createServiceApp } from '../bootstrap.js';
import { MAX_FIELD_PROBLEMS } from '../problem.filter.js';

class ProbeBody {
  @IsString() @MaxLength(20) name: string;
}

class ProbeQuery {
  @IsOptional() @IsString() from?: string;
}

@Controller('probes')
class ProbeController {
  @Post()
  create(@Body() body: ProbeBody) {
    return body;
  }

  @Get()
  list(@Query() query: ProbeQuery) {
    return query;
  }

  @Get(':id')
  one(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the HTTP edge every app shares', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = Object.assign(new AppEnv(), { PORT: 1, LOG_LEVEL: 'error' });
    app = await createServiceApp({ serviceName: 'probe', configClass: AppEnv, module: () => ({ module: ProbeModule }), apiPrefix: 'api/v1', logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  const call = (path: string, init: RequestInit = {}) => fetch(new URL(path, baseUrl), init);
  const postJson = (body: string, headers: Record<string, string> = {}) => call('/api/v1/probes', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const raw = (lines: string[]) => rawHttpRequest(baseUrl, `${lines.join('\r\n')}\r\n\r\n`);

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors?: unknown[]; errorsTotal?: number };
    expect(problem.code).toBe(code);
    return problem;
  }

  function expectRawProblem(response: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status, code });
  }

  it('accepts a well-formed JSON body (the control for the refusals below)', async () => {
    const response = await postJson('{"name":"ok"}');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: 'ok' });
  });

  describe('JSON bodies', () => {
    it.each([40, 5_000, 100_000])('refuses nesting %i deep with 400 BODY_TOO_DEEP', async (depth) => {
      await expectProblem(await postJson(nested(depth)), 400, 'BODY_TOO_DEEP');
    });

    it('counts nesting outside strings only', async () => {
      await expectProblem(await postJson(JSON.stringify({ name: '[[[[', note: '['.repeat(100) })), 400, 'VALIDATION_FAILED');
    });

    it.each(['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'prototype', 'constructor', 'isPrototypeOf'])('refuses the body key %s as an unknown field', async (key) => {
      const problem = await expectProblem(await postJson(`{"name":"ok","${key}":"x"}`), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: key, pointer: `/${key}`, code: 'UNKNOWN_FIELD', message: `${key} is not a known field` }]);
    });

    it('refuses __proto__ in a body', async () => {
      const response = await postJson('{"name":"ok","__proto__":{"x":1}}');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it(`lists at most ${MAX_FIELD_PROBLEMS} field problems and says how many there were`, async () => {
      const problem = await expectProblem(await postJson(JSON.stringify(Array.from({ length: 60_000 }, () => ({})))), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toHaveLength(MAX_FIELD_PROBLEMS);
      expect(problem.errorsTotal).toBeGreaterThan(MAX_FIELD_PROBLEMS);
    });
  });

  describe('query strings', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the query key %s as an unknown field', async (key) => {
      const problem = await expectProblem(await call(`/api/v1/probes?${key}=1`), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([expect.objectContaining({ field: key, code: 'UNKNOWN_FIELD' })]);
    });

    it('accepts a known query key (the control)', async () => {
      expect((await call('/api/v1/probes?from=a')).status).toBe(200);
    });
  });

  describe('content negotiation of request bodies', () => {
    it.each([
      ['text/plain', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/x-www-form-urlencoded', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/xml', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json-patch', 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json; charset=iso-8859-1', 'UNSUPPORTED_CHARSET'],
      ['application/json; charset="utf-16"', 'UNSUPPORTED_CHARSET'],
    ])('answers Content-Type %s with 415 %s', async (contentType, code) => {
      await expectProblem(await postJson('{"name":"ok"}', { 'content-type': contentType }), 415, code);
    });

    it('accepts an explicit UTF-8 charset', async () => {
      expect((await postJson('{"name":"ok"}', { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(201);
    });

    it('answers a body without Content-Type with 415', async () => {
      const response = await rawHttpRequest(baseUrl, 'POST /api/v1/probes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 13\r\n\r\n{"name":"ok"}');
      expectRawProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it.each(['gzip', 'br', 'deflate, gzip', 'x-unknown'])('answers Content-Encoding %s with 415', async (encoding) => {
      await expectProblem(await postJson('{"name":"ok"}', { 'content-encoding': encoding }), 415, 'UNSUPPORTED_CONTENT_ENCODING');
    });
  });

  describe('methods', () => {
    it.each(['TRACE', 'PROPFIND', 'SEARCH'])('answers %s with 405 problem+json and Allow', async (method) => {
      const response = await raw([`${method} /api/v1/probes HTTP/1.1`, 'Host: x', 'Connection: close']);
      expectRawProblem(response, 405, 'METHOD_NOT_ALLOWED');
      expect(response.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    });

    it('answers a method HTTP does not know with 405 problem+json', async () => {
      expectRawProblem(await raw(['FROBNICATE /api/v1/probes HTTP/1.1', 'Host: x']), 405, 'METHOD_NOT_ALLOWED');
    });

    it('answers CONNECT with 405 problem+json instead of dropping the connection', async () => {
      expectRawProblem(await raw(['CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443']), 405, 'METHOD_NOT_ALLOWED');
    });
  });

  describe('errors of the HTTP parser and the router', () => {
    it('answers bad percent-encoding with 400 BAD_URL', async () => {
      await expectProblem(await call('/api/v1/probes/%E0%A4%A'), 400, 'BAD_URL');
    });

    it('answers a path parameter over 100 characters with 414', async () => {
      await expectProblem(await call(`/api/v1/probes/${'a'.repeat(101)}`), 414, 'URI_TOO_LONG');
    });

    it.each([
      ['headers over 16 KB', ['X-Filler: ' + 'a'.repeat(17 * 1024)]],
      ['a 100 KB bearer token', ['Authorization: Bearer ' + 'a'.repeat(100 * 1024)]],
    ])('answers %s with 431 problem+json', async (_case, headers) => {
      expectRawProblem(await raw(['GET /api/v1/probes HTTP/1.1', 'Host: x', ...headers]), 431, 'HEADERS_TOO_LARGE');
    });

    it.each([
      ['a control character in a header value', 'X-Note: a\u0001b'],
      ['a control character in a header name', 'X-No\u0007te: a'],
    ])('answers %s with 400 INVALID_HEADER', async (_case, header) => {
      expectRawProblem(await raw(['GET /api/v1/probes HTTP/1.1', 'Host: x', header]), 400, 'INVALID_HEADER');
    });

    it('answers an HTTP/1.1 request without Host with 400 HOST_REQUIRED', async () => {
      expectRawProblem(await raw(['GET /api/v1/probes HTTP/1.1', 'Connection: close']), 400, 'HOST_REQUIRED');
    });

    it('answers a malformed request with 400 problem+json', async () => {
      expectRawProblem(await raw(['POST /api/v1/probes HTTP/1.1', 'Host: x', 'Content-Length: abc']), 400, 'MALFORMED_REQUEST');
    });
  });
});
