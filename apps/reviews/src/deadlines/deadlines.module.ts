import { Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';
import { DeadlineAlertsRepository } from './deadline-alerts.repository.js';
import { DeadlineScheduler } from './deadline-scheduler.js';
import { DeadlinesService } from './deadlines.service.js';

@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, DeadlinesService, DeadlineAlertsRepository, DeadlineScheduler],
  exports: [Clock, DeadlinesService],
})
export class DeadlinesModule {}
