#!/usr/bin/env node
// The request path, measured honestly: for each operation, the highest rate the stack sustains
// through the gateway with p99 within target (open loop, latency from the scheduled send time),
// beside the same SQL sent straight to PostgreSQL (the baseline), and their ratio; then the time
// from commit to the reporting warehouse at a steady 100 events/s. Bounded in time, loopback only.
//
// Needs a running stack whose rate limit will not interfere:
//   RATE_LIMIT_MAX=100000 npm start        (in one terminal)
//   node bench/request-path.mjs               (in another)
// Options: --gateway URL --identity URL --database URL --step-seconds 4 --max-rate 3000
//   --only "record a case,read a case by id,caseload report,freshness" --pool 16 --freshness-seconds 10 --freshness-rate 100
//   --state .local/dev-stack/stack.json (the stack's processes, for CPU ms per request)
//   --fixed-rate 40 [--fixed-seconds 10]: instead of stepping, each operation at one rate (A/B runs)
// CPU ms per request (gateway, owning service, PostgreSQL with its backends) is read from /proc:
// other users' load moves latency a lot on a shared machine, but the stack's own CPU hardly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openBaseline } from './lib/baseline.mjs';
import { describeMachine, withMachineLoad } from './lib/machine-load.mjs';
import { findSustainableRate, openLoop } from './lib/open-loop.mjs';
import { describeCpu, stackProcesses, withStackCpu } from './lib/stack-cpu.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const gateway = argument('gateway', 'http://localhost:3000');
const identity = argument('identity', 'http://localhost:3100');
const databaseUrl = argument('database', process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/scrt');
const stepMs = Number(argument('step-seconds', 4)) * 1000;
const maxRate = Number(argument('max-rate', 3000));
const poolSize = Number(argument('pool', 16));
const freshnessSeconds = Number(argument('freshness-seconds', 10));
const freshnessRate = Number(argument('freshness-rate', 100));
const only = argument('only', undefined)?.split(',');
const fixedRate = argument('fixed-rate', undefined) && Number(argument('fixed-rate'));
const fixedMs = Number(argument('fixed-seconds', 10)) * 1000;

const root = path.resolve(import.meta.dirname, '..');
const stackGroups = stackProcesses(argument('state', path.join(root, '.local/dev-stack/stack.json')));
const measured = (run) => withMachineLoad(() => withStackCpu(stackGroups, run));
const { clientCredentialsToken, signInForTokens } = await import(path.join(root, 'dist/libs/testing/src/identity-client.js'));
const { caseInput } = await import(path.join(root, 'dist/libs/testing/src/case-input.js'));
const { clients } = JSON.parse(readFileSync(path.join(root, 'apps/dev-identity/demo-accounts.json'), 'utf8'));
const caseSystem = clients.find((candidate) => candidate.org_code === 'QWO');

const machineToken = await clientCredentialsToken(identity, caseSystem.client_id, caseSystem.client_secret, caseSystem.scopes.join(' '));
const { accessToken: reportingToken } = await signInForTokens(identity, { username: 'icb.input' });

let rateLimited = 0;
async function call(method, url, token, body) {
  const response = await fetch(new URL(url, gateway), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status === 429) rateLimited += 1;
  return { status: response.status, text };
}

const createdIds = [];
const stackOperations = {
  'record a case': {
    p99TargetMs: 100,
    send: async () => {
      const { status, text } = await call('POST', '/api/v1/cases', machineToken, caseInput());
      if (status === 201) createdIds.push(JSON.parse(text).id);
      return status === 201;
    },
  },
  'read a case by id': {
    p99TargetMs: 50,
    send: async () => (await call('GET', `/api/v1/cases/${createdIds[Math.floor(Math.random() * createdIds.length)]}`, machineToken)).status === 200,
  },
  'caseload report': {
    p99TargetMs: 50,
    send: async () => (await call('GET', '/api/v1/reports/caseload', reportingToken)).status === 200,
  },
};

const formatStep = (label) => (result, met) =>
  console.log(
    `  ${label.padEnd(9)} ${String(result.rate).padStart(5)}/s: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, failures ${result.failures}, dropped ${result.dropped}, machine cpu ${(result.cpuBusy * 100).toFixed(0)}%${result.cpuMsPerRequest ? `, cpu ms/request: ${describeCpu(result)}` : ''} ${met ? '' : '(misses)'}`,
  );

async function sustainable(label, send, p99TargetMs) {
  await openLoop({ rate: 20, durationMs: 1000, send }); // warm-up: connections, JIT, caches
  const { best } = await findSustainableRate({
    startRate: 25,
    maxRate,
    p99TargetMs,
    step: (rate) => measured(() => openLoop({ rate, durationMs: stepMs, send })),
    onStep: formatStep(label),
  });
  return best;
}

console.log(`machine: ${describeMachine()}`);
console.log(fixedRate ? `fixed rate ${fixedRate}/s for ${fixedMs / 1000} s per operation\n` : `steps of ${stepMs / 1000} s, baseline pool ${poolSize} pg clients\n`);
if (!stackGroups) console.log('(no stack state found: CPU ms per request not measured)\n');
const baseline = await openBaseline(databaseUrl, poolSize);
const rows = [];
try {
  for (const [name, operation] of Object.entries(stackOperations)) {
    if (only && !only.includes(name)) continue;
    console.log(`${name} (p99 target ${operation.p99TargetMs} ms)`);
    if (name === 'read a case by id' && createdIds.length === 0) await stackOperations['record a case'].send();
    if (fixedRate) {
      await openLoop({ rate: 20, durationMs: 1000, send: operation.send });
      formatStep('stack')(await measured(() => openLoop({ rate: fixedRate, durationMs: fixedMs, send: operation.send })), true);
      continue;
    }
    const stack = await sustainable('stack', operation.send, operation.p99TargetMs);
    if (name === 'read a case by id') await baseline.operations['record a case']();
    const direct = await sustainable('baseline', baseline.operations[name], operation.p99TargetMs);
    rows.push({ name, target: operation.p99TargetMs, stack, direct });
  }
} finally {
  await baseline.close();
}
if (rateLimited > 0) console.log(`\nwarning: ${rateLimited} answers were 429: start the stack with RATE_LIMIT_MAX=100000`);

if (rows.length > 0) {
  console.log('\n| operation | p99 target | stack rate/s | stack p50 / p99 ms | baseline rate/s | baseline p50 / p99 ms | ratio | machine cpu busy (stack) | stack cpu ms/request |');
  console.log('|---|---|---|---|---|---|---|---|---|');
}
for (const { name, target, stack, direct } of rows) {
  const rate = (result) => (result ? String(result.rate) : '< 25');
  const latency = (result) => (result ? `${result.p50.toFixed(1)} / ${result.p99.toFixed(1)}` : '-');
  const ratio = stack && direct ? (stack.rate / direct.rate).toFixed(2) : '-';
  console.log(
    `| ${name} | ${target} ms | ${rate(stack)} | ${latency(stack)} | ${rate(direct)} | ${latency(direct)} | ${ratio} | ${stack ? `${(stack.cpuBusy * 100).toFixed(0)}%` : '-'} | ${describeCpu(stack) || '-'} |`,
  );
}

if (!only || only.includes('freshness')) {
  // Commit to warehouse at a steady rate (100 events/s by default): case_record.created_at (set in the writing
  // transaction) to case_fact.loaded_at (set in the consuming one).
  const idsBefore = createdIds.length;
  const load = await measured(() => openLoop({ rate: freshnessRate, durationMs: freshnessSeconds * 1000, send: stackOperations['record a case'].send }));
  const ids = createdIds.slice(idsBefore);
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  const deadline = Date.now() + 60_000;
  let loaded = 0;
  while (Date.now() < deadline) {
    ({ rows: [{ loaded }] } = await database.query('SELECT count(*)::int AS loaded FROM reporting.case_fact WHERE case_id = ANY($1::uuid[])', [ids]));
    if (loaded === ids.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The reports read summaries, refreshed from the facts: the last write's commit to the summaries that include it.
  const { rows: [{ last_commit: lastCommit }] } = await database.query('SELECT max(created_at) AS last_commit FROM intake.case_record WHERE id = ANY($1::uuid[])', [ids]);
  let summarisedMs = NaN;
  while (Date.now() < deadline + 60_000) {
    const { rows: [state] } = await database.query('SELECT summaries_as_of FROM reporting.warehouse_state WHERE id = 1');
    if (state?.summaries_as_of && state.summaries_as_of >= lastCommit) {
      summarisedMs = Date.now() - lastCommit.getTime();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { rows: [freshness] } = await database.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
     FROM (SELECT extract(epoch FROM f.loaded_at - c.created_at) * 1000 AS ms FROM reporting.case_fact f JOIN intake.case_record c ON c.id = f.case_id WHERE f.case_id = ANY($1::uuid[])) t`,
    [ids],
  );
  await database.end();
  console.log(
    `\ncommit to warehouse at ${freshnessRate} events/s for ${freshnessSeconds} s: ${loaded} of ${ids.length} arrived; p50 ${Number(freshness.p50).toFixed(0)} ms, p99 ${Number(freshness.p99).toFixed(0)} ms, max ${Number(freshness.max).toFixed(0)} ms (writes p99 ${load.p99.toFixed(1)} ms, failures ${load.failures}; the last write in the report summaries ${summarisedMs.toFixed(0)} ms after its commit; machine cpu ${(load.cpuBusy * 100).toFixed(0)}%; cpu ms/request: ${describeCpu(load) || '-'})\nmachine at the end: ${describeMachine()}`,
  );
}
