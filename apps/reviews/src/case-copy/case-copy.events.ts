import { Controller } from '@nestjs/common';
import {
  CaseCreatedV1Contract,
  CaseCreatedV2Contract,
  CaseUpdatedV1Contract,
  CaseWithdrawnV1Contract,
  type CaseCreatedV1,
  type CaseCreatedV2,
  type CaseSnapshotV1,
  type CaseUpdatedV1,
  type CaseWithdrawnV1,
  type EventEnvelope,
} from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { CaseCopyRepository, type CaseFacts } from './case-copy.repository.js';

const factsOfSnapshot = (snapshot: CaseSnapshotV1): CaseFacts => ({
  caseId: snapshot.caseId,
  caseVersion: snapshot.version,
  organisationCode: snapshot.organisationCode,
  regionCode: snapshot.regionCode,
  reviewType: snapshot.reviewType,
  incidentDate: snapshot.incidentDate,
  withdrawn: snapshot.withdrawn,
});

/** Reviews' copy of the cases, from case-intake's events (old `created.v1` ones too: they are version 1). */
@Controller()
export class CaseCopyEvents {
  constructor(private readonly cases: CaseCopyRepository) {}

  @ConsumeEvent(CaseCreatedV1Contract)
  async onCaseCreatedV1(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    const { caseId, organisationCode, regionCode, reviewType, incidentDate } = event.payload;
    await this.cases.apply(event, { caseId, caseVersion: 1, organisationCode, regionCode, reviewType, incidentDate, withdrawn: false });
  }

  @ConsumeEvent(CaseCreatedV2Contract)
  async onCaseCreatedV2(event: EventEnvelope<CaseCreatedV2>): Promise<void> {
    await this.cases.apply(event, factsOfSnapshot(event.payload));
  }

  @ConsumeEvent(CaseUpdatedV1Contract)
  async onCaseUpdated(event: EventEnvelope<CaseUpdatedV1>): Promise<void> {
    await this.cases.apply(event, factsOfSnapshot(event.payload.case));
  }

  @ConsumeEvent(CaseWithdrawnV1Contract)
  async onCaseWithdrawn(event: EventEnvelope<CaseWithdrawnV1>): Promise<void> {
    await this.cases.apply(event, { ...factsOfSnapshot(event.payload.case), withdrawn: true });
  }
}
