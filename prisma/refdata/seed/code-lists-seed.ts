import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { CodeListPublishedV1Contract, type PublishedCodeV1 } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';

const CODE_LISTS_CSV = path.join(import.meta.dirname, 'code-lists.csv');
const DEFINITIONS_CSV = path.join(import.meta.dirname, 'code-list-definitions.csv');
const SEEDED_BY = 'seed';
const EFFECTIVE_FROM = '2018-01-01';

interface DefinitionRow {
  code: string;
  name: string;
  description: string;
  grouped: string;
}

interface CodeRow {
  list: string;
  code: string;
  label: string;
  description: string;
  parent: string;
}

type CsvParser = <T>(csv: string) => T[];

/** The seed codes of every list, in file order (the sort order). */
export async function readSeedCodeLists(parseCsvRecords: CsvParser) {
  const definitions = parseCsvRecords<DefinitionRow>(await readFile(DEFINITIONS_CSV, 'utf8'));
  const rows = parseCsvRecords<CodeRow>(await readFile(CODE_LISTS_CSV, 'utf8'));
  return definitions.map((definition) => ({
    ...definition,
    codes: rows
      .filter((row) => row.list === definition.code)
      .map((row, index): PublishedCodeV1 => ({ code: row.code, label: row.label, description: row.description || null, sortOrder: (index + 1) * 10, parentCode: row.parent || null, deprecated: false })),
  }));
}

/** The raw-SQL surface of messaging over a pg client already in a transaction. */
export const sqlClientOf = (client: pg.Client): SqlClient => ({
  $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
  $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
});

/**
 * Version 1 of every code list that does not exist yet, published with its event (the outbox, in
 * the same transaction), so that every consumer's copy holds the seed lists too. A list that exists
 * belongs to the administrators and is left alone.
 */
export async function seedCodeLists(client: pg.Client, parseCsvRecords: CsvParser): Promise<void> {
  const outbox = new OutboxWriter({ serviceName: 'reference-data', schema: 'refdata' });
  for (const list of await readSeedCodeLists(parseCsvRecords)) {
    const inserted = await client.query(
      'INSERT INTO refdata.code_list (code, name, description, grouped) VALUES ($1, $2, NULLIF($3, \'\'), $4::boolean) ON CONFLICT (code) DO NOTHING',
      [list.code, list.name, list.description, list.grouped],
    );
    if (inserted.rowCount === 0) continue;
    const published = await client.query<{ published_at: Date }>(
      `INSERT INTO refdata.code_list_version (list_code, version, status, effective_from, created_by, published_at, published_by)
       VALUES ($1, 1, 'published', $2::date, $3, now(), $3) RETURNING published_at`,
      [list.code, EFFECTIVE_FROM, SEEDED_BY],
    );
    for (const code of list.codes) {
      await client.query(
        `INSERT INTO refdata.code_list_entry (list_code, version, code, label, description, sort_order, parent_code, deprecated) VALUES ($1, 1, $2, $3, $4, $5, $6, false)`,
        [list.code, code.code, code.label, code.description, code.sortOrder, code.parentCode],
      );
    }
    const payload = { listCode: list.code, listName: list.name, version: 1, effectiveFrom: EFFECTIVE_FROM, publishedAt: published.rows[0].published_at.toISOString(), codes: list.codes };
    await outbox.append(sqlClientOf(client), CodeListPublishedV1Contract, payload, { actor: { subject: SEEDED_BY, kind: 'system' } });
  }
}
