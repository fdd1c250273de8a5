import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

export const PartnershipKindsV1 = ['LSCP', 'SAB', 'CSP'] as const;

/**
 * A safeguarding partnership was created, changed or ended: its whole state. Keyed by its id, so
 * the latest event of each id is all a consumer needs.
 */
export class PartnershipChangedV1 {
  @IsUUID() id: string;
  @IsString() @MaxLength(200) name: string;
  @IsIn(PartnershipKindsV1) kind: (typeof PartnershipKindsV1)[number];
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) localAuthorities: string[];
  @IsArray() @ArrayMaxSize(100) @Matches(/^[A-Z0-9]{3,5}$/, { each: true }) icbOdsCodes: string[];
  @IsISO8601({ strict: true }) effectiveFrom: string;
  @IsOptional() @IsISO8601({ strict: true }) effectiveTo: string | null;
  /** Counts the partnership's changes: a consumer keeps the highest it has seen. */
  @IsInt() @Min(1) version: number;
}

export const PartnershipChangedV1Contract: EventContract<PartnershipChangedV1> = {
  type: 'reference-data.partnership.changed',
  version: 1,
  topic: Topics.partnershipChangedV1,
  payloadClass: PartnershipChangedV1,
  aggregateIdOf: (payload) => payload.id,
};
