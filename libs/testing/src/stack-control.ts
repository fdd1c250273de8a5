/**
 * Control of the test stack's apps from inside a test file: kill one (SIGKILL: a crash), start
 * it again with extra environment, wait until it is ready. Goes through the state file the
 * global setup wrote (SCRT_TEST_STACK_FILE), so the global teardown also stops restarted apps.
 */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the stack's own code (scripts/stack) is in no Nx project
import {
  crashRecordedProcess,
  killRecordedApp,
  recordedApp,
  recordedProcess,
  restartRecordedApp,
  signalRecordedProcess,
  waitForRecordedApp,
  waitForReplacement,
  type AppName,
  type StackProcessName,
} from '../../../scripts/stack/app-control.js';

export type { AppName, StackProcessName };

function stateFile(): string {
  const file = process.env.SCRT_TEST_STACK_FILE;
  if (!file) {
    throw new Error('SCRT_TEST_STACK_FILE is not set: stack control works only in tests run by jest.stack.config.mjs.');
  }
  return file;
}

/**
 * Sends `signal` (SIGTERM by default) and waits until the process is gone. The stack's
 * supervisor leaves it down until `startApp` (the test owns it meanwhile).
 */
export function killApp(name: AppName, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<void> {
  return killRecordedApp(stateFile(), name, signal, timeoutMs);
}

/** Starts a killed app again with its recorded environment plus `envOverrides`; returns its pid. */
export function startApp(name: AppName, envOverrides: Record<string, string> = {}): Promise<number> {
  return restartRecordedApp(stateFile(), name, envOverrides);
}

/** Resolves once `GET /health/ready` answers 200; fails with the log tail if the app exits. */
export function waitReady(name: AppName, timeoutMs?: number): Promise<void> {
  return waitForRecordedApp(stateFile(), name, timeoutMs);
}

/** The app's base URL on loopback, e.g. http://127.0.0.1:4201. */
export function appUrl(name: AppName): string {
  return recordedApp(stateFile(), name).url;
}

/** Where the app's output (its JSON log lines) goes. */
export function appLogFile(name: AppName): string {
  return recordedApp(stateFile(), name).logFile;
}

/** The environment the running instance was started with (recorded env plus overrides). */
export function appEnvironment(name: AppName): Record<string, string> {
  const app = recordedApp(stateFile(), name);
  return { ...app.env, ...app.envOverrides };
}

/** `kill -9` of an app, the broker or the database, as a crash; the stack's supervisor restarts it. Returns the pid killed. */
export function crash(name: StackProcessName): Promise<number> {
  return crashRecordedProcess(stateFile(), name);
}

/** Resolves with the pid of the process the supervisor started in place of `crashedPid`. */
export function waitForRestart(name: StackProcessName, crashedPid: number, timeoutMs = 60_000): Promise<number> {
  return waitForReplacement(stateFile(), name, crashedPid, timeoutMs);
}

/** SIGSTOP / SIGCONT (a paused process, which the supervisor does not treat as dead). */
export function signalProcess(name: StackProcessName, signal: NodeJS.Signals): void {
  signalRecordedProcess(stateFile(), name, signal);
}

/** The pid now recorded for an app, the broker or the database. */
export function currentPid(name: StackProcessName): number {
  return recordedProcess(stateFile(), name).pid;
}
