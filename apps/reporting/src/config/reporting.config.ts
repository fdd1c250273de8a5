import { MessagingServiceEnv } from '@scrt/config';
import { IsInt, Max, Min } from 'class-validator';

export class ReportingEnv extends MessagingServiceEnv {
  /** How often the report summaries look for cells the warehouse changed (milliseconds): how far the reports lag the facts. */
  @IsInt() @Min(50) @Max(60_000) SUMMARY_REFRESH_INTERVAL_MS: number = 250;
}
