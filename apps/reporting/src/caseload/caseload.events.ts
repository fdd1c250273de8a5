import { Controller } from '@nestjs/common';
import {
  CaseCreatedV1Contract,
  CaseCreatedV2Contract,
  CaseUpdatedV1Contract,
  CaseWithdrawnV1Contract,
  type CaseCreatedV1,
  type CaseCreatedV2,
  type CaseUpdatedV1,
  type CaseWithdrawnV1,
  type EventEnvelope,
} from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { CaseloadService } from './caseload.service.js';

@Controller()
export class CaseloadEvents {
  constructor(private readonly caseload: CaseloadService) {}

  /** No longer produced; its events stay on the topic and are still applied. */
  @ConsumeEvent(CaseCreatedV1Contract)
  onCaseCreated(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    return this.caseload.recordCase(event);
  }

  @ConsumeEvent(CaseCreatedV2Contract)
  onCaseCreatedV2(event: EventEnvelope<CaseCreatedV2>): Promise<void> {
    return this.caseload.applySnapshot(event, event.payload);
  }

  @ConsumeEvent(CaseUpdatedV1Contract)
  onCaseUpdated(event: EventEnvelope<CaseUpdatedV1>): Promise<void> {
    return this.caseload.applySnapshot(event, event.payload.case);
  }

  /** A withdrawn case leaves the caseload. */
  @ConsumeEvent(CaseWithdrawnV1Contract)
  onCaseWithdrawn(event: EventEnvelope<CaseWithdrawnV1>): Promise<void> {
    return this.caseload.applySnapshot(event, event.payload.case);
  }
}
