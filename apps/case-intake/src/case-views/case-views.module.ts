import { Module } from '@nestjs/common';
import { CaseViewsController } from './case-views.controller.js';
import { CaseViewsRepository } from './case-views.repository.js';
import { CaseViewsService } from './case-views.service.js';

@Module({
  controllers: [CaseViewsController],
  providers: [CaseViewsService, CaseViewsRepository],
})
export class CaseViewsModule {}
