import { spawn, type SpawnOptions } from 'node:child_process';
import { StackStartError } from './errors.js';

/** Runs a command to completion, quietly; on failure the error carries its output. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new StackStartError(`Cannot run ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(output);
      } else {
        const status = code === null ? `signal ${signal}` : `exit code ${code}`;
        reject(new StackStartError(`${[command, ...args].join(' ')} failed (${status}):\n${output.trimEnd()}`));
      }
    });
  });
}
