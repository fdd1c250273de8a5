import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isAlive, isRecordedProcessRunning, spawnLogged, stopProcess, tailOfFile } from './processes.js';
import { waitUntil } from './readiness.js';

const logFile = () => join(mkdtempSync(join(tmpdir(), 'scrt-processes-')), 'logs', 'child.log');

function waitForOutput(pid: number, log: string, text: string): Promise<void> {
  return waitUntil({ name: 'child', pid, logFile: log, timeoutMs: 5_000 }, async () => {
    if (!readFileSync(log, 'utf8').includes(text)) throw new Error(`no "${text}" yet`);
  });
}

describe('spawnLogged and stopProcess', () => {
  it('runs a detached process logging to a file and stops it with SIGTERM', async () => {
    const log = logFile();
    const child = await spawnLogged('/bin/sh', ['-c', 'echo started; sleep 30'], { cwd: tmpdir(), env: process.env, logFile: log });
    await waitForOutput(child.pid, log, 'started');
    expect(isRecordedProcessRunning(child)).toBe(true);
    await stopProcess(child);
    expect(isAlive(child.pid)).toBe(false);
  });

  it('escalates to the next signal when a process ignores the first', async () => {
    const log = logFile();
    const child = await spawnLogged('/bin/sh', ['-c', "trap '' TERM; echo trapped; while :; do sleep 0.1; done"], {
      cwd: tmpdir(),
      env: process.env,
      logFile: log,
    });
    await waitForOutput(child.pid, log, 'trapped');
    const startedAt = Date.now();
    await stopProcess(child, [
      ['SIGTERM', 300],
      ['SIGKILL', 5_000],
    ]);
    expect(isAlive(child.pid)).toBe(false);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
  });

  it('leaves alone a pid that now belongs to another command', () => {
    expect(isRecordedProcessRunning({ pid: process.pid, command: '/not/what/runs/here', args: [] })).toBe(false);
  });

  it('fails clearly when the command does not exist', async () => {
    await expect(spawnLogged('/no/such/command', [], { cwd: tmpdir(), env: process.env, logFile: logFile() })).rejects.toThrow(
      'Cannot run /no/such/command',
    );
  });
});

describe('waitUntil', () => {
  it('reports the last problem and the log tail when time is up', async () => {
    const log = logFile();
    await spawnLogged('/bin/sh', ['-c', 'echo "boot message"'], { cwd: tmpdir(), env: process.env, logFile: log });
    const failure = waitUntil({ name: 'slow-app', pid: process.pid, logFile: log, timeoutMs: 300 }, async () => {
      throw new Error('answered 503');
    });
    await expect(failure).rejects.toThrow(/slow-app was not ready after 0.3 s \(last check: answered 503\)/);
    expect(tailOfFile(log)).toContain('boot message');
  });

  it('fails at once when the process has exited', async () => {
    const log = logFile();
    const child = await spawnLogged('/bin/sh', ['-c', 'echo "config invalid" >&2; exit 1'], { cwd: tmpdir(), env: process.env, logFile: log });
    const failure = waitUntil({ name: 'broken-app', pid: child.pid, logFile: log, timeoutMs: 10_000 }, async () => {
      throw new Error('not listening');
    });
    await expect(failure).rejects.toThrow(/broken-app exited during start-up[\s\S]*config invalid/);
  });
});
