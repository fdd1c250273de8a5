import { Topics } from '../topics.js';
import { CaseSnapshotV1 } from './case-snapshot.v1.js';
import type { EventContract } from './envelope.js';

/** A case was recorded by an ICB: the whole record (without free text), version 1. */
export class CaseCreatedV2 extends CaseSnapshotV1 {}

export const CaseCreatedV2Contract: EventContract<CaseCreatedV2> = {
  type: 'case-intake.case.created',
  version: 2,
  topic: Topics.caseCreatedV2,
  payloadClass: CaseCreatedV2,
  aggregateIdOf: (payload) => payload.caseId,
};
