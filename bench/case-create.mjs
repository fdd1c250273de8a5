#!/usr/bin/env node
// Throughput and latency of recording cases through the gateway, and how long until reporting
// shows them. Needs a running stack (`npm start`). Bounded: a fixed number of requests, loopback
// only. Usage: node bench/case-create.mjs [--requests 500] [--concurrency 10]
//   [--gateway http://localhost:3000] [--identity http://localhost:3100]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const requests = Number(argument('requests', 500));
const concurrency = Number(argument('concurrency', 10));
const gateway = argument('gateway', 'http://localhost:3000');
const identity = argument('identity', 'http://localhost:3100');
const databaseUrl = argument('database', process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/scrt');

const root = path.resolve(import.meta.dirname, '..');
const { caseInput } = await import(path.join(root, 'dist/libs/testing/src/case-input.js'));
const { clients } = JSON.parse(readFileSync(path.join(root, 'apps/dev-identity/demo-accounts.json'), 'utf8'));
const client = clients.find((candidate) => candidate.org_code === 'QWO');

async function accessToken() {
  const response = await fetch(new URL('/token', identity), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: client.scopes.join(' ') }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()).access_token;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const token = await accessToken();
const latencies = [];
const createdIds = [];
let failures = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      next++;
      const begin = performance.now();
      const response = await fetch(new URL('/api/v1/cases', gateway), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(caseInput()),
      });
      const body = await response.json();
      latencies.push(performance.now() - begin);
      if (response.status === 201) createdIds.push(body.id);
      else failures++;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

// How long until the last acknowledged case is in the reporting warehouse (outbox → Kafka → inbox).
const database = new pg.Client({ connectionString: databaseUrl });
await database.connect();
const lastId = createdIds.at(-1);
const waitStarted = performance.now();
while (lastId && (await database.query('SELECT 1 FROM reporting.case_fact WHERE case_id = $1', [lastId])).rowCount === 0) {
  if (performance.now() - waitStarted > 60_000) throw new Error('reporting did not catch up within 60 s');
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const catchUpMs = performance.now() - waitStarted;
const { rows } = await database.query(
  "SELECT percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM f.loaded_at - c.created_at) * 1000) AS ms FROM reporting.case_fact f JOIN intake.case_record c ON c.id = f.case_id WHERE f.case_id = ANY($1::uuid[])",
  [createdIds],
);
await database.end();

latencies.sort((a, b) => a - b);
console.log(`cases created: ${createdIds.length} of ${requests} (failures ${failures}), concurrency ${concurrency}`);
console.log(`throughput: ${(createdIds.length / seconds).toFixed(1)} cases/s over ${seconds.toFixed(1)} s`);
console.log(`latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}`);
console.log(`commit to reporting ms: p50 ${Number(rows[0].ms[0]).toFixed(0)}, p95 ${Number(rows[0].ms[1]).toFixed(0)}; last case visible ${catchUpMs.toFixed(0)} ms after the last 201`);
process.exit(failures ? 1 : 0);
