// Loaded like global-setup.ts: the stack code comes from dist/ (see there why).
import { join } from 'node:path';

type StackModule = typeof import('../../../scripts/stack/stack.js');

/** Stops everything the state file records: apps (with any a test restarted), Kafka, PostgreSQL. */
export default async function globalTeardown(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const stateFile = process.env.SCRT_TEST_STACK_FILE;
  if (stateFile === undefined) {
    return;
  }
  const { stopStackRecordedIn } = (await import(join(projectConfig.rootDir, 'dist', 'scripts', 'stack', 'stack.js'))) as StackModule;
  const startedAt = performance.now();
  // The handle global-setup left (same process) also stops the supervisor first, so that nothing is restarted.
  const stack = (globalThis as typeof globalThis & { __scrtTestStack?: { stop(): Promise<void> } }).__scrtTestStack;
  await (stack ? stack.stop() : stopStackRecordedIn(stateFile));
  console.log(`Test stack stopped (${((performance.now() - startedAt) / 1000).toFixed(1)} s).`);
}
