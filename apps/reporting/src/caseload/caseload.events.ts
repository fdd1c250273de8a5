import { Controller } from '@nestjs/common';
import { CaseCreatedV1Contract, type CaseCreatedV1, type EventEnvelope } from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { CaseloadService } from './caseload.service.js';

@Controller()
export class CaseloadEvents {
  constructor(private readonly caseload: CaseloadService) {}

  @ConsumeEvent(CaseCreatedV1Contract)
  onCaseCreated(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    return this.caseload.recordCase(event);
  }
}
