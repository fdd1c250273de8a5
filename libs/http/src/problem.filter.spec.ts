import { describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ValidationFailedError } from './domain-error.js';
import { sendProblem, toProblem, translateErrors } from './problem.filter.js';

class Outage extends Error {}

function recordingReply() {
  const sent = { status: 0, headers: {} as Record<string, string> };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    send: () => reply,
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

describe('toProblem and sendProblem', () => {
  it('keeps a 503 (a readiness probe that is down) a 503 rather than an internal error', () => {
    expect(toProblem(new ServiceUnavailableException('database: down'))).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('maps what a registered translator turns into a DomainError', () => {
    translateErrors((error) => (error instanceof Outage ? new DomainError('DEPENDENCY_UNAVAILABLE', 503, 'Dependency unavailable') : error));
    expect(toProblem(new Outage('db down'))).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(toProblem(new Error('bug'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('tells the client when to try a 503 again', () => {
    const { reply, sent } = recordingReply();
    sendProblem(reply, toProblem(new ServiceUnavailableException('down')));
    expect(sent).toMatchObject({ status: 503, headers: { 'retry-after': '2', 'content-type': 'application/problem+json' } });
  });

  it('locates every field problem by JSON pointer too, escaping ~ and /', () => {
    const problem = toProblem(
      new ValidationFailedError([
        { field: 'themes.1', code: 'DUPLICATE_THEME', message: 'repeats theme 1' },
        { field: 'a/b~c', code: 'X', message: 'odd key' },
        { field: 'Idempotency-Key', pointer: '', code: 'MATCHES', message: 'a header' },
      ]),
    );
    expect(problem.errors).toEqual([
      { field: 'themes.1', pointer: '/themes/1', code: 'DUPLICATE_THEME', message: 'repeats theme 1' },
      { field: 'a/b~c', pointer: '/a~1b~0c', code: 'X', message: 'odd key' },
      { field: 'Idempotency-Key', pointer: '', code: 'MATCHES', message: 'a header' },
    ]);
  });
});
