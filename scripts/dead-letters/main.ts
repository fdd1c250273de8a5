// `npm run dead-letters -- list|replay [--id <partition:offset>]... [--service reporting]`: the dead
// letters of a consuming service, and their replay to the original topic after a fix (audited).
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConsumerServices, deadLetterTopic } from '@scrt/contracts';
import { DeadLetterStore, type DeadLetter } from '@scrt/messaging';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { readState } from '../stack/state.js';

const usage = `Usage: npm run dead-letters -- list [--service reporting]
       npm run dead-letters -- replay [--id <partition:offset>]... [--service reporting] [--by <name>] [--org <code, default $SCRT_OPERATOR_ORG or LOCAL>]
  list     every dead letter, oldest first, replayed or pending
  replay   publishes pending dead letters (all, or each --id) back to their original topic
Reads KAFKA_BROKERS and DATABASE_URL, else the running npm start stack (.local/dev-stack).`;

/** A consuming service's schema (which holds its audit table). */
const schemaOf: Record<string, string> = { reporting: 'reporting', 'case-intake': 'intake' };

function connections(): { brokers: string; databaseUrl: string } {
  const state = readState(join(import.meta.dirname, '..', '..', '..', '.local', 'dev-stack', 'stack.json'));
  const brokers = process.env.KAFKA_BROKERS || state?.kafkaBrokers;
  const databaseUrl = process.env.DATABASE_URL || state?.databaseUrl;
  if (!brokers || !databaseUrl) throw new Error('Set KAFKA_BROKERS and DATABASE_URL, or start the stack (npm start).');
  return { brokers, databaseUrl };
}

function describe(deadLetter: DeadLetter): string {
  const status = deadLetter.replayedAt ? `replayed ${deadLetter.replayedAt}` : 'pending';
  return `${deadLetter.id.padEnd(8)} ${status.padEnd(34)} ${deadLetter.failedAt}  ${deadLetter.originalTopic}[${deadLetter.originalPartition}]@${deadLetter.originalOffset}  event ${deadLetter.eventId ?? '(unreadable)'}\n         ${deadLetter.error}`;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { id: { type: 'string', multiple: true }, service: { type: 'string', default: 'reporting' }, by: { type: 'string' }, org: { type: 'string', default: process.env.SCRT_OPERATOR_ORG ?? 'LOCAL' } },
  });
  const [command] = positionals;
  const service = values.service as string;
  if (!['list', 'replay'].includes(command ?? '') || !(ConsumerServices as readonly string[]).includes(service)) {
    console.error(usage);
    process.exit(2);
  }
  const { brokers, databaseUrl } = connections();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const db = {
    $queryRawUnsafe: async <T>(sql: string, ...params: unknown[]) => (await pool.query(sql, params)).rows as T,
    $executeRawUnsafe: async (sql: string, ...params: unknown[]) => (await pool.query(sql, params)).rowCount ?? 0,
  };
  const kafka = new Kafka({ clientId: 'scrt-dead-letters', brokers: brokers.split(','), logLevel: logLevel.WARN });
  const store = new DeadLetterStore(kafka, db, deadLetterTopic(service), schemaOf[service]);
  try {
    if (command === 'list') {
      const deadLetters = await store.list();
      deadLetters.forEach((deadLetter) => console.log(describe(deadLetter)));
      const pending = deadLetters.filter((deadLetter) => !deadLetter.replayedAt).length;
      console.log(`${deadLetters.length} dead letters on ${deadLetterTopic(service)}: ${pending} pending, ${deadLetters.length - pending} replayed`);
    } else {
      const operator = { subject: values.by ?? `os:${userInfo().username}`, organisationCode: values.org as string };
      const replayed = await store.replay(operator, values.id);
      replayed.forEach((deadLetter) => console.log(`replayed ${describe(deadLetter)}`));
      console.log(`${replayed.length} dead letters replayed by ${operator.subject} (recorded in ${schemaOf[service]}.audit_event)`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
});
