import { createServer } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { toProblem } from '@scrt/http';
import pg from 'pg';
import { asDependencyUnavailable, briefErrorDescription, DependencyUnavailableError, isTransientDatabaseError, translateDatabaseErrors } from './database-errors.js';

/** What Prisma's client throws: a known request error whose message carries pages of context. */
function prismaError(code: string, message: string, meta?: object): Error {
  return Object.assign(new Error(`\n${message}\n${'x'.repeat(70_000)}`), { name: 'PrismaClientKnownRequestError', code, meta });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['Prisma P1001', prismaError('P1001', "Can't reach database server at 127.0.0.1:54329")],
    ['Prisma P2024 (pool timeout)', prismaError('P2024', 'Timed out fetching a new connection from the connection pool.')],
    ['Prisma P2034 (write conflict)', prismaError('P2034', 'Transaction failed due to a write conflict or a deadlock.')],
    ['a driver adapter error that could not connect', prismaError('P2010', 'Raw query failed.', { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } })],
    ['serialization failure 40001', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['deadlock 40P01', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['admin shutdown 57P01', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up 57P03', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection failure 08006', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections 53300', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['an interactive transaction that could not start', new Error('Transaction API error: Unable to start a transaction in the given time.')],
    ['a wrapped connection reset', new Error('write failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('is true for %s', (_case, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('is true for what pg throws when nothing listens on the port', async () => {
    const client = new pg.Client({ connectionString: `postgresql://u:p@127.0.0.1:${await closedPort()}/db`, connectionTimeoutMillis: 2_000 });
    const error = await client.connect().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', prismaError('P2002', 'Unique constraint failed on the fields: (`id`)')],
    ['a check violation 23514', Object.assign(new Error('violates check constraint'), { code: '23514' })],
    ['a missing table 42P01', Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'oops'],
    ['nothing', undefined],
  ])('is false for %s', (_case, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});

describe('briefErrorDescription', () => {
  it('keeps class, code and the first line of the message', () => {
    expect(briefErrorDescription(prismaError('P1001', "Can't reach database server at 127.0.0.1:54329"))).toBe(
      "PrismaClientKnownRequestError P1001: Can't reach database server at 127.0.0.1:54329",
    );
    expect(briefErrorDescription(new Error('y'.repeat(1_000))).length).toBe(300);
    const invocation = Object.assign(new Error("\nInvalid `prisma.caseFact.create()` invocation in\n/app/x.js:1:2\n\n  1 minified();\n\nCan't reach database server at 127.0.0.1:54329"), { code: 'P1001' });
    expect(briefErrorDescription(invocation)).toBe("Error P1001: Can't reach database server at 127.0.0.1:54329");
  });
});

describe('the problem filter with database errors translated', () => {
  translateDatabaseErrors();

  it('answers 503 DEPENDENCY_UNAVAILABLE for a database that does not answer, and 500 for a bug', () => {
    expect(asDependencyUnavailable(prismaError('P1001', "Can't reach database server"))).toBeInstanceOf(DependencyUnavailableError);
    expect(toProblem(new Error('Transaction API error: Unable to start a transaction in the given time.'))).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(toProblem(prismaError('P2034', 'write conflict'))).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(toProblem(new TypeError('bug'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('keeps the translated error short enough to log', () => {
    const translated = asDependencyUnavailable(prismaError('P1001', "Can't reach database server")) as Error;
    expect(String(translated).length).toBeLessThan(400);
  });
});
