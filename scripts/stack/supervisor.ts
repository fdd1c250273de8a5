import { setTimeout as sleep } from 'node:timers/promises';
import { isRecordedProcessRunning, type RecordedProcess } from './processes.js';
import { formatSeconds } from './steps.js';

/** One process the supervisor keeps alive: an app, the broker or the database. */
export interface SupervisedUnit {
  name: string;
  /** The process now recorded for it (re-read every time: tests restart apps too). */
  current(): RecordedProcess | undefined;
  /** Stopped on purpose (a test that restarts it with other settings): leave it alone. */
  held(): boolean;
  /** Starts it again and records the new process; resolves once it answers. */
  restart(): Promise<void>;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  /** More crashes than this within `crashWindowMs` and the supervisor gives up on the unit. */
  maxCrashes?: number;
  crashWindowMs?: number;
  checkEveryMs?: number;
  /** Pause before the first restart; it doubles with each crash in the window. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

interface UnitRecord {
  crashes: number[];
  busy: boolean;
  gaveUp: boolean;
}

/** Restarts crashed or killed processes with backoff, says so, and gives up loudly on one that keeps crashing. */
export class Supervisor {
  private readonly records = new Map<string, UnitRecord>();
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private readonly maxCrashes: number;
  private readonly crashWindowMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly units: SupervisedUnit[],
    private readonly options: SupervisorOptions,
  ) {
    this.maxCrashes = options.maxCrashes ?? 5;
    this.crashWindowMs = options.crashWindowMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 8_000;
    for (const unit of units) this.records.set(unit.name, { crashes: [], busy: false, gaveUp: false });
  }

  start(): this {
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs ?? 250);
    this.timer.unref();
    return this;
  }

  /** No more restarts; waits for one in progress so that what it started gets recorded (and stopped). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Whether it gave up on `name` (crashed too often). */
  gaveUpOn(name: string): boolean {
    return this.records.get(name)?.gaveUp ?? false;
  }

  check(): void {
    for (const unit of this.units) {
      const record = this.records.get(unit.name) as UnitRecord;
      const process = unit.current();
      if (this.stopped || record.busy || record.gaveUp || process === undefined || unit.held() || isRecordedProcessRunning(process)) continue;
      const now = Date.now();
      record.crashes = [...record.crashes.filter((at) => now - at < this.crashWindowMs), now];
      if (record.crashes.length > this.maxCrashes) {
        record.gaveUp = true;
        this.options.log(
          `✖ ${unit.name} exited ${record.crashes.length} times within ${formatSeconds(this.crashWindowMs)}: not restarting it again. See its log, fix it, and start the stack again.`,
        );
        continue;
      }
      const delayMs = Math.min(this.baseDelayMs * 2 ** (record.crashes.length - 1), this.maxDelayMs);
      this.options.log(`⚠ ${unit.name} (pid ${process.pid}) is not running: restarting it in ${formatSeconds(delayMs)} (crash ${record.crashes.length} of at most ${this.maxCrashes} in ${formatSeconds(this.crashWindowMs)})`);
      record.busy = true;
      const restart = this.restart(unit, process, delayMs, now).finally(() => {
        record.busy = false;
        this.inFlight.delete(restart);
      });
      this.inFlight.add(restart);
    }
  }

  private async restart(unit: SupervisedUnit, crashed: RecordedProcess, delayMs: number, crashedAt: number): Promise<void> {
    await sleep(delayMs);
    // Someone else (a test's own restart, the shutdown) took over meanwhile.
    if (this.stopped || unit.held() || unit.current()?.pid !== crashed.pid) return;
    try {
      await unit.restart();
      this.options.log(`✔ ${unit.name} restarted (pid ${unit.current()?.pid}), answering ${formatSeconds(Date.now() - crashedAt)} after it was found dead`);
    } catch (error) {
      this.options.log(`✖ ${unit.name} did not come back: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
