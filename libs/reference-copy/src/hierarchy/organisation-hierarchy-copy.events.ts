import { Controller } from '@nestjs/common';
import { OrganisationChangedV1Contract, type EventEnvelope, type OrganisationChangedV1 } from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { OrganisationHierarchyCopy } from './organisation-hierarchy-copy.js';

/** Keeps the service's copy of the organisation hierarchy up to date. */
@Controller()
export class OrganisationHierarchyCopyEvents {
  constructor(private readonly copy: OrganisationHierarchyCopy) {}

  @ConsumeEvent(OrganisationChangedV1Contract)
  async onOrganisationChanged(event: EventEnvelope<OrganisationChangedV1>): Promise<void> {
    await this.copy.apply(event);
  }
}
