import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackStartError } from './errors.js';

/** What the state file keeps of a process so that another process can find and stop it. */
export interface RecordedProcess {
  pid: number;
  command: string;
  args: string[];
}

export interface SpawnLoggedOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Also print each output line on the console behind this prefix (npm start). */
  consolePrefix?: string;
  uid?: number;
  gid?: number;
}

/**
 * Starts a process in its own process group, so that Ctrl+C in the terminal reaches only the
 * orchestrator, which then stops everything in order. Output is appended to `logFile`.
 */
export async function spawnLogged(command: string, args: string[], options: SpawnLoggedOptions): Promise<RecordedProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  const piped = options.consolePrefix !== undefined;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: piped ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
    uid: options.uid,
    gid: options.gid,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new StackStartError(`Cannot run ${command}: ${error.message}`)));
    });
  } catch (error) {
    closeSync(logFd);
    throw error;
  }
  if (piped) {
    forwardOutput(child.stdout, child.stderr, logFd, options.consolePrefix ?? '');
  } else {
    // The child writes through its own copy of the descriptor; nothing here waits for it.
    closeSync(logFd);
    child.unref();
  }
  return { pid: child.pid as number, command, args };
}

function forwardOutput(stdout: NodeJS.ReadableStream | null, stderr: NodeJS.ReadableStream | null, logFd: number, prefix: string): void {
  const log = createWriteStream('', { fd: logFd });
  let openStreams = 0;
  for (const stream of [stdout, stderr]) {
    if (stream === null) {
      continue;
    }
    openStreams += 1;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      process.stdout.write(`${prefix}${line}\n`);
    });
    lines.on('close', () => {
      openStreams -= 1;
      if (openStreams === 0) {
        log.end();
      }
    });
  }
}

/** Alive and not a zombie (a zombie has exited; only its parent has not collected it yet). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return procState(pid) !== 'Z';
}

function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/** Guards against a recorded pid that the system has since given to an unrelated process. */
export function isRecordedProcessRunning(recorded: RecordedProcess): boolean {
  if (!isAlive(recorded.pid)) {
    return false;
  }
  try {
    const argv0 = readFileSync(`/proc/${recorded.pid}/cmdline`, 'utf8').split('\0')[0];
    return argv0 === recorded.command;
  } catch {
    return !existsSync('/proc');
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
}

/** A signal and how long to wait for the process to exit before the next step. */
export type StopStep = [NodeJS.Signals, number];

export const gracefulStop: StopStep[] = [
  ['SIGTERM', 10_000],
  ['SIGKILL', 5_000],
];

/** Signals the whole process group step by step until the leader has exited. */
export async function stopProcess(recorded: RecordedProcess, steps: StopStep[] = gracefulStop): Promise<void> {
  if (!isRecordedProcessRunning(recorded)) {
    return;
  }
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(-recorded.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        return;
      }
      throw error;
    }
    if (await waitForExit(recorded.pid, waitMs)) {
      return;
    }
  }
  throw new Error(`Process ${recorded.pid} (${recorded.command}) did not stop.`);
}

export function tailOfFile(file: string, lineCount = 40): string {
  if (!existsSync(file)) {
    return `(no log at ${file})`;
  }
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return lines.slice(-lineCount).join('\n');
}

export function describeWithLog(message: string, logFile: string): string {
  return `${message}\nLast lines of ${logFile}:\n${tailOfFile(logFile)}`;
}
