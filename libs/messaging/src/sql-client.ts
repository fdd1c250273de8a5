/**
 * The raw-SQL surface messaging needs, which a generated Prisma client and its interactive
 * transaction client both satisfy: no dependency on any generated client. Parameters are
 * positional (`$1`); cast them where PostgreSQL cannot infer the type (`$1::uuid`, `$2::jsonb`).
 */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

/** A client that can open an interactive transaction (a Prisma client, not a transaction). */
export interface TransactionalSqlClient extends SqlClient {
  $transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
}

const SCHEMA_NAME = /^[a-z_]+$/;

/** `"schema"."table"`; the schema is checked because it is written into SQL, not bound. */
export function qualifiedTable(schema: string, table: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name "${schema}": expected ${SCHEMA_NAME}`);
  return `"${schema}"."${table}"`;
}
