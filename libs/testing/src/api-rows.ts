import { withTestDatabase as withDatabase } from './test-database.js';

/**
 * The schema of the service that owns a path: the first segment after `/api/v1` decides, as in
 * the gateway's routing. A new service must be added here, or the checks refuse its paths.
 */
const OWNING_SCHEMAS: Record<string, string> = {
  cases: 'intake',
  reviews: 'reviews',
  'reference-data': 'refdata',
  reports: 'reporting',
};

export function owningSchemaOf(apiPath: string): string {
  const segment = apiPath.replace(/^\/api\/v1\//, '').split(/[/?]/)[0];
  if (!Object.hasOwn(OWNING_SCHEMAS, segment)) throw new Error(`no owning schema known for ${apiPath}: add its service to OWNING_SCHEMAS`);
  return OWNING_SCHEMAS[segment];
}

/** Audit tables grow on refused requests by design (every refused attempt is recorded). */
const GROWS_ON_REFUSAL = new Set(['audit_event', '_prisma_migrations']);

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Row count of every table of the schema but the audit trail, e.g. `{ case_record: 12, ... }`. */
export function countSchemaRows(schema: string): Promise<Record<string, number>> {
  return withDatabase(async (client) => {
    const tables = (
      await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", [schema])
    ).rows
      .map((row) => row.table_name)
      .filter((table) => !GROWS_ON_REFUSAL.has(table));
    if (tables.length === 0) return {};
    const sql = tables.map((table) => `SELECT ${client.escapeLiteral(table)} AS table_name, count(*)::int AS rows FROM ${quoted(schema)}.${quoted(table)}`).join(' UNION ALL ');
    return Object.fromEntries((await client.query<{ table_name: string; rows: number }>(sql)).rows.map((row) => [row.table_name, row.rows]));
  });
}

/** Waits until the schema's row counts stop changing (events still being consumed), and returns them. */
export async function settledSchemaRows(schema: string, quietMs = 750, timeoutMs = 15_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let previous = await countSchemaRows(schema);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await countSchemaRows(schema);
    if (JSON.stringify(current) === JSON.stringify(previous) || Date.now() > deadline) return current;
    previous = current;
  }
}

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]).map((table) => `${table} ${before[table] ?? 0} -> ${after[table] ?? 0}`);
}

/** The owner columns of the row with this id, in whichever table of the schema holds it. */
export function storedOwner(schema: string, id: string): Promise<{ table: string; organisationCode: string; regionCode?: string } | undefined> {
  return withDatabase(async (client) => {
    const tables = (
      await client.query<{ table_name: string; has_region: boolean }>(
        `SELECT c.table_name, bool_or(r.column_name IS NOT NULL) AS has_region
           FROM information_schema.columns c
           JOIN information_schema.columns o ON o.table_schema = c.table_schema AND o.table_name = c.table_name AND o.column_name = 'organisation_code'
           LEFT JOIN information_schema.columns r ON r.table_schema = c.table_schema AND r.table_name = c.table_name AND r.column_name = 'region_code'
          WHERE c.table_schema = $1 AND c.column_name = 'id'
          GROUP BY c.table_name`,
        [schema],
      )
    ).rows;
    for (const { table_name, has_region } of tables) {
      const columns = has_region ? 'organisation_code, region_code' : 'organisation_code';
      const [row] = (await client.query<{ organisation_code: string; region_code?: string }>(`SELECT ${columns} FROM ${quoted(schema)}.${quoted(table_name)} WHERE id::text = $1`, [id])).rows;
      if (row) return { table: table_name, organisationCode: row.organisation_code, regionCode: row.region_code };
    }
    return undefined;
  });
}
