import type pg from 'pg';
import type { SqlClient, TransactionalSqlClient } from './sql-client.js';

function sqlClientOf(db: pg.Pool | pg.PoolClient): SqlClient {
  return {
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await db.query(sql, values)).rows as T,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await db.query(sql, values)).rowCount ?? 0,
  };
}

/** A `pg` pool behind the Prisma-shaped interface, for tests and the warehouse rebuild command (transaction options are ignored). */
export function pgSqlClient(pool: pg.Pool): TransactionalSqlClient {
  return {
    ...sqlClientOf(pool),
    async $transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(sqlClientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
