import { join } from 'node:path';
import { readyBanner } from './banner.js';
import { StackStartError } from './errors.js';
import { startStack, type StackHandle } from './stack.js';
import { formatSeconds } from './steps.js';

const usage = `Usage: npm start [-- --infra-only]
  --infra-only   PostgreSQL, Kafka, topics, migrations and seed only (no apps)`;

function printFailure(error: unknown): void {
  console.error(error instanceof StackStartError ? `\n✖ ${error.message}` : error);
}

/** `npm start` (after scripts/start.mjs has installed and built): runs until Ctrl+C. */
export async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((arg) => arg !== '--infra-only');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}\n${usage}`);
    process.exit(2);
  }
  const infraOnly = argv.includes('--infra-only');
  const root = join(import.meta.dirname, '..', '..', '..');
  const startedAt = performance.now();
  const interruption = new AbortController();
  let stack: StackHandle | undefined;
  let exitCode: number | undefined;

  // A signal during start-up interrupts startStack, which stops what it started; afterwards it
  // stops the running stack. Repeated signals (npm forwards Ctrl+C too) change nothing.
  const stopAndExit = async (code: number) => {
    if (exitCode !== undefined) {
      return;
    }
    exitCode = code;
    if (stack === undefined) {
      interruption.abort(new StackStartError('Start interrupted; stopping what was started.'));
      return;
    }
    console.log('\nStopping: apps, then Kafka, then PostgreSQL...');
    const stoppingAt = performance.now();
    try {
      await stack.stop();
      console.log(`Stopped (${formatSeconds(performance.now() - stoppingAt)}).`);
    } catch (error) {
      printFailure(error);
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  const fail = (error: unknown) => {
    printFailure(error);
    void stopAndExit(1);
  };
  process.on('SIGINT', () => void stopAndExit(130));
  process.on('SIGTERM', () => void stopAndExit(143));
  process.on('SIGHUP', () => void stopAndExit(129));
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  console.log(`\nStarting the ${infraOnly ? 'infrastructure' : 'stack'}...`);
  try {
    stack = await startStack({ profile: 'dev', root, infraOnly, signal: interruption.signal });
  } catch (error) {
    printFailure(error);
    process.exit(exitCode ?? 1);
  }
  const demoAccounts = join(root, 'apps', 'dev-identity', 'demo-accounts.json');
  console.log(readyBanner(stack, performance.now() - startedAt, demoAccounts, infraOnly));
  // The servers run detached (and unreferenced when logging to files only): keep this process,
  // which stops them on Ctrl+C, alive until then.
  setInterval(() => undefined, 1 << 30);
}
