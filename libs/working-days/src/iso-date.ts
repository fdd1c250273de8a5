/** A calendar date as `YYYY-MM-DD`: no time, no time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
    this.name = 'InvalidDateError';
  }
}

/**
 * Days since 1970-01-01. Arithmetic runs on this day number, in UTC, so that no local time zone
 * or daylight-saving change can move a date.
 */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new InvalidDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const parsed = new Date(ms);
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) throw new InvalidDateError(date);
  return ms / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (toDayNumber(date) + 4) % 7;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/**
 * The same day of the month `months` later; when that month is shorter, its last day
 * (31 August + 6 months = 28 or 29 February).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  toDayNumber(date);
  const [year, month, day] = date.split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / MS_PER_DAY);
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const englishCalendarDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's date in England (a UK evening is not "tomorrow" in UTC terms, nor a UK morning "yesterday"). */
export function todayInEngland(now = new Date()): IsoDate {
  return englishCalendarDate.format(now);
}
