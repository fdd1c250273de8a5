import { Controller } from '@nestjs/common';
import { PartnershipChangedV1Contract, type EventEnvelope, type PartnershipChangedV1 } from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { PartnershipCopy } from './partnership-copy.js';

/** Keeps the service's copy of the safeguarding partnerships up to date. */
@Controller()
export class PartnershipCopyEvents {
  constructor(private readonly copy: PartnershipCopy) {}

  @ConsumeEvent(PartnershipChangedV1Contract)
  async onPartnershipChanged(event: EventEnvelope<PartnershipChangedV1>): Promise<void> {
    await this.copy.apply(event);
  }
}
