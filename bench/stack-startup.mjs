#!/usr/bin/env node
// Measures `npm start`: seconds until it prints "ready", then the resident memory of the whole
// process tree at idle, then the time to stop on SIGINT. Prints the figures; exits non-zero if
// the stack did not come up. Usage: node bench/stack-startup.mjs [--idle-seconds 10]
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const idleSeconds = Number(process.argv[process.argv.indexOf('--idle-seconds') + 1]) || 10;
const READY_TIMEOUT_MS = 15 * 60 * 1000;

function processTree(rootPid) {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), rssKiB: Number(rss), command: args.join(' ').slice(0, 90) }));
  const tree = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    for (const row of table.filter((candidate) => candidate.ppid === pid)) {
      tree.push(row);
      queue.push(row.pid);
    }
  }
  return tree;
}

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
const totalMiB = tree.reduce((sum, row) => sum + row.rssKiB, 0) / 1024;

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
console.log(`resident memory after ${idleSeconds} s idle: ${totalMiB.toFixed(0)} MiB in ${tree.length} processes`);
for (const row of tree.sort((a, b) => b.rssKiB - a.rssKiB).slice(0, 12)) console.log(`  ${String(row.rssKiB >> 10).padStart(5)} MiB  ${row.command} (${row.pid})`);
console.log(`time to stop: ${secondsToStop.toFixed(1)} s; processes left behind: ${leftBehind.length}`);
process.exit(leftBehind.length ? 1 : 0);
