import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { CaseRules } from './record/case-rules.js';
import { PersonalDataScreen } from './record/personal-data-screen.js';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CasesRepository, CaseRules, PersonalDataScreen],
})
export class CasesModule {}
