import { Module } from '@nestjs/common';
import { CaseSearchController } from './case-search.controller.js';
import { CaseSearchRepository } from './case-search.repository.js';
import { CaseSearchService } from './case-search.service.js';

@Module({
  controllers: [CaseSearchController],
  providers: [CaseSearchService, CaseSearchRepository],
})
export class CaseSearchModule {}
