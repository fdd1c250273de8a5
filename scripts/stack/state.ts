import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppName } from './apps-catalog.js';
import type { StackProfile } from './paths.js';
import type { RecordedProcess } from './processes.js';

export interface RecordedApp extends RecordedProcess {
  name: AppName;
  port: number;
  url: string;
  cwd: string;
  /** The app's own environment (the inherited one is not recorded). */
  env: Record<string, string>;
  /** What the running instance was started with on top of `env` (stack-control's startApp). */
  envOverrides: Record<string, string>;
  logFile: string;
  /** Earlier instances of this app (restarted by a test); stopped too if still running. */
  replacedPids: number[];
}

/**
 * Everything a stack started, written as it starts it, so that another process (a test file, the
 * Jest teardown, the next start after a crash) can find and stop it.
 */
export interface StackState {
  profile: StackProfile;
  /** The process that started the stack and will stop it. */
  owner: RecordedProcess;
  databaseUrl?: string;
  kafkaBrokers?: string;
  postgres?: RecordedProcess;
  kafka?: RecordedProcess;
  apps: Partial<Record<AppName, RecordedApp>>;
  /** Processes stopped on purpose (stack-control's killApp): the supervisor leaves them down. */
  held?: string[];
}

/** Marks `name` as stopped on purpose, or (`false`) hands it back to the supervisor. */
export function holdInState(stateFile: string, name: string, held: boolean): void {
  updateState(stateFile, (state) => {
    const others = (state.held ?? []).filter((entry) => entry !== name);
    state.held = held ? [...others, name] : others;
  });
}

export function isHeldInState(state: StackState | undefined, name: string): boolean {
  return state?.held?.includes(name) ?? false;
}

export function readState(stateFile: string): StackState | undefined {
  if (!existsSync(stateFile)) {
    return undefined;
  }
  return JSON.parse(readFileSync(stateFile, 'utf8')) as StackState;
}

/** Written atomically (other processes read it at any time); it holds secrets, hence 0600. */
export function writeState(stateFile: string, state: StackState): void {
  mkdirSync(dirname(stateFile), { recursive: true });
  const partial = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, stateFile);
}

export function removeState(stateFile: string): void {
  rmSync(stateFile, { force: true });
}

export function updateState(stateFile: string, change: (state: StackState) => void): StackState {
  const state = readState(stateFile);
  if (state === undefined) {
    throw new Error(`No stack state at ${stateFile}: is the stack running?`);
  }
  change(state);
  writeState(stateFile, state);
  return state;
}
