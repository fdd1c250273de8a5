import type pg from 'pg';
import { TimescalesPublishedV1Contract, Topics, type PublishedTimescaleTargetV1 } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { sqlClientOf } from './code-lists-seed.js';

/**
 * The `reference-data.timescales.published.v1` events of the published versions (the outbox, same
 * transaction as the seed), written only while the topic has none: a new consumer (the reviews
 * deadline engine) starts from the seeded targets, not only from versions published later.
 */
export async function publishSeededTimescales(client: pg.Client): Promise<void> {
  const [{ events }] = (await client.query<{ events: number }>('SELECT count(*)::int AS events FROM refdata.outbox_event WHERE topic = $1', [Topics.timescalesPublishedV1])).rows;
  if (events > 0) return;
  const { rows: versions } = await client.query<{ version: number; effectiveFrom: string; publishedAt: Date }>(
    `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", published_at AS "publishedAt" FROM refdata.timescale_version WHERE status = 'published' ORDER BY version`,
  );
  const outbox = new OutboxWriter({ serviceName: 'reference-data', schema: 'refdata' });
  for (const version of versions) {
    const { rows: targets } = await client.query<PublishedTimescaleTargetV1>(
      `SELECT review_type AS "reviewType", stage, icb_ods_code AS "icbOdsCode", amount, unit, start_event AS "startEvent", description
       FROM refdata.timescale_target WHERE version = $1 ORDER BY review_type, stage, icb_ods_code NULLS FIRST`,
      [version.version],
    );
    const payload = { version: version.version, effectiveFrom: version.effectiveFrom, publishedAt: version.publishedAt.toISOString(), targets };
    await outbox.append(sqlClientOf(client), TimescalesPublishedV1Contract, payload, { actor: { subject: 'seed', kind: 'system' } });
  }
}
