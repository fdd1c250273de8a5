#!/usr/bin/env node
// GET of a code list through the gateway, p50/p99 at a fixed open-loop rate, without and with
// If-None-Match (the 304 path). Bounded in count and time, loopback only.
//   node bench/code-list-read.mjs [--gateway http://localhost:3000] [--identity http://localhost:3100]
//     [--list review-types] [--rate 100] [--seconds 10]
//   node bench/code-list-read.mjs --own-stack     starts a test-profile stack of its own (ports shifted
//     by SCRT_TEST_PORT_OFFSET, rate limit off), measures, and stops it; needs `npm run build`.
// Against `npm start`, start it with RATE_LIMIT_MAX=100000 or the 429s count as failures.
import path from 'node:path';
import { openLoop } from './lib/open-loop.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const root = path.resolve(import.meta.dirname, '..');
const list = argument('list', 'review-types');
const rate = Number(argument('rate', 100));
const durationMs = Number(argument('seconds', 10)) * 1000;

let stack;
let gateway = argument('gateway', 'http://localhost:3000');
let identity = argument('identity', 'http://localhost:3100');
if (process.argv.includes('--own-stack')) {
  process.env.RATE_LIMIT_MAX = '100000';
  const { startStack } = await import(path.join(root, 'dist/scripts/stack/stack.js'));
  console.log('starting a test-profile stack...');
  stack = await startStack({ profile: 'test', root });
  gateway = stack.urls.gateway;
  identity = stack.urls.identity;
}

try {
  const { signInForTokens } = await import(path.join(root, 'dist/libs/testing/src/identity-client.js'));
  const { accessToken } = await signInForTokens(identity, { username: 'icb.input' });
  const url = new URL(`/api/v1/reference-data/code-lists/${list}`, gateway);
  const get = (headers = {}) => fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...headers } });

  const first = await get();
  if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}: ${await first.text()}`);
  const etag = first.headers.get('etag');
  const codes = (await first.json()).codes.length;
  // Warm-up: connections, JIT, Prisma's query plans.
  await openLoop({ rate, durationMs: 2000, send: async () => (await (await get()).arrayBuffer(), true) });

  const phases = [
    ['GET (200, full body)', () => get(), 200],
    ['GET with If-None-Match (304)', () => get({ 'if-none-match': etag }), 304],
  ];
  console.log(`GET /api/v1/reference-data/code-lists/${list} (${codes} codes) through ${gateway}: ${rate} requests/s for ${durationMs / 1000} s each, open loop`);
  for (const [label, send, status] of phases) {
    const result = await openLoop({ rate, durationMs, send: async () => { const response = await send(); await response.arrayBuffer(); return response.status === status; } });
    console.log(`${label.padEnd(30)} p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  max ${result.max.toFixed(1)} ms  (${result.requests} requests, ${result.failures} failures, ${result.dropped} dropped, ${result.achievedRate.toFixed(0)}/s)`);
  }
} finally {
  await stack?.stop();
}
