#!/usr/bin/env node
// Lists, search and read by id over 100,000 cases (half in one ICB, half across the country),
// through the gateway, beside the same SQL sent straight to PostgreSQL (the baseline). Each
// operation runs open loop at a fixed rate; latency is measured from the scheduled send time.
//
// Needs a running dev stack whose rate limit will not interfere:
//   RATE_LIMIT_MAX=100000 npm start        (in one terminal)
//   node bench/case-list.mjs                  (in another)
// Options: --gateway URL --identity URL --database URL (the owner's) --rate 20 --seconds 6 --cases 100000
// The cases are written once, straight into intake.case_record (created_by 'bench-case-list').
import path from 'node:path';
import pg from 'pg';
import { describeMachine, withMachineLoad } from './lib/machine-load.mjs';
import { openLoop } from './lib/open-loop.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const gateway = argument('gateway', 'http://localhost:3000');
const identity = argument('identity', 'http://localhost:3100');
const databaseUrl = argument('database', process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/scrt');
const rate = Number(argument('rate', 20));
const durationMs = Number(argument('seconds', 6)) * 1000;
const caseCount = Number(argument('cases', 100_000));
const ICB = 'QWO';
const MARK = 'bench-case-list';
const WORDS = ['neglect', 'school', 'referral', 'missed', 'appointment', 'housing', 'nurse', 'panel', 'discharge', 'carer'];

const root = path.resolve(import.meta.dirname, '..');
const { signInForTokens } = await import(path.join(root, 'dist/libs/testing/src/identity-client.js'));
const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });

