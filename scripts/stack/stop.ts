import { rmSync } from 'node:fs';
import { StackStartError } from './errors.js';
import { kafkaStopSteps } from './kafka.js';
import type { StackPaths, StackProfile } from './paths.js';
import { postgresStopSteps } from './postgres.js';
import { isRecordedProcessRunning, stopProcess } from './processes.js';
import { settleAll } from './settle.js';
import { readState, removeState, type StackState } from './state.js';

/** Stops what the state file records (re-read: tests may have restarted apps), then removes it. */
export async function stopStack(stateFile: string, startedState: StackState): Promise<void> {
  await stopRecordedStack(readState(stateFile) ?? startedState);
  removeState(stateFile);
}

/** Stops the stack a state file describes, from any process (e.g. the Jest teardown). */
export async function stopStackRecordedIn(stateFile: string): Promise<void> {
  const state = readState(stateFile);
  if (state) {
    await stopStack(stateFile, state);
  }
}

/** Apps (current and replaced instances), then the broker, then the database. */
export async function stopRecordedStack(state: StackState): Promise<void> {
  const appProcesses = Object.values(state.apps).flatMap((app) => [
    app,
    ...app.replacedPids.map((pid) => ({ pid, command: app.command, args: app.args })),
  ]);
  const phases: (() => Promise<unknown>)[] = [
    () => settleAll(appProcesses.map((app) => stopProcess(app))),
    async () => state.kafka && stopProcess(state.kafka, kafkaStopSteps),
    async () => state.postgres && stopProcess(state.postgres, postgresStopSteps),
  ];
  const failures: unknown[] = [];
  for (const phase of phases) {
    await phase().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `Could not stop every process of the ${state.profile} stack.`);
  }
}

/**
 * A stack whose owner died without stopping it (killed, crashed) leaves processes holding the
 * ports: stop them. A stack whose owner is still running belongs to someone else: refuse.
 */
export async function clearLeftovers(paths: StackPaths, profile: StackProfile, log: (line: string) => void): Promise<void> {
  const previous = readState(paths.stateFile);
  if (previous) {
    if (previous.owner.pid !== process.pid && isRecordedProcessRunning(previous.owner)) {
      throw new StackStartError(
        `A ${previous.profile} stack is already running (process ${previous.owner.pid}: ${[previous.owner.command, ...previous.owner.args].join(' ')}). Stop it first.`,
      );
    }
    log(`Stopping what an earlier ${previous.profile} stack left running...`);
    await stopRecordedStack(previous);
    removeState(paths.stateFile);
  }
  if (profile === 'test') {
    rmSync(paths.stackDir, { recursive: true, force: true });
  }
}
