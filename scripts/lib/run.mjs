import { spawn } from 'node:child_process';

/** A command that ended with a non-zero exit code (or a signal). */
export class CommandFailedError extends Error {
  constructor(label, exitCode) {
    super(`${label} failed (exit code ${exitCode})`);
    this.exitCode = exitCode;
  }
}

/** Runs a command with the terminal attached; resolves when it exits with 0. */
export function run(command, args, options = {}) {
  const label = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new Error(`${label}: ${error.message}`)));
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new CommandFailedError(label, code ?? signalExitCode(signal)))));
  });
}

function signalExitCode(signal) {
  return 128 + ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1);
}

export function formatSeconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Runs one named step, printing its outcome and duration; returns the duration in milliseconds. */
export async function timedStep(label, action) {
  const startedAt = performance.now();
  console.log(`\n▶ ${label}`);
  try {
    await action();
  } catch (error) {
    console.error(`\n✖ ${label} failed after ${formatSeconds(performance.now() - startedAt)}`);
    throw error;
  }
  const duration = performance.now() - startedAt;
  console.log(`✔ ${label} (${formatSeconds(duration)})`);
  return duration;
}

/** For a script's entry point: prints the failure and exits with the failing command's code. */
export function exitOnFailure(error) {
  console.error(error instanceof CommandFailedError ? `✖ ${error.message}` : error);
  process.exit(error instanceof CommandFailedError ? error.exitCode : 1);
}

/** True when the module at `moduleFile` is the script node was started with. */
export function isEntryPoint(moduleFile) {
  return process.argv[1] !== undefined && moduleFile === process.argv[1];
}
