import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BooleanFromEnv, MessagingServiceEnv } from '@scrt/config';

export class ReviewsEnv extends MessagingServiceEnv {
  /** Off only to prove the outbox: events then wait in the table until a relay runs. */
  @BooleanFromEnv() @IsBoolean() OUTBOX_RELAY_ENABLED = true;
  /** A review's running target turns amber (due soon) within this many working days of its date. */
  @IsInt() @Min(0) @Max(60) DEADLINE_AMBER_WORKING_DAYS: number = 5;
  /** How often the deadline scheduler looks for alerts that are due (milliseconds). */
  @IsInt() @Min(1000) @Max(86_400_000) DEADLINE_SCAN_INTERVAL_MS: number = 60_000;
}
