import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { isRecordedProcessRunning, spawnLogged, stopProcess, type RecordedProcess } from './processes.js';
import { Supervisor, type SupervisedUnit } from './supervisor.js';

const logDir = mkdtempSync(join(tmpdir(), 'scrt-supervisor-'));
const started: RecordedProcess[] = [];

/** A real process (`sleep`, or one that exits at once) that the unit starts again on restart. */
function processUnit(name: string, command: string[] = ['sleep', '60']) {
  const unit = {
    held: false,
    restarts: 0,
    process: undefined as RecordedProcess | undefined,
    async launch() {
      unit.process = await spawnLogged(command[0], command.slice(1), { cwd: logDir, env: process.env, logFile: join(logDir, `${name}.log`) });
      started.push(unit.process);
    },
    supervised: (): SupervisedUnit => ({
      name,
      current: () => unit.process,
      held: () => unit.held,
      restart: async () => {
        unit.restarts += 1;
        await unit.launch();
      },
    }),
  };
  return unit;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const fast = { checkEveryMs: 20, baseDelayMs: 10, maxDelayMs: 50 };
let supervisor: Supervisor | undefined;

afterEach(async () => {
  await supervisor?.stop();
  await Promise.all(started.map((recorded) => stopProcess(recorded, [['SIGKILL', 2_000]])));
});

describe('Supervisor', () => {
  it('restarts a killed process and says so', async () => {
    const unit = processUnit('app');
    await unit.launch();
    const lines: string[] = [];
    supervisor = new Supervisor([unit.supervised()], { log: (line) => lines.push(line), ...fast }).start();
    const killed = unit.process as RecordedProcess;
    process.kill(killed.pid, 'SIGKILL');
    await until(() => unit.restarts === 1 && isRecordedProcessRunning(unit.process as RecordedProcess));
    expect(unit.process?.pid).not.toBe(killed.pid);
    await until(() => lines.some((line) => line.startsWith('✔ app restarted')));
    expect(lines[0]).toMatch(new RegExp(`^⚠ app \\(pid ${killed.pid}\\) is not running: restarting it in`));
  });

  it('leaves a process that is held (stopped on purpose) alone', async () => {
    const unit = processUnit('held');
    await unit.launch();
    unit.held = true;
    supervisor = new Supervisor([unit.supervised()], { log: () => undefined, ...fast }).start();
    process.kill((unit.process as RecordedProcess).pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unit.restarts).toBe(0);
  });

  it('gives up loudly on a process that keeps crashing', async () => {
    const unit = processUnit('crasher', ['false']);
    await unit.launch();
    const lines: string[] = [];
    supervisor = new Supervisor([unit.supervised()], { log: (line) => lines.push(line), maxCrashes: 3, ...fast }).start();
    await until(() => supervisor?.gaveUpOn('crasher') === true);
    expect(unit.restarts).toBe(3);
    expect(lines.at(-1)).toMatch(/^✖ crasher exited 4 times within 60.0 s: not restarting it again/);
  });
});