/** Half the cases under the ICB, half spread over every other ICB in force; one in 1000 mentions a lighthouse. */
async function seed() {
  const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM intake.case_record WHERE created_by = $1`, [MARK])).rows;
  if (count >= caseCount) return count;
  const icbs = (
    await pool.query(
      `SELECT ods_code, state->'parentLinks'->-1->>'parentOdsCode' AS region FROM intake.reference_organisation
        WHERE state->>'type' = 'icb' AND state->>'effectiveTo' IS NULL AND ods_code <> $1 ORDER BY ods_code`,
      [ICB],
    )
  ).rows;
  if (icbs.length === 0) throw new Error("case-intake's copy of the hierarchy is empty: start the stack and wait for its reference data");
  await pool.query(
    `INSERT INTO intake.case_record (id, organisation_code, region_code, review_type, incident_date, date_added, subject_group, themes, brief_information, comments, identifiers, created_by, created_at, updated_at, version)
     SELECT gen_random_uuid(),
            CASE WHEN g % 2 = 0 THEN $2 ELSE ($3::text[])[1 + g % cardinality($3::text[])] END,
            CASE WHEN g % 2 = 0 THEN 'Y63' ELSE ($4::text[])[1 + g % cardinality($4::text[])] END,
            (ARRAY['RAPID_REVIEW','SAR','DHR','CSPR_LOCAL'])[1 + g % 4], DATE '2024-01-01' + (g % 900), DATE '2024-01-03' + (g % 900), 'CHILD',
            ARRAY[(ARRAY['NEGLECT','PHYSICAL','EMOTIONAL','SEXUAL'])[1 + g % 4]],
            ($5::text[])[1 + g % 10] || ' ' || ($5::text[])[1 + (g / 10) % 10] || ' ' || ($5::text[])[1 + (g / 100) % 10] || CASE WHEN g % 1000 = 7 THEN ' lighthouse' ELSE '' END,
            'Bench case ' || g, jsonb_build_array(jsonb_build_object('type', 'LOCAL', 'value', 'BENCH-' || g)),
            $1, now() - make_interval(secs => g), now() - make_interval(secs => g), 1
       FROM generate_series($6::int + 1, $7::int) AS g`,
    [MARK, ICB, icbs.map((icb) => icb.ods_code), icbs.map((icb) => icb.region), WORDS, count, caseCount],
  );
  await pool.query('ANALYZE intake.case_record');
  return caseCount;
}

const started = performance.now();
const seeded = await seed();
console.log(`${seeded} bench cases in intake.case_record (seeded or found in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
const icbIds = (await pool.query(`SELECT id FROM intake.case_record WHERE created_by = $1 AND organisation_code = $2 LIMIT 1000`, [MARK, ICB])).rows.map((row) => row.id);

const token = async (username) => (await signInForTokens(identity, { username })).accessToken;
const [icbToken, nationalToken] = [await token('icb.input'), await token('national.analyst')];
async function get(url, bearer) {
  const response = await fetch(new URL(url, gateway), { headers: { authorization: `Bearer ${bearer}` } });
  const body = await response.json();
  return { ok: response.status === 200, body };
}
const secondPageOf = async (bearer) => `/api/v1/cases?limit=25&cursor=${(await get('/api/v1/cases?limit=25', bearer)).body.nextCursor}`;
const randomIcbId = () => icbIds[Math.floor(Math.random() * icbIds.length)];

// What case-intake's repository sends for each (keyset page of ids in scope, then the rows; one row by id).
const page = (scopeSql, extra = '') => `SELECT * FROM intake.case_record c WHERE ${scopeSql} AND c.status = 'open' ${extra} ORDER BY c.updated_at DESC, c.id DESC LIMIT 26`;
const icbScope = `c.organisation_code = ANY(ARRAY['${ICB}'])`;
const search = `AND to_tsvector('english', c.brief_information || ' ' || coalesce(c.comments, '')) @@ websearch_to_tsquery('english', 'lighthouse')`;
const operations = [
  { name: 'list, one ICB, first page', url: async () => '/api/v1/cases?limit=25', bearer: icbToken, sql: () => [page(icbScope)] },
  { name: 'list, one ICB, next page (cursor)', url: () => secondPageOf(icbToken), bearer: icbToken, sql: () => [page(icbScope)] },
  { name: 'search, one ICB (q)', url: async () => '/api/v1/cases?limit=25&q=lighthouse', bearer: icbToken, sql: () => [page(icbScope, search)] },
  { name: 'list, national, first page', url: async () => '/api/v1/cases?limit=25', bearer: nationalToken, sql: () => [page('TRUE')] },
  { name: 'search, national (q)', url: async () => '/api/v1/cases?limit=25&q=lighthouse', bearer: nationalToken, sql: () => [page('TRUE', search)] },
  { name: 'read by id, one ICB', url: null, bearer: icbToken, sql: () => ['SELECT * FROM intake.case_record c WHERE c.id = $1 AND ' + icbScope, [randomIcbId()]] },
];

const rows = [];
for (const operation of operations) {
  const url = operation.url ? await operation.url() : null;
  const viaGateway = await withMachineLoad(() =>
    openLoop({ rate, durationMs, send: async () => (await get(url ?? `/api/v1/cases/${randomIcbId()}`, operation.bearer)).ok }),
  );
  const baseline = await openLoop({
    rate,
    durationMs,
    send: async () => {
      const [sql, values] = operation.sql();
      await pool.query(sql, values);
      return true;
    },
  });
  rows.push({ operation: operation.name, viaGateway, baseline });
}

const fmt = (value) => value.toFixed(1).padStart(7);
console.log(`\n${describeMachine()}\n${rate} requests/s for ${durationMs / 1000} s each; ${seeded} cases (${seeded / 2} in ${ICB})\n`);
console.log(`${'operation'.padEnd(36)} ${'gw p50'.padStart(7)} ${'gw p99'.padStart(7)} ${'sql p50'.padStart(7)} ${'sql p99'.padStart(7)} ${'p50 x'.padStart(7)}  failures  machine busy`);
for (const { operation, viaGateway, baseline } of rows) {
  console.log(`${operation.padEnd(36)} ${fmt(viaGateway.p50)} ${fmt(viaGateway.p99)} ${fmt(baseline.p50)} ${fmt(baseline.p99)} ${fmt(viaGateway.p50 / baseline.p50)}  ${String(viaGateway.failures).padStart(8)}  ${(viaGateway.cpuBusy * 100).toFixed(0)}%`);
}
await pool.end();
