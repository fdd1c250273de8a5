import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ReviewsEnv } from '../config/reviews.config.js';
import { Clock } from './clock.js';
import { DeadlineAlertsRepository } from './deadline-alerts.repository.js';

const BATCH = 200;

/**
 * Driven by the clock: every `DEADLINE_SCAN_INTERVAL_MS` it fires the due-soon and breached
 * alerts whose day has come. Its state is the `deadline_alert` table, so a restart (or a second
 * instance) carries on where it stopped and nothing fires twice.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly alerts: DeadlineAlertsRepository,
    private readonly clock: Clock,
    private readonly config: ReviewsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.DEADLINE_SCAN_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Fires every alert due today (by the injected clock); returns how many fired. */
  async runOnce(): Promise<number> {
    const today = this.clock.today();
    let fired = 0;
    for (let batch = BATCH; batch === BATCH; fired += batch) batch = await this.alerts.fireDue(today, BATCH);
    return fired;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      const fired = await this.running;
      if (fired > 0) this.logger.log(`fired ${fired} deadline alert(s)`);
    } catch (error) {
      this.logger.warn(`deadline alerts not fired this time: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}
