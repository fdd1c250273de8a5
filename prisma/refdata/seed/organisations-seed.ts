import type pg from 'pg';
import { OrganisationChangedV1Contract, Topics } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { organisationChangedPayload, type HierarchySnapshot, type OrganisationType } from '@scrt/reference-copy';
import { sqlClientOf } from './code-lists-seed.js';

export interface OrganisationSeedRow {
  ods_code: string;
  name: string;
  type: string;
  parent_ods_code: string;
  effective_from: string;
}

const SEEDED_BY = 'seed';

async function loadSnapshot(client: pg.Client): Promise<HierarchySnapshot> {
  const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  const [organisations, links, successions] = await Promise.all([
    client.query(`SELECT ods_code, name, type, ${date('effective_from')} AS effective_from, ${date('effective_to')} AS effective_to FROM refdata.organisation`),
    client.query(`SELECT child_ods_code, parent_ods_code, ${date('effective_from')} AS effective_from, ${date('effective_to')} AS effective_to FROM refdata.organisation_parent_link`),
    client.query(`SELECT predecessor_ods_code, successor_ods_code, ${date('effective_from')} AS effective_from FROM refdata.organisation_succession`),
  ]);
  return {
    organisations: organisations.rows.map((row) => ({ odsCode: row.ods_code, name: row.name, type: row.type as OrganisationType, effectiveFrom: row.effective_from, effectiveTo: row.effective_to })),
    parentLinks: links.rows.map((row) => ({ childOdsCode: row.child_ods_code, parentOdsCode: row.parent_ods_code, effectiveFrom: row.effective_from, effectiveTo: row.effective_to })),
    successions: successions.rows.map((row) => ({ predecessorOdsCode: row.predecessor_ods_code, successorOdsCode: row.successor_ods_code, effectiveFrom: row.effective_from })),
  };
}

/**
 * The 2022 hierarchy (NHS England, regions, ICBs) with each one's first parent link; every
 * organisation never yet published gets its `reference-data.organisation.changed.v1` event (the
 * outbox, same transaction), so a consumer's copy holds the seeded hierarchy too.
 */
export async function seedOrganisations(client: pg.Client, organisations: OrganisationSeedRow[]): Promise<void> {
  for (const org of organisations) {
    await client.query(
      `INSERT INTO refdata.organisation (ods_code, name, type, parent_ods_code, effective_from)
       VALUES ($1, $2, $3, NULLIF($4, ''), $5::date)
       ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, effective_from = EXCLUDED.effective_from, updated_at = now()`,
      [org.ods_code, org.name, org.type, org.parent_ods_code, org.effective_from],
    );
    // The first parent link only: later links come from change imports, which a re-seed must not undo.
    await client.query(
      `INSERT INTO refdata.organisation_parent_link (child_ods_code, parent_ods_code, effective_from)
       SELECT $1::varchar, $2::varchar, $3::date WHERE $2::varchar <> '' AND NOT EXISTS (SELECT 1 FROM refdata.organisation_parent_link WHERE child_ods_code = $1)`,
      [org.ods_code, org.parent_ods_code, org.effective_from],
    );
  }
  const unpublished = await client.query<{ ods_code: string }>(
    `SELECT ods_code FROM refdata.organisation o WHERE NOT EXISTS (SELECT 1 FROM refdata.outbox_event e WHERE e.topic = $1 AND e.message_key = o.ods_code) ORDER BY ods_code`,
    [Topics.organisationChangedV1],
  );
  if (unpublished.rows.length === 0) return;
  const snapshot = await loadSnapshot(client);
  const outbox = new OutboxWriter({ serviceName: 'reference-data', schema: 'refdata' });
  for (const { ods_code } of unpublished.rows) {
    await outbox.append(sqlClientOf(client), OrganisationChangedV1Contract, organisationChangedPayload(snapshot, ods_code), { actor: { subject: SEEDED_BY, kind: 'system' } });
  }
}
