import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

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
  @IsIn(ReviewTypeCodes) reviewType: ReviewTypeCode;
  @IsISO8601({ strict: true }) createdAt: string;
}

export const CaseCreatedV1Contract: EventContract<CaseCreatedV1> = {
  type: 'case-intake.case.created',
  version: 1,
  topic: Topics.caseCreatedV1,
  payloadClass: CaseCreatedV1,
  aggregateIdOf: (payload) => payload.caseId,
};
