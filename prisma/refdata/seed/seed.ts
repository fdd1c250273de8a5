import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { publishSeededBankHolidays } from './bank-holidays-seed.js';
import { seedCodeLists } from './code-lists-seed.js';
import { seedOrganisations, type OrganisationSeedRow } from './organisations-seed.js';
import { publishSeededTimescales } from './timescales-seed.js';

const ORGANISATIONS_CSV = path.join(import.meta.dirname, 'organisations.csv');
const BANK_HOLIDAYS_CSV = path.join(import.meta.dirname, 'bank-holidays.csv');
const TIMESCALES_CSV = path.join(import.meta.dirname, 'timescales.csv');
const SEEDED_BY = 'seed';
const TIMESCALES_EFFECTIVE_FROM = '2018-01-01';

export interface BankHolidayRow {
  date: string;
  name: string;
  substitute_for: string;
  source: string;
}

interface TimescaleRow {
  review_type: string;
  stage: string;
  amount: string;
  unit: string;
  start_event: string;
  description: string;
}

export const readBankHolidays = async () => parseCsvRecords<BankHolidayRow>(await readFile(BANK_HOLIDAYS_CSV, 'utf8'));

/**
 * Bank holidays and timescales belong to administrators once loaded: they are seeded into empty
 * tables only, so a removed holiday or a published timescale version is never overwritten.
 */
async function seedCalendarAndTimescales(client: pg.Client): Promise<void> {
  const [{ holidays }] = (await client.query<{ holidays: number }>('SELECT count(*)::int AS holidays FROM refdata.bank_holiday')).rows;
  if (holidays === 0) {
    for (const holiday of await readBankHolidays()) {
      await client.query(
        `INSERT INTO refdata.bank_holiday (date, name, substitute_for, source, created_by) VALUES ($1::date, $2, NULLIF($3, '')::date, $4, $5)`,
        [holiday.date, holiday.name, holiday.substitute_for, holiday.source, SEEDED_BY],
      );
    }
  }
  await publishSeededBankHolidays(client);
  const [{ versions }] = (await client.query<{ versions: number }>('SELECT count(*)::int AS versions FROM refdata.timescale_version')).rows;
  if (versions === 0) await seedTimescales(client);
  await publishSeededTimescales(client);
}

async function seedTimescales(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO refdata.timescale_version (version, status, effective_from, created_by, published_at, published_by) VALUES (1, 'published', $1::date, $2, now(), $2)`,
    [TIMESCALES_EFFECTIVE_FROM, SEEDED_BY],
  );
  for (const target of parseCsvRecords<TimescaleRow>(await readFile(TIMESCALES_CSV, 'utf8'))) {
    await client.query(
      `INSERT INTO refdata.timescale_target (id, version, review_type, stage, icb_ods_code, amount, unit, start_event, description)
       VALUES ($1::uuid, 1, $2, $3, NULL, $4::int, $5, $6, NULLIF($7, ''))`,
      [randomUUID(), target.review_type, target.stage, target.amount, target.unit, target.start_event, target.description],
    );
  }
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

/** Rows of a seed CSV keyed by its header; lines starting with `#` are comments. */
export function parseCsvRecords<T>(csv: string): T[] {
  const [header, ...lines] = csv
    .trim()
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'));
  const columns = parseCsvLine(header);
  return lines.map((line) => {
    const values = parseCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, values[i] ?? ''])) as T;
  });
}

export const parseOrganisations = (csv: string) => parseCsvRecords<OrganisationSeedRow>(csv);

/**
 * Loads the organisation hierarchy (NHS England, regions, ICBs, with their first parent links) into refdata, and the bank
 * holidays and timescale defaults into an empty database; safe to repeat.
 */
export async function seedReferenceData(databaseUrl: string): Promise<number> {
  const organisations = parseOrganisations(await readFile(ORGANISATIONS_CSV, 'utf8'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await seedCalendarAndTimescales(client);
    await seedCodeLists(client, parseCsvRecords);
    await seedOrganisations(client, organisations);
    await client.query('COMMIT');
    return organisations.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
