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
import { caseFactOfCreatedV1, caseFactOfCreatedV2, caseFactOfUpdated, caseFactOfWithdrawn } from './case-fact.js';
import { WarehouseService } from './warehouse.service.js';

/** The warehouse is fed by events only: every case event, old and new, becomes the case's fact. */
@Controller()
export class WarehouseEvents {
  constructor(private readonly warehouse: WarehouseService) {}

  @ConsumeEvent(CaseCreatedV1Contract)
  onCaseCreatedV1(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfCreatedV1(event));
  }

  @ConsumeEvent(CaseCreatedV2Contract)
  onCaseCreatedV2(event: EventEnvelope<CaseCreatedV2>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfCreatedV2(event));
  }

  @ConsumeEvent(CaseUpdatedV1Contract)
  onCaseUpdated(event: EventEnvelope<CaseUpdatedV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfUpdated(event));
  }

  @ConsumeEvent(CaseWithdrawnV1Contract)
  onCaseWithdrawn(event: EventEnvelope<CaseWithdrawnV1>): Promise<void> {
    return this.warehouse.applyCase(event, caseFactOfWithdrawn(event));
  }
}
