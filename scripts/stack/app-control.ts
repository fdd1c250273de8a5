import { appendFileSync } from 'node:fs';
import { appReadyTimeoutMs, launchApp, waitForApp } from './apps.js';
import type { AppName } from './apps-catalog.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRecordedProcessRunning, stopProcess, waitForExit, type RecordedProcess } from './processes.js';
import { holdInState, readState, updateState, type RecordedApp } from './state.js';

export type { AppName };

/** Control of one app of a running stack, through its state file (for tests and tooling). */
export function recordedApp(stateFile: string, name: AppName): RecordedApp {
  const app = readState(stateFile)?.apps[name];
  if (app === undefined) {
    throw new Error(`The stack recorded in ${stateFile} has no app ${name}.`);
  }
  return app;
}

/**
 * Sends `signal` to the app and waits until its process is gone; the supervisor leaves it down
 * (held) until `restartRecordedApp` starts it again.
 */
export async function killRecordedApp(stateFile: string, name: AppName, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  const app = recordedApp(stateFile, name);
  holdInState(stateFile, name, true);
  await stopProcess(app, [[signal, timeoutMs]]);
}

/**
 * Starts a stopped app again with its recorded command and environment plus `envOverrides`
 * (replacing those of any earlier restart), and records it; returns its pid.
 */
export async function restartRecordedApp(stateFile: string, name: AppName, envOverrides: Record<string, string>): Promise<number> {
  const previous = recordedApp(stateFile, name);
  if (isRecordedProcessRunning(previous)) {
    throw new Error(`${name} is still running (pid ${previous.pid}): kill it first.`);
  }
  appendFileSync(previous.logFile, `\n--- started again, environment overrides: ${JSON.stringify(envOverrides)} ---\n`);
  const restarted = await launchApp({ ...previous, envOverrides });
  updateState(stateFile, (state) => {
    state.apps[name] = { ...restarted, replacedPids: [...previous.replacedPids, previous.pid] };
    state.held = (state.held ?? []).filter((entry) => entry !== name);
  });
  return restarted.pid;
}

export async function waitForRecordedApp(stateFile: string, name: AppName, timeoutMs = appReadyTimeoutMs): Promise<void> {
  await waitForApp(recordedApp(stateFile, name), timeoutMs);
}

/** An app, the broker or the database of the stack. */
export type StackProcessName = AppName | 'postgres' | 'kafka';

export function recordedProcess(stateFile: string, name: StackProcessName): RecordedProcess {
  const state = readState(stateFile);
  const recorded = name === 'postgres' ? state?.postgres : name === 'kafka' ? state?.kafka : state?.apps[name];
  if (recorded === undefined) {
    throw new Error(`The stack recorded in ${stateFile} has no process ${name}.`);
  }
  return recorded;
}

/** `kill -9` of its whole process group, as a crash would be; not held: the supervisor restarts it. Returns the pid killed. */
export async function crashRecordedProcess(stateFile: string, name: StackProcessName): Promise<number> {
  const { pid } = recordedProcess(stateFile, name);
  process.kill(-pid, 'SIGKILL');
  if (!(await waitForExit(pid, 10_000))) {
    throw new Error(`${name} (pid ${pid}) did not die of SIGKILL.`);
  }
  return pid;
}

/** Sends `signal` (SIGSTOP, SIGCONT...) to the process alone. */
export function signalRecordedProcess(stateFile: string, name: StackProcessName, signal: NodeJS.Signals): void {
  process.kill(recordedProcess(stateFile, name).pid, signal);
}

/** Resolves with the new pid once another process than `replacedPid` is recorded and running for `name`. */
export async function waitForReplacement(stateFile: string, name: StackProcessName, replacedPid: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = recordedProcess(stateFile, name);
    if (current.pid !== replacedPid && isRecordedProcessRunning(current)) return current.pid;
    if (Date.now() > deadline) throw new Error(`No new ${name} process within ${timeoutMs} ms (the supervisor did not restart it).`);
    await sleep(100);
  }
}
