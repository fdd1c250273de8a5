import type { BankHolidaysChangedV1, BankHolidayV1, EventEnvelope } from '@scrt/contracts';
import { Inbox, qualifiedTable, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';
import { WorkingDayCalendar, yearOf } from '@scrt/working-days';

/** The table (in the consuming service's schema) holding the latest full set of bank holidays. */
export const CALENDAR_COPY_TABLE = 'reference_bank_holidays';
const ROW_KEY = 'bank-holidays';
const MEMORY_TTL_MS = 30_000;

/** The working-day calendar over the years the holidays cover (a calendar refuses dates outside them). */
export function calendarOf(holidays: BankHolidayV1[]): WorkingDayCalendar | undefined {
  if (holidays.length === 0) return undefined;
  const years = holidays.map((holiday) => yearOf(holiday.date));
  return new WorkingDayCalendar(
    holidays.map((holiday) => holiday.date),
    { firstYear: Math.min(...years), lastYear: Math.max(...years) },
  );
}

/**
 * A consuming service's copy of the England and Wales bank holidays, fed by
 * `reference-data.bank-holidays.changed.v1` (each event carries the full set) through its inbox.
 * The latest event wins; an older one delivered late is ignored.
 */
export class CalendarCopy {
  private readonly table: string;
  private readonly inbox: Inbox;
  private cached?: { calendar: WorkingDayCalendar | undefined; until: number };

  constructor(
    private readonly db: TransactionalSqlClient,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, CALENDAR_COPY_TABLE);
    this.inbox = new Inbox(schema);
  }

  async apply(event: EventEnvelope<BankHolidaysChangedV1>): Promise<InboxOutcome> {
    const outcome = await this.inbox.processOnce(this.db, event, this.consumer, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("key", "holidays", "occurred_at") VALUES ($1, $2::jsonb, $3::timestamptz)
         ON CONFLICT ("key") DO UPDATE SET "holidays" = EXCLUDED."holidays", "occurred_at" = EXCLUDED."occurred_at", "received_at" = now()
         WHERE ${this.table}."occurred_at" <= EXCLUDED."occurred_at"`,
        ROW_KEY,
        JSON.stringify(event.payload.holidays),
        event.occurredAt,
      );
    });
    this.cached = undefined;
    return outcome;
  }

  /** The bank holidays as the copy holds them (empty until the first event arrives). */
  async holidays(): Promise<BankHolidayV1[]> {
    const rows = await this.db.$queryRawUnsafe<{ holidays: BankHolidayV1[] }[]>(`SELECT "holidays" FROM ${this.table} WHERE "key" = $1`, ROW_KEY);
    return rows[0]?.holidays ?? [];
  }

  /** The working-day calendar; undefined until the first event arrives. */
  async calendar(): Promise<WorkingDayCalendar | undefined> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const calendar = calendarOf(await this.holidays());
    this.cached = { calendar, until: Date.now() + MEMORY_TTL_MS };
    return calendar;
  }
}
