import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Topics } from '../topics.js';
import type { EventContract } from './envelope.js';

export const BankHolidaySourcesV1 = ['gov.uk', 'rule', 'admin'] as const;
/** One key for the whole calendar: the latest event is the full set. */
export const BANK_HOLIDAYS_EVENT_KEY = 'bank-holidays';

export class BankHolidayV1 {
  @IsISO8601({ strict: true }) date: string;
  @IsString() @MaxLength(200) name: string;
  /** The weekend date this day substitutes for. */
  @IsOptional() @IsISO8601({ strict: true }) substituteFor: string | null;
  @IsIn(BankHolidaySourcesV1) source: (typeof BankHolidaySourcesV1)[number];
}

/** The bank holidays changed: the full set after the change, so the latest event replaces a consumer's copy. */
export class BankHolidaysChangedV1 {
  @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => BankHolidayV1) holidays: BankHolidayV1[];
}

export const BankHolidaysChangedV1Contract: EventContract<BankHolidaysChangedV1> = {
  type: 'reference-data.bank-holidays.changed',
  version: 1,
  topic: Topics.bankHolidaysChangedV1,
  payloadClass: BankHolidaysChangedV1,
  aggregateIdOf: () => BANK_HOLIDAYS_EVENT_KEY,
};
