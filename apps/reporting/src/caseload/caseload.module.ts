import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller.js';
import { CaseloadEvents } from './caseload.events.js';
import { CaseloadRepository } from './caseload.repository.js';
import { CaseloadService } from './caseload.service.js';

@Module({
  controllers: [CaseloadController, CaseloadEvents],
  providers: [CaseloadService, CaseloadRepository],
})
export class CaseloadModule {}
