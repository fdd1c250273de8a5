#!/usr/bin/env node
// Measures `npm start`: seconds until it prints "ready", then the resident memory of the whole
// process tree at idle, then the time to stop on SIGINT. Prints the figures; exits non-zero if
// the stack did not come up. Usage: node bench/stack-startup.mjs [--idle-seconds 10]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describeMemory, processTree } from './lib/process-tree.mjs';

const root = path.resolve(import.meta.dirname, '..');
const idleSeconds = Number(process.argv[process.argv.indexOf('--idle-seconds') + 1]) || 10;
const READY_TIMEOUT_MS = 15 * 60 * 1000;

const started = performance.now();
const stack = spawn('node', ['scripts/start.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
const ready = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no "ready" within the time limit')), READY_TIMEOUT_MS);
  stack.stdout.on('data', (chunk) => {
    output += chunk;
    if (/\bready\b/i.test(output)) {
      clearTimeout(timer);
      resolve();
    }
  });
  stack.on('exit', (code) => reject(new Error(`npm start exited with ${code} before ready:\n${output.slice(-2000)}`)));
});

try {
  await ready;
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const secondsToReady = (performance.now() - started) / 1000;
await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
const tree = processTree(stack.pid);

const stopStarted = performance.now();
stack.kill('SIGINT');
await new Promise((resolve) => stack.on('exit', resolve));
const secondsToStop = (performance.now() - stopStarted) / 1000;
const leftBehind = tree.filter((row) => {
  try {
    process.kill(row.pid, 0);
    return true;
  } catch {
    return false;
  }
});

console.log(`time to ready: ${secondsToReady.toFixed(1)} s`);
console.log(`after ${idleSeconds} s idle:`);
for (const line of describeMemory(tree)) console.log(line);
console.log(`time to stop: ${secondsToStop.toFixed(1)} s; processes left behind: ${leftBehind.length}`);
process.exit(leftBehind.length ? 1 : 0);
