import { fromDayNumber, toDayNumber, yearOf, type IsoDate } from './iso-date.js';

export class OutsideCalendarError extends Error {
  constructor(
    readonly date: IsoDate,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(`${date} is outside the years the holiday calendar covers (${firstYear} to ${lastYear})`);
    this.name = 'OutsideCalendarError';
  }
}

export class InvalidWorkingDaysError extends Error {
  constructor(readonly days: number) {
    super(`the number of working days must be a whole number of at least 0 (got ${days})`);
    this.name = 'InvalidWorkingDaysError';
  }
}

export interface CalendarYears {
  firstYear: number;
  lastYear: number;
}

/**
 * Working days: Monday to Friday, except the holidays given. Pure: the holiday set is data
 * (England and Wales bank holidays come from reference-data).
 *
 * Counting rules, the ones the statutory timescales use ("within 15 working days of the
 * notification"):
 * - the start date is day 0 and never counts, even when it is a working day;
 * - day 1 is the first working day after the start date;
 * - an end date counts when it is a working day.
 *
 * A calendar knows only the years it was given (`years`): a date outside them is refused rather
 * than silently treated as having no bank holidays.
 */
/** 0 = Sunday ... 6 = Saturday, of a day number (day 0, 1 January 1970, was a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const isWeekday = (day: number) => weekdayOf(day) !== 0 && weekdayOf(day) !== 6;

/** How many of the sorted `values` are at most `limit`. */
function countUpTo(values: readonly number[], limit: number): number {
  let [low, high] = [0, values.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<number>;
  /** The holidays that fall on weekdays, in order: counting subtracts them from the weekdays. */
  private readonly weekdayHolidays: readonly number[];
  private readonly firstDay: number;
  private readonly lastDay: number;
  readonly years: CalendarYears;

  constructor(holidays: Iterable<IsoDate>, years?: CalendarYears) {
    const dates = [...holidays];
    this.holidays = new Set(dates.map(toDayNumber));
    const holidayYears = dates.map(yearOf);
    this.years = years ?? { firstYear: Math.min(...holidayYears), lastYear: Math.max(...holidayYears) };
    if (!Number.isInteger(this.years.firstYear) || !Number.isInteger(this.years.lastYear)) {
      throw new Error('a calendar needs its years: give at least one holiday or the years explicitly');
    }
    this.weekdayHolidays = [...this.holidays].filter(isWeekday).sort((a, b) => a - b);
    this.firstDay = toDayNumber(`${String(this.years.firstYear).padStart(4, '0')}-01-01`);
    this.lastDay = toDayNumber(`${String(this.years.lastYear).padStart(4, '0')}-12-31`);
  }

  /** Not a Saturday, a Sunday or a holiday. */
  isWorkingDay(date: IsoDate): boolean {
    this.assertCovered(date);
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /**
   * The date `days` working days after `from` (day 1 = the first working day after `from`).
   * `days` = 0 returns `from` itself, whatever day it is.
   * Rapid review notified on Monday 21 December 2026: day 15 is Thursday 14 January 2027.
   */
  addWorkingDays(from: IsoDate, days: number): IsoDate {
    if (!Number.isInteger(days) || days < 0) throw new InvalidWorkingDaysError(days);
    this.assertCovered(from);
    let current = toDayNumber(from);
    for (let counted = 0; counted < days; ) {
      current += 1;
      if (current > this.lastDay) this.assertCovered(fromDayNumber(current));
      if (this.isWorkingDayNumber(current)) counted += 1;
    }
    return fromDayNumber(current);
  }

  /**
   * Working days after `from` up to and including `to`: `from` excluded, `to` included, so
   * `countWorkingDays(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`
   * (the working days after `to` up to and including `from`): an overdue target. Counted
   * without walking the days: whole weeks, the days left over, less the holidays between.
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    this.assertCovered(from);
    this.assertCovered(to);
    const [start, end] = [toDayNumber(from), toDayNumber(to)];
    if (end < start) return -this.countWorkingDays(to, from);
    const weeks = Math.floor((end - start) / 7);
    let weekdays = weeks * 5;
    for (let day = start + weeks * 7 + 1; day <= end; day++) if (isWeekday(day)) weekdays += 1;
    return weekdays - (countUpTo(this.weekdayHolidays, end) - countUpTo(this.weekdayHolidays, start));
  }

  private isWorkingDayNumber(day: number): boolean {
    return isWeekday(day) && !this.holidays.has(day);
  }

  private assertCovered(date: IsoDate): void {
    const year = yearOf(date);
    if (year < this.years.firstYear || year > this.years.lastYear) throw new OutsideCalendarError(date, this.years.firstYear, this.years.lastYear);
  }
}
