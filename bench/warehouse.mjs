#!/usr/bin/env node
// The reporting warehouse at scale (issue 11 §4). Needs a running stack with a high rate limit:
//   RATE_LIMIT_MAX=100000 npm start                       (in one terminal)
//   node bench/warehouse.mjs fill --cases 1000000 --learning 5000000
//   node bench/warehouse.mjs fill-learning --learning 1000000   more learning rows on the synthetic reviews
//   node bench/warehouse.mjs reports [--requests 20] [--only themes]   every report x national, region, ICB (p50/p95)
//   node bench/warehouse.mjs replay --events 50000        publishes events, then times `npm run warehouse:rebuild`
//   node bench/warehouse.mjs clean                        removes the synthetic rows
// `fill` writes synthetic facts straight into the warehouse tables with set-based INSERT ... SELECT
// over generate_series inside PostgreSQL (faster than COPY: nothing crosses the wire), all marked
// with one source event id so that `clean` finds them. `replay` rebuilds the warehouse from the
// topics, which also drops the synthetic rows (they were never events).
// Freshness at 100 events/s (commit to warehouse): `node bench/request-path.mjs --only freshness`.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const command = process.argv[2];
const root = path.resolve(import.meta.dirname, '..');
const gateway = argument('gateway', 'http://localhost:3000');
const identity = argument('identity', 'http://localhost:3100');
const databaseUrl = argument('database', process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/scrt');
const brokers = argument('brokers', process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
const SYNTHETIC = '00000000-0000-4000-8000-00000000b0b0';
const THEMES = ['NEGLECT', 'PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'DOMESTIC_ABUSE', 'SELF_NEGLECT', 'FINANCIAL', 'MODERN_SLAVERY', 'DISCRIMINATORY', 'ORGANISATIONAL', 'CCE', 'CSE', 'FGM', 'ONLINE', 'RADICALISATION', 'MENTAL_HEALTH', 'SUBSTANCE_MISUSE'];
const FACT_TABLES = ['learning_fact', 'stage_transition_fact', 'review_fact', 'case_theme_fact', 'case_fact'];

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** Where each ICB of the warehouse's hierarchy copy belongs (42 ICBs, 7 regions in the seed). */
async function icbs(database) {
  const { rows } = await database.query(`SELECT ods_code AS code, state->'parentLinks'->0->>'parentOdsCode' AS region FROM reporting.reference_organisation WHERE state->>'type' = 'icb' ORDER BY ods_code`);
  if (rows.length === 0) throw new Error('the warehouse has no copy of the hierarchy yet: start the stack and wait for reference data');
  return rows;
}

async function fill(database, cases, learning) {
  const organisations = await icbs(database);
  const codes = organisations.map((org) => org.code);
  const regions = organisations.map((org) => org.region);
  console.log(`filling ${cases} cases over ${codes.length} ICBs and 10 years, and ${learning} learning rows...`);
  let started = performance.now();
  await database.query('SET synchronous_commit = off');
  // Skewed ICB sizes (power law), more cases in recent years (sqrt), realistic type and theme mix.
  await database.query(
    `INSERT INTO reporting.case_fact (case_id, version, organisation_code, region_code, review_type, incident_date, date_added, subject_group, designated_professional,
       identifier_count, withdrawn, recorded_at, updated_at, source_event_id, source_occurred_at)
     SELECT md5('case' || g)::uuid, 1 + (g % 5), ($1::text[])[o], ($2::text[])[o],
       CASE WHEN t < 0.45 THEN 'RAPID_REVIEW' WHEN t < 0.60 THEN 'CSPR_LOCAL' WHEN t < 0.62 THEN 'CSPR_NATIONAL' WHEN t < 0.82 THEN 'SAR' WHEN t < 0.94 THEN 'DHR' WHEN t < 0.96 THEN 'DHR_CHILD' ELSE 'OTHER' END,
       added - (g % 60), added, CASE WHEN g % 3 = 0 THEN 'ADULT' ELSE 'CHILD' END,
       (ARRAY['DESIGNATED_NURSE_CHILDREN', 'DESIGNATED_DOCTOR_CHILDREN', 'DESIGNATED_LEAD_ADULTS', 'LOOKED_AFTER_CHILDREN', NULL])[1 + g % 5],
       CASE WHEN g % 5 = 0 THEN 0 ELSE 1 + g % 2 END, g % 50 = 0, added + interval '9 hours', added + interval '30 days', $3::uuid, added + interval '30 days'
     FROM (SELECT g, 1 + floor(power(random(), 1.6) * $4)::int AS o, random() AS t, date '2016-04-01' + floor(sqrt(random()) * 3651)::int AS added
           FROM generate_series(1, $5::int) g) s`,
    [codes, regions, SYNTHETIC, codes.length, cases],
  );
  console.log(`  case_fact: ${seconds(started)} s`);
  started = performance.now();
  const themes = THEMES;
  await database.query(
    `INSERT INTO reporting.case_theme_fact (case_id, position, theme_code)
     SELECT f.case_id, p, ($1::text[])[1 + ((abs(hashtext(f.case_id::text)) / (p * 7)) % array_length($1::text[], 1))]
     FROM reporting.case_fact f, generate_series(1, 3) p
     WHERE f.source_event_id = $2::uuid AND p <= 1 + abs(hashtext(f.case_id::text)) % 3
     ON CONFLICT DO NOTHING`,
    [themes, SYNTHETIC],
  );
  console.log(`  case_theme_fact: ${seconds(started)} s`);
  started = performance.now();
  await database.query(
    `INSERT INTO reporting.review_fact (review_id, version, case_id, organisation_code, region_code, review_type, stage, stage_date, status, converted_to_id,
       signed_off_on, publication_state, published_on, created_at, updated_at, source_event_id, source_occurred_at)
     SELECT md5('review' || f.case_id)::uuid, 1, f.case_id, f.organisation_code, f.region_code, f.review_type,
       CASE WHEN age > 400 THEN 'PUBLISHED' WHEN age > 200 THEN 'SIGNED_OFF' WHEN age > 30 THEN 'IN_PROGRESS' ELSE 'RAPID_REVIEW' END,
       f.date_added + least(age, 400), CASE WHEN age > 200 THEN 'closed' ELSE 'open' END,
       CASE WHEN f.review_type = 'RAPID_REVIEW' AND abs(hashtext(f.case_id::text)) % 10 < 3 THEN md5('converted' || f.case_id)::uuid END,
       CASE WHEN age > 200 AND abs(hashtext(f.case_id::text)) % 20 > 0 THEN f.date_added + 200 END,
       CASE WHEN age > 400 THEN (CASE WHEN abs(hashtext(f.case_id::text)) % 10 = 0 THEN 'EMBARGOED' ELSE 'PUBLISHED' END) END,
       CASE WHEN age > 400 THEN f.date_added + 400 END, f.recorded_at, f.updated_at, $1::uuid, f.updated_at
     FROM (SELECT *, (current_date - date_added) AS age FROM reporting.case_fact WHERE source_event_id = $1::uuid) f`,
    [SYNTHETIC],
  );
  await database.query(
    `INSERT INTO reporting.review_fact (review_id, version, case_id, organisation_code, region_code, review_type, stage, stage_date, status, converted_from_id, created_at, updated_at, source_event_id, source_occurred_at)
     SELECT r.converted_to_id, 1, r.case_id, r.organisation_code, r.region_code, (ARRAY['CSPR_LOCAL', 'SAR', 'DHR'])[1 + abs(hashtext(r.review_id::text)) % 3], 'IN_PROGRESS', r.stage_date, 'open', r.review_id,
       r.created_at + interval '21 days', r.updated_at, $1::uuid, r.updated_at
     FROM reporting.review_fact r WHERE r.source_event_id = $1::uuid AND r.converted_to_id IS NOT NULL`,
    [SYNTHETIC],
  );
  await database.query(
    `INSERT INTO reporting.stage_transition_fact (review_id, to_stage, from_stage, entered_on, target_on, slippage_days, source_event_id)
     SELECT r.review_id, 'DECISION', 'RAPID_REVIEW', (r.created_at)::date + 15 + abs(hashtext(r.review_id::text)) % 20, (r.created_at)::date + 21, greatest(0, abs(hashtext(r.review_id::text)) % 20 - 6), $1::uuid
     FROM reporting.review_fact r WHERE r.source_event_id = $1::uuid`,
    [SYNTHETIC],
  );
  console.log(`  review_fact and stage_transition_fact: ${seconds(started)} s`);
  await fillLearning(database, learning, themes);
}

/** Learning rows (recommendations, actions, lessons, dissemination, re-audits) on the synthetic reviews. */
async function fillLearning(database, learning, themes = THEMES) {
  const started = performance.now();
  await database.query(
    `INSERT INTO reporting.learning_fact (item_id, kind, version, review_id, organisation_code, region_code, review_type, theme_code, status, due_on, completed_on, occurred_on, method, source_event_id)
     SELECT md5('learning' || g)::uuid, k.kind, 1, r.review_id, r.organisation_code, r.region_code, r.review_type,
       CASE WHEN k.kind = 'recommendation' THEN ($3::text[])[1 + g % array_length($3::text[], 1)] END,
       (ARRAY['OPEN', 'IN_PROGRESS', 'COMPLETED', 'EMBEDDED'])[1 + g % 4],
       CASE WHEN k.kind IN ('action', 'reaudit') THEN r.stage_date + 90 END,
       CASE WHEN g % 4 >= 2 THEN r.stage_date + 60 END, r.stage_date,
       CASE WHEN k.kind = 'dissemination' THEN (ARRAY['SEVEN_MINUTE_BRIEFING', 'LEARNING_EVENT', 'NEWSLETTER', 'TRAINING'])[1 + g % 4] END, $1::uuid
     FROM generate_series(1, $2::int) g
     JOIN reporting.review_fact r ON r.review_id = md5('review' || md5('case' || (1 + g % (SELECT count(*) FROM reporting.case_fact WHERE source_event_id = $1::uuid)))::uuid)::uuid
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 < 6 THEN 'recommendation' WHEN g % 20 < 15 THEN 'action' WHEN g % 20 < 17 THEN 'lesson' WHEN g % 20 < 19 THEN 'dissemination' ELSE 'reaudit' END AS kind) k`,
    [SYNTHETIC, learning, themes],
  );
  console.log(`  learning_fact: ${seconds(started)} s`);
  for (const table of FACT_TABLES) await database.query(`ANALYZE reporting.${table}`);
  await database.query(
    `INSERT INTO reporting.warehouse_state (id, data_as_of) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET data_as_of = greatest(reporting.warehouse_state.data_as_of, now())`,
  );
  await summarise(database);
}

/**
 * The synthetic facts bypassed the projector, so their cells are marked here; then this waits
 * while the reporting service's refresher computes the summaries, and says how long that took.
 */
async function summarise(database) {
  const started = performance.now();
  await markSyntheticCells(database);
  for (;;) {
    const { rows } = await database.query('SELECT count(*)::int AS n FROM reporting.summary_dirty');
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const { rows } = await database.query('SELECT count(*)::int AS n FROM reporting.report_summary');
  console.log(`  report summaries refreshed by the reporting service: ${seconds(started)} s (${rows[0].n} summary rows)`);
}

const markSyntheticCells = (database) =>
  database.query(
    `INSERT INTO reporting.summary_dirty (month, organisation_code)
     SELECT DISTINCT summary_month, organisation_code FROM (
       SELECT summary_month, organisation_code FROM reporting.case_fact WHERE source_event_id = $1::uuid
       UNION ALL SELECT summary_month, organisation_code FROM reporting.review_fact WHERE source_event_id = $1::uuid
       UNION ALL SELECT summary_month, organisation_code FROM reporting.learning_fact WHERE source_event_id = $1::uuid
     ) AS cells WHERE summary_month IS NOT NULL`,
    [SYNTHETIC],
  );

async function reports(requests) {
  const { clientCredentialsToken, signInForTokens } = await import(path.join(root, 'dist/libs/testing/src/identity-client.js'));
  const { clients } = JSON.parse(readFileSync(path.join(root, 'apps/dev-identity/demo-accounts.json'), 'utf8'));
  const national = clients.find((client) => client.client_id === 'nhse-reporting-system');
  const principals = {
    national: await clientCredentialsToken(identity, national.client_id, national.client_secret, national.scopes.join(' ')),
    'region Y63': (await signInForTokens(identity, { username: 'region.oversight' })).accessToken,
    'ICB QWO': (await signInForTokens(identity, { username: 'icb.reporting' })).accessToken,
  };
  const only = argument('only');
  const paths = [
    ...['caseload?period=financialYear', 'caseload?period=month&from=2025-04-01&to=2026-03-31', 'conversion?period=quarter', 'timeliness?period=financialYear', 'timeliness'],
    ...['themes?period=financialYear', 'themes?period=financialYear&area=region', 'themes?period=financialYear&area=all', 'themes', 'learning', 'workload', 'data-quality', 'caseload/csv?period=quarter'],
  ].filter((reportPath) => !only || reportPath.includes(only));
  console.log(`${'report'.padEnd(54)} ${'principal'.padEnd(12)} ${'rows'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const reportPath of paths) {
    for (const [label, token] of Object.entries(principals)) {
      const timings = [];
      let rows = 0;
      let failed = '';
      for (let index = 0; index < requests + 1 && !failed; index += 1) {
        const started = performance.now();
        const response = await fetch(`${gateway}/api/v1/reports/${reportPath}`, { headers: { authorization: `Bearer ${token}` } });
        const text = await response.text();
        if (response.status !== 200) failed = `${response.status} ${JSON.parse(text).code ?? ''} after ${(performance.now() - started).toFixed(0)} ms`;
        else if (index >= 1) timings.push(performance.now() - started);
        if (!failed) rows = reportPath.includes('/csv') ? text.split('\r\n').length - 2 : JSON.parse(text).rows.length;
      }
      if (failed) {
        console.log(`${reportPath.padEnd(54)} ${label.padEnd(12)} failed: ${failed}`);
        continue;
      }
      timings.sort((a, b) => a - b);
      const at = (fraction) => timings[Math.min(timings.length - 1, Math.ceil(fraction * timings.length) - 1)].toFixed(0);
      console.log(`${reportPath.padEnd(54)} ${label.padEnd(12)} ${String(rows).padStart(6)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)}`);
    }
  }
}

async function replay(events) {
  const kafka = new Kafka({ clientId: 'bench-warehouse', brokers: brokers.split(','), logLevel: logLevel.WARN });
  const producer = kafka.producer();
  await producer.connect();
  const { caseEventStream } = await import(path.join(root, 'dist/libs/testing/src/case-event-stream.js'));
  let published = 0;
  const started = performance.now();
  while (published < events) {
    const batch = caseEventStream({ cases: 500 });
    await producer.sendBatch({ topicMessages: batch.map(({ topic, key, envelope }) => ({ topic, messages: [{ key, value: JSON.stringify(envelope) }] })) });
    published += batch.length;
  }
  await producer.disconnect();
  console.log(`published ${published} case events in ${seconds(started)} s; rebuilding the warehouse from the topics...`);
  const rebuild = spawnSync(process.execPath, [path.join(root, 'dist/apps/reporting/src/rebuild/main.js')], { env: { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers }, encoding: 'utf8' });
  process.stdout.write(rebuild.stdout + rebuild.stderr);
}

const database = new pg.Client({ connectionString: databaseUrl, application_name: `bench-warehouse-${randomUUID().slice(0, 8)}` });
await database.connect();
try {
  if (command === 'fill') await fill(database, Number(argument('cases', 1_000_000)), Number(argument('learning', 5_000_000)));
  else if (command === 'fill-learning') await fillLearning(database, Number(argument('learning', 5_000_000)));
  else if (command === 'reports') await reports(Number(argument('requests', 20)));
  else if (command === 'replay') await replay(Number(argument('events', 50_000)));
  else if (command === 'clean') {
    await markSyntheticCells(database);
    await database.query(`DELETE FROM reporting.case_theme_fact WHERE case_id IN (SELECT case_id FROM reporting.case_fact WHERE source_event_id = $1::uuid)`, [SYNTHETIC]);
    for (const table of FACT_TABLES.filter((name) => name !== 'case_theme_fact')) await database.query(`DELETE FROM reporting.${table} WHERE source_event_id = $1::uuid`, [SYNTHETIC]);
    await summarise(database);
  }
  else throw new Error('usage: node bench/warehouse.mjs fill|reports|replay|clean [options]; see the head of the file');
} finally {
  await database.end();
}
