import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import { CaseSnapshotV1 } from './case-snapshot.v1.js';
import type { EventContract } from './envelope.js';

/**
 * A case was changed: the names of the fields that changed (free-text fields by name only) and
 * the case as it is after the change.
 */
export class CaseUpdatedV1 {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(50, { each: true }) changedFields: string[];
  @ValidateNested() @Type(() => CaseSnapshotV1) case: CaseSnapshotV1;
}

export const CaseUpdatedV1Contract: EventContract<CaseUpdatedV1> = {
  type: 'case-intake.case.updated',
  version: 1,
  topic: Topics.caseUpdatedV1,
  payloadClass: CaseUpdatedV1,
  aggregateIdOf: (payload) => payload.case.caseId,
};
