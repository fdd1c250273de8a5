import { Type } from 'class-transformer';
import { IsISO8601, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import { CaseSnapshotV1 } from './case-snapshot.v1.js';
import type { EventContract } from './envelope.js';

/** A case was withdrawn (never deleted). The reason is free text and stays in case-intake. */
export class CaseWithdrawnV1 {
  @IsISO8601({ strict: true }) withdrawnAt: string;
  @ValidateNested() @Type(() => CaseSnapshotV1) case: CaseSnapshotV1;
}

export const CaseWithdrawnV1Contract: EventContract<CaseWithdrawnV1> = {
  type: 'case-intake.case.withdrawn',
  version: 1,
  topic: Topics.caseWithdrawnV1,
  payloadClass: CaseWithdrawnV1,
  aggregateIdOf: (payload) => payload.case.caseId,
};
