import pg from 'pg';

/**
 * The connection string a service's migrations run with: its own schema created if missing and
 * first on the search path, so `_prisma_migrations` and the unqualified DDL land in it.
 */
export async function databaseUrlForSchema(schema: string, databaseUrl = process.env.DATABASE_URL): Promise<string> {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
