import pg from 'pg';
import { eventually } from './eventually.js';
import { requiredEnv } from './test-env.js';

let pool: pg.Pool | undefined;

/**
 * A connection to the stack's database for checks, from one small pool per test file: a new
 * connection costs PostgreSQL a process (70–90 ms here), which the fuzz test paid per request.
 * Idle connections close after a second and do not hold the test process open; a connection
 * that dies with PostgreSQL (the fault tests kill it) is dropped from the pool, not thrown.
 */
export async function withTestDatabase<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  pool ??= new pg.Pool({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL'), max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true }).on('error', () => undefined);
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Direct reads of the stack's database, to check what is (and is not) stored. */
export async function queryTestDatabase<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  return withTestDatabase(async (client) => (await client.query<T>(sql, values)).rows);
}

/** Waits until the reporting service has summarised every change its warehouse holds: the reports read the summaries. */
export async function warehouseSummarised(): Promise<void> {
  await eventually(async () => (await queryTestDatabase<{ n: number }>('SELECT count(*)::int AS n FROM reporting.summary_dirty'))[0].n === 0, 'the report summaries up to date');
}
