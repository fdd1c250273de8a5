import { Module } from '@nestjs/common';
import { ExtractController } from '../extract/extract.controller.js';
import { ExtractRepository } from '../extract/extract.repository.js';
import { ExtractService } from '../extract/extract.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  controllers: [ReportsController, ExtractController],
  providers: [ReportsService, ReportsRepository, ExtractService, ExtractRepository],
})
export class ReportsModule {}
