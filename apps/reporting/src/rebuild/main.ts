// `npm run warehouse:rebuild`: rebuilds the reporting warehouse by replaying its topics from the
// earliest offsets into fresh tables, then swaps them in atomically (reports keep answering).
// Reads DATABASE_URL and KAFKA_BROKERS, else those of the running `npm start` stack.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaClientConfig } from '@scrt/messaging';
import pg from 'pg';
import { rebuildWarehouse } from './warehouse-rebuild.js';

function connections(): { databaseUrl: string; brokers: string } {
  const stateFile = join(process.cwd(), '.local', 'dev-stack', 'stack.json');
  const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { databaseUrl?: string; kafkaBrokers?: string }) : {};
  const databaseUrl = process.env.DATABASE_URL || state.databaseUrl;
  const brokers = process.env.KAFKA_BROKERS || state.kafkaBrokers;
  if (!databaseUrl || !brokers) throw new Error('Set DATABASE_URL and KAFKA_BROKERS, or start the stack (npm start).');
  return { databaseUrl, brokers };
}

const { databaseUrl, brokers } = connections();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
try {
  const result = await rebuildWarehouse(pool, { ...kafkaClientConfig({ serviceName: 'reporting-rebuild', brokers, logLevel: 'warn' }) }, (line) => console.log(line));
  console.log(`warehouse rebuilt: ${result.events} events (${result.invalid} invalid, skipped) in ${result.seconds.toFixed(1)} s, ${result.eventsPerSecond} events/s; live tables write-locked for ${result.swapMs} ms`);
} finally {
  await pool.end();
}
