import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from './code-list-published.v1.js';
import { ODS_CODE_PATTERN } from './organisation-changed.v1.js';

/** One identifier of a case (StEIS number, LFPSE reference, local reference, other). */
export class CaseIdentifierV1 {
  /** A code of the `identifier-types` list. */
  @Matches(CODE_PATTERN) type: string;
  @IsString() @MaxLength(100) value: string;
}

/**
 * A case as events carry it: every coded and dated item, never free text (brief information,
 * comments and locality may hold personal data, so they stay in case-intake). `version` counts
 * the case's changes: a consumer keeps the snapshot with the highest version it has seen, so
 * late, repeated or reordered events converge to the same state.
 */
export class CaseSnapshotV1 {
  @IsUUID() caseId: string;
  @IsInt() @Min(1) version: number;
  /** The code the case was submitted under (kept as submitted; roll up through the hierarchy). */
  @Matches(ODS_CODE_PATTERN) organisationCode: string;
  @Matches(/^Y\d{2}$/) regionCode: string;
  @IsOptional() @Matches(ODS_CODE_PATTERN) subIcbLocationCode: string | null;
  /** `review-types` code: the initial type of review. */
  @Matches(CODE_PATTERN) reviewType: string;
  @IsISO8601({ strict: true }) incidentDate: string;
  @IsISO8601({ strict: true }) dateAdded: string;
  @Matches(CODE_PATTERN) subjectGroup: string;
  @IsOptional() @Matches(CODE_PATTERN) ageBand: string | null;
  /** `abuse-themes` codes, theme 1 first (1 to 3, distinct). */
  @IsArray() @ArrayMaxSize(3) @Matches(CODE_PATTERN, { each: true }) themes: string[];
  @IsOptional() @Matches(CODE_PATTERN) setting: string | null;
  @IsOptional() @Matches(CODE_PATTERN) designatedProfessional: string | null;
  /** A reference-data partnership id, when the case names a known one. */
  @IsOptional() @IsUUID() partnershipId: string | null;
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CaseIdentifierV1) identifiers: CaseIdentifierV1[];
  @IsBoolean() withdrawn: boolean;
  @IsISO8601({ strict: true }) createdAt: string;
  @IsISO8601({ strict: true }) updatedAt: string;
}
