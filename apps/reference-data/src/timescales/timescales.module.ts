import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { TimescalesController } from './timescales.controller.js';
import { TimescalesRepository } from './timescales.repository.js';
import { TimescalesService } from './timescales.service.js';

@Module({
  imports: [CalendarModule],
  controllers: [TimescalesController],
  providers: [TimescalesService, TimescalesRepository],
})
export class TimescalesModule {}
