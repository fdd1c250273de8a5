import { appendFileSync } from 'node:fs';
import { appReadyTimeoutMs, launchApp, waitForApp } from './apps.js';
import type { AppName } from './apps-catalog.js';
import { isRecordedProcessRunning, stopProcess } from './processes.js';
import { readState, updateState, type RecordedApp } from './state.js';

export type { AppName };

/** Control of one app of a running stack, through its state file (for tests and tooling). */
export function recordedApp(stateFile: string, name: AppName): RecordedApp {
  const app = readState(stateFile)?.apps[name];
  if (app === undefined) {
    throw new Error(`The stack recorded in ${stateFile} has no app ${name}.`);
  }
  return app;
}

/** Sends `signal` to the app and waits until its process is gone. */
export async function killRecordedApp(stateFile: string, name: AppName, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  await stopProcess(recordedApp(stateFile, name), [[signal, timeoutMs]]);
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
  });
  return restarted.pid;
}

export async function waitForRecordedApp(stateFile: string, name: AppName, timeoutMs = appReadyTimeoutMs): Promise<void> {
  await waitForApp(recordedApp(stateFile, name), timeoutMs);
}
