import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

export const TimescaleUnitsV1 = ['working_days', 'calendar_months'] as const;
/** Every version is published under this one key, so a consumer reads them in publishing order. */
export const TIMESCALES_EVENT_KEY = 'timescales';

export class PublishedTimescaleTargetV1 {
  @IsString() @MaxLength(50) reviewType: string;
  @IsString() @MaxLength(50) stage: string;
  /** null: the national default; else the ICB whose override this is. */
  @IsOptional() @Matches(/^[A-Z0-9]{3,5}$/) icbOdsCode: string | null;
  @IsInt() @Min(1) amount: number;
  @IsIn(TimescaleUnitsV1) unit: (typeof TimescaleUnitsV1)[number];
  @IsString() @MaxLength(50) startEvent: string;
  @IsOptional() @IsString() @MaxLength(500) description: string | null;
}

/** A timescale version was published: every target of it, in force from `effectiveFrom`. */
export class TimescalesPublishedV1 {
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) effectiveFrom: string;
  @IsISO8601({ strict: true }) publishedAt: string;
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => PublishedTimescaleTargetV1) targets: PublishedTimescaleTargetV1[];
}

export const TimescalesPublishedV1Contract: EventContract<TimescalesPublishedV1> = {
  type: 'reference-data.timescales.published',
  version: 1,
  topic: Topics.timescalesPublishedV1,
  payloadClass: TimescalesPublishedV1,
  aggregateIdOf: () => TIMESCALES_EVENT_KEY,
};
