// Jest loads this file (and global-teardown.ts) through its CommonJS require hook, where neither
// relative `.js` imports of TypeScript files nor @scrt/* aliases resolve. So the stack code is
// imported from dist/, which `npm test` builds before running Jest.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type StackModule = typeof import('../../../scripts/stack/stack.js');
type StackHandle = Awaited<ReturnType<StackModule['startStack']>>;

const environmentNames: Record<string, string> = {
  'case-intake': 'SCRT_TEST_CASE_INTAKE_URL',
  reviews: 'SCRT_TEST_REVIEWS_URL',
  'reference-data': 'SCRT_TEST_REFERENCE_DATA_URL',
  reporting: 'SCRT_TEST_REPORTING_URL',
};

/** What test files read (Jest copies process.env into every test environment). */
function testEnvironment(stack: StackHandle): Record<string, string> {
  return {
    SCRT_TEST_STACK_FILE: stack.paths.stateFile,
    SCRT_TEST_GATEWAY_URL: stack.urls.gateway,
    SCRT_TEST_IDENTITY_URL: stack.urls.identity,
    SCRT_TEST_DATABASE_URL: stack.databaseUrl,
    SCRT_TEST_KAFKA_BROKERS: stack.kafkaBrokers,
    SCRT_TEST_INTERNAL_JWT_PRIVATE_KEY: stack.secrets.internalJwtPrivateKey,
    SCRT_TEST_INTERNAL_JWT_PUBLIC_KEY: stack.secrets.internalJwtPublicKey,
    ...Object.fromEntries(Object.entries(stack.urls.services).map(([name, url]) => [environmentNames[name], url])),
  };
}

/** The running test stack, restarting what crashes until the teardown stops it. */
type SupervisedStackHolder = typeof globalThis & { __scrtTestStack?: StackHandle };
const supervisedStack = () => (globalThis as SupervisedStackHolder).__scrtTestStack;

async function importStack(root: string): Promise<StackModule> {
  const compiled = join(root, 'dist', 'scripts', 'stack', 'stack.js');
  if (!existsSync(compiled)) {
    throw new Error(`${compiled} is missing: run the tests with \`npm test\`, or \`npm run build\` first.`);
  }
  // A plain absolute path: it works both as import() and as the require() SWC turns it into here.
  return (await import(compiled)) as StackModule;
}

export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const root = projectConfig.rootDir;
  const { startStack, stopStackRecordedIn } = await importStack(root);
  const interruption = new AbortController();
  const started: { stateFile?: string } = {};

  // Ctrl+C while Jest runs: stop the stack (or interrupt its start, which then stops what it
  // started) rather than leave detached servers behind.
  const onSignal = (signal: NodeJS.Signals) => {
    if (started.stateFile === undefined) {
      interruption.abort(new Error(`Interrupted by ${signal}`));
      return;
    }
    void (supervisedStack()?.stop() ?? stopStackRecordedIn(started.stateFile)).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  console.log('\nStarting the test stack...');
  // Every suite's refused requests come from one address, which the gateway limits as one caller:
  // with the default limit, a fast run made the token tests meet 429s left by the suites before
  // them. The shared gateway is unlimited (as the apps inherit this environment, restarts too);
  // rate-limit.e2e-spec.ts tests the limit on a gateway of its own settings.
  process.env.RATE_LIMIT_MAX = '100000';
  const stack = await startStack({ profile: 'test', root, signal: interruption.signal });
  started.stateFile = stack.paths.stateFile;
  // The teardown (same process) stops the supervisor before the stack, through this handle.
  (globalThis as SupervisedStackHolder).__scrtTestStack = stack;
  Object.assign(process.env, testEnvironment(stack));
  console.log(`Test stack ready; logs in ${stack.paths.logsDir}`);
}
