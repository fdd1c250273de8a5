import pg from 'pg';

/** The role case-intake connects as: it owns nothing, so the case tables' row-level security applies to it. */
export const CASE_INTAKE_ROLE = 'scrt_case_intake';
const CASE_INTAKE_SCHEMA = 'intake';

/**
 * Creates (or updates) case-intake's login role and grants it only what the service does: read
 * and write its schema's tables, never delete a case or change the append-only audit trail, never
 * touch the migration history. Run by the owner after every migration (new tables get grants).
 */
export async function grantCaseIntakeRole(ownerDatabaseUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [CASE_INTAKE_ROLE])).rowCount === 1;
    const secret = client.escapeLiteral(password);
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${CASE_INTAKE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${secret}`);
    const database = client.escapeIdentifier((await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name);
    for (const statement of [
      `GRANT CONNECT ON DATABASE ${database} TO ${CASE_INTAKE_ROLE}`,
      `GRANT USAGE ON SCHEMA ${CASE_INTAKE_SCHEMA} TO ${CASE_INTAKE_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${CASE_INTAKE_SCHEMA} TO ${CASE_INTAKE_ROLE}`,
      `REVOKE DELETE ON ${CASE_INTAKE_SCHEMA}.case_record FROM ${CASE_INTAKE_ROLE}`,
      `REVOKE UPDATE, DELETE ON ${CASE_INTAKE_SCHEMA}.audit_event FROM ${CASE_INTAKE_ROLE}`,
      `REVOKE ALL ON ${CASE_INTAKE_SCHEMA}._prisma_migrations FROM ${CASE_INTAKE_ROLE}`,
    ]) {
      await client.query(statement);
    }
  } finally {
    await client.end();
  }
  return databaseUrlAs(ownerDatabaseUrl, CASE_INTAKE_ROLE, password);
}

/** The same database reached as another role. */
export function databaseUrlAs(databaseUrl: string, role: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}
