import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { Topics } from '../topics.js';
import { CODE_PATTERN } from './code-list-published.v1.js';
import type { EventContract } from './envelope.js';

/**
 * The review types seeded in reference-data's `review-types` list (version 1), for documentation
 * and examples only: the list in force (a consumer's copy of it) decides which codes are valid.
 */
export const ReviewTypeCodes = [
  'RAPID_REVIEW',
  'CSPR_LOCAL',
  'CSPR_NATIONAL',
  'SAR',
  'DHR',
  'DHR_CHILD',
  'OTHER',
] as const;
export type ReviewTypeCode = (typeof ReviewTypeCodes)[number];

/** A case was recorded by an ICB. */
export class CaseCreatedV1 {
  @IsUUID() caseId: string;
  @Matches(/^[A-Z0-9]{3,5}$/) organisationCode: string;
  @Matches(/^Y\d{2}$/) regionCode: string;
  @IsISO8601({ strict: true }) incidentDate: string;
  /** A code of the `review-types` code list, valid when the case was recorded. */
  @Matches(CODE_PATTERN) reviewType: string;
  @IsISO8601({ strict: true }) createdAt: string;
}

export const CaseCreatedV1Contract: EventContract<CaseCreatedV1> = {
  type: 'case-intake.case.created',
  version: 1,
  topic: Topics.caseCreatedV1,
  payloadClass: CaseCreatedV1,
  aggregateIdOf: (payload) => payload.caseId,
};
