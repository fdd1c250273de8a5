import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

export const ODS_CODE_PATTERN = /^[A-Z0-9]{3,5}$/;
export const OrganisationTypesV1 = ['national', 'region', 'icb', 'sub_icb'] as const;

export class OrganisationParentLinkV1 {
  @Matches(ODS_CODE_PATTERN) parentOdsCode: string;
  @IsISO8601({ strict: true }) effectiveFrom: string;
  @IsOptional() @IsISO8601({ strict: true }) effectiveTo: string | null;
}

export class OrganisationPredecessorV1 {
  @Matches(ODS_CODE_PATTERN) odsCode: string;
  /** The day this organisation took over the predecessor's work. */
  @IsISO8601({ strict: true }) effectiveFrom: string;
}

/**
 * An organisation was created or changed: its whole state through time (period, every parent
 * link, the organisations it replaced). Keyed by ODS code, so the latest event of each code is
 * all a consumer needs: a copy is rebuilt from the topic alone.
 */
export class OrganisationChangedV1 {
  @Matches(ODS_CODE_PATTERN) odsCode: string;
  @IsString() @MaxLength(200) name: string;
  @IsIn(OrganisationTypesV1) type: (typeof OrganisationTypesV1)[number];
  @IsISO8601({ strict: true }) effectiveFrom: string;
  @IsOptional() @IsISO8601({ strict: true }) effectiveTo: string | null;
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OrganisationParentLinkV1) parentLinks: OrganisationParentLinkV1[];
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OrganisationPredecessorV1) predecessors: OrganisationPredecessorV1[];
}

export const OrganisationChangedV1Contract: EventContract<OrganisationChangedV1> = {
  type: 'reference-data.organisation.changed',
  version: 1,
  topic: Topics.organisationChangedV1,
  payloadClass: OrganisationChangedV1,
  aggregateIdOf: (payload) => payload.odsCode,
};
