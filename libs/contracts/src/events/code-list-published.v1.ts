import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

/** A code list's code: upper case letters, digits and underscores. */
export const CODE_PATTERN = /^[A-Z0-9_]{1,50}$/;
/** A code list's own code (its name in URLs and events): lower case words joined by hyphens. */
export const CODE_LIST_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class PublishedCodeV1 {
  @Matches(CODE_PATTERN) code: string;
  @IsString() @MaxLength(200) label: string;
  @IsOptional() @IsString() @MaxLength(1000) description: string | null;
  @IsInt() @Min(0) sortOrder: number;
  @IsOptional() @Matches(CODE_PATTERN) parentCode: string | null;
  /** Still valid on existing records, refused on new ones. */
  @IsBoolean() deprecated: boolean;
}

/** A version of a code list was published: its full content, in force from `effectiveFrom`. */
export class CodeListPublishedV1 {
  @Matches(CODE_LIST_PATTERN) @MaxLength(50) listCode: string;
  @IsString() @MaxLength(200) listName: string;
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) effectiveFrom: string;
  @IsISO8601({ strict: true }) publishedAt: string;
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => PublishedCodeV1) codes: PublishedCodeV1[];
}

export const CodeListPublishedV1Contract: EventContract<CodeListPublishedV1> = {
  type: 'reference-data.code-list.published',
  version: 1,
  topic: Topics.codeListPublishedV1,
  payloadClass: CodeListPublishedV1,
  aggregateIdOf: (payload) => payload.listCode,
};
