import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import { todayInEngland } from '@scrt/working-days';
import { ReportingEnv } from '../config/reporting.config.js';
import { WAREHOUSE_SCHEMA, WarehouseTables } from '../warehouse/warehouse-tables.js';
import { ReportSummaries } from './report-summaries.repository.js';

/**
 * Every `SUMMARY_REFRESH_INTERVAL_MS`, brings the live warehouse's report summaries up to its
 * facts (its state is the `summary_dirty` table: a restart carries on, a second instance waits).
 */
@Injectable()
export class SummaryRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SummaryRefresher.name);
  private readonly summaries: ReportSummaries;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(DATABASE) db: TransactionalSqlClient,
    private readonly config: ReportingEnv,
  ) {
    this.summaries = new ReportSummaries(db, new WarehouseTables(WAREHOUSE_SCHEMA));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.SUMMARY_REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.summaries.refreshAll(todayInEngland());
    try {
      await this.running;
    } catch (error) {
      this.logger.warn(`report summaries not refreshed this time: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}
