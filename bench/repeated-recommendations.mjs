#!/usr/bin/env node
// Repeated recommendations: GET /api/v1/reviews/recommendations/similar through the gateway, as a
// national user (scope: every organisation), over 50,000 recommendations, p50/p99 of sequential
// requests. The recommendations are synthetic (phrases combined), written straight into the
// reviews schema under bench-only organisation codes, and removed afterwards.
//   node bench/repeated-recommendations.mjs --own-stack [--recommendations 50000] [--requests 300]
//     starts a test-profile stack of its own (ports shifted by SCRT_TEST_PORT_OFFSET), measures,
//     and stops it; needs `npm run build`.
//   node bench/repeated-recommendations.mjs --gateway URL --identity URL --database URL   against a running stack
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const root = path.resolve(import.meta.dirname, '..');
const total = Number(argument('recommendations', 50_000));
const requests = Number(argument('requests', 300));
const BENCH_ORGANISATIONS = ['BNC01', 'BNC02', 'BNC03', 'BNC04', 'BNC05', 'BNC06', 'BNC07', 'BNC08', 'BNC09', 'BNC10'];

const who = ['Partner agencies', 'GP practices', 'The ICB', 'Health visitors', 'School nurses', 'Acute trusts', 'Mental health services', "Children's social care", 'The police', 'Ambulance crews'];
const verb = ['should share', 'must record', 'should escalate', 'should review', 'must assess', 'should seek', 'should document', 'must consider'];
const what = ['concerns about neglect', 'missed appointments', 'the voice of the child', 'domestic abuse disclosures', 'risks from a new partner', 'self-neglect', 'mental capacity', 'information from other agencies', 'hospital attendances', 'safeguarding referrals'];
const when = ['at the first strategy meeting', 'within 24 hours', 'before discharge', 'at every contact', 'in supervision', 'when a family moves area', 'at the multi-agency meeting', 'in the care plan'];
const themes = ['INFORMATION_SHARING', 'MULTI_AGENCY_WORKING', 'RISK_ASSESSMENT', 'PROFESSIONAL_CURIOSITY', 'VOICE_OF_THE_CHILD_OR_ADULT', 'TRAINING', 'SUPERVISION', 'RECORD_KEEPING'];
const pick = (list, i) => list[i % list.length];
const sentence = (i) => `${pick(who, i)} ${pick(verb, Math.floor(i / 10))} ${pick(what, Math.floor(i / 80))} ${pick(when, Math.floor(i / 800))}.`;

let stack;
let gateway = argument('gateway', 'http://localhost:3000');
let identity = argument('identity', 'http://localhost:3100');
let databaseUrl = argument('database', process.env.DATABASE_URL);
if (process.argv.includes('--own-stack')) {
  process.env.RATE_LIMIT_MAX = '100000';
  const { startStack } = await import(path.join(root, 'dist/scripts/stack/stack.js'));
  console.log('starting a test-profile stack...');
  stack = await startStack({ profile: 'test', root });
  gateway = stack.urls.gateway;
  identity = stack.urls.identity;
  databaseUrl = stack.databaseUrl;
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const clean = () => db.query('DELETE FROM reviews.recommendation WHERE organisation_code = ANY($1)', [BENCH_ORGANISATIONS]);
try {
  await clean();
  // about three recommendations a review
  const reviewIds = Array.from({ length: Math.ceil(total / 3) }, () => randomUUID());
  const started = performance.now();
  for (let offset = 0; offset < total; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - offset) }, (_, k) => offset + k);
    await db.query(
      `INSERT INTO reviews.recommendation (id, review_id, organisation_code, region_code, text, theme, agency, status, created_by)
       SELECT unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::text[]), 'Y63', unnest($4::text[]), unnest($5::text[]), 'ICB', unnest($6::text[]), 'bench'`,
      [rows.map(() => randomUUID()), rows.map((i) => reviewIds[Math.floor(i / 3)]), rows.map((i) => pick(BENCH_ORGANISATIONS, i)), rows.map(sentence), rows.map((i) => pick(themes, i)), rows.map((i) => (i % 4 === 0 ? 'IMPLEMENTED' : 'ACCEPTED'))],
    );
  }
  await db.query('ANALYZE reviews.recommendation');
  console.log(`wrote ${total.toLocaleString('en-GB')} recommendations in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { signInForTokens } = await import(path.join(root, 'dist/libs/testing/src/identity-client.js'));
  const { accessToken } = await signInForTokens(identity, { username: 'national.analyst' });
  const queries = Array.from({ length: requests }, (_, i) => ({ text: sentence(i * 7919).replace(/\.$/, '').toLowerCase(), theme: pick(themes, i) }));
  const lookup = async ({ text, theme }) => {
    const url = new URL('/api/v1/reviews/recommendations/similar', gateway);
    url.searchParams.set('text', text);
    url.searchParams.set('theme', theme);
    const response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`similar answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  for (const query of queries.slice(0, 20)) await lookup(query); // warm-up
  const latencies = [];
  let matches = 0;
  for (const query of queries) {
    const sent = performance.now();
    const body = await lookup(query);
    latencies.push(performance.now() - sent);
    matches += body.matches.length;
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const example = await lookup(queries[0]);
  console.log(`GET /api/v1/reviews/recommendations/similar over ${total.toLocaleString('en-GB')} recommendations (pg_trgm GiST index, nearest first), ${requests} sequential requests through ${gateway}:`);
  console.log(`  p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms; ${(matches / requests).toFixed(1)} matches a request`);
  console.log(`  e.g. "${queries[0].text}": ${example.matches.length} matches from ${example.reviews} reviews, ${example.organisations} organisations, ${example.implemented} implemented; best ${example.matches[0]?.similarity} "${example.matches[0]?.text}"`);
  console.log(`  load average ${(await import('node:os')).loadavg().map((load) => load.toFixed(1)).join(' ')} (a shared machine)`);
} finally {
  await clean();
  await db.end();
  await stack?.stop();
}
