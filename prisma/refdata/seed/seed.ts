import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

const ORGANISATIONS_CSV = path.join(import.meta.dirname, 'organisations.csv');

interface OrganisationRow {
  ods_code: string;
  name: string;
  type: string;
  parent_ods_code: string;
  effective_from: string;
}

/** Splits one CSV line, honouring double-quoted fields (organisation names contain commas). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

export function parseOrganisations(csv: string): OrganisationRow[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = parseCsvLine(header);
  return lines.map((line) => {
    const values = parseCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, values[i] ?? ''])) as unknown as OrganisationRow;
  });
}

/** Loads the organisation hierarchy (regions, ICBs, NHS England) into refdata; safe to repeat. */
export async function seedReferenceData(databaseUrl: string): Promise<number> {
  const organisations = parseOrganisations(await readFile(ORGANISATIONS_CSV, 'utf8'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const org of organisations) {
      await client.query(
        `INSERT INTO refdata.organisation (ods_code, name, type, parent_ods_code, effective_from)
         VALUES ($1, $2, $3, NULLIF($4, ''), $5::date)
         ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
           parent_ods_code = EXCLUDED.parent_ods_code, effective_from = EXCLUDED.effective_from, updated_at = now()`,
        [org.ods_code, org.name, org.type, org.parent_ods_code, org.effective_from],
      );
    }
    await client.query('COMMIT');
    return organisations.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
