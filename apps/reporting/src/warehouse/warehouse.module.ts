import { Module } from '@nestjs/common';
import { FreshnessMeter } from './freshness-meter.js';
import { MetricsController } from './metrics.controller.js';
import { WarehouseEvents } from './warehouse.events.js';
import { WarehouseService } from './warehouse.service.js';

@Module({
  controllers: [WarehouseEvents, MetricsController],
  providers: [WarehouseService, { provide: FreshnessMeter, useValue: new FreshnessMeter() }],
  exports: [FreshnessMeter],
})
export class WarehouseModule {}
