import { addCalendarDays, dayOfWeek, type IsoDate } from './iso-date.js';

export interface Holiday {
  date: IsoDate;
  name: string;
  /** The date the holiday fell on when this is its substitute weekday. */
  substituteFor?: IsoDate;
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const isWeekend = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoOf(year, month, 1);
  return addCalendarDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = addCalendarDays(isoOf(year, month, 1), new Date(Date.UTC(year, month, 0)).getUTCDate() - 1);
  return addCalendarDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * England and Wales bank holidays of a year by the standing rules (Banking and Financial
 * Dealings Act 1971 and the usual royal proclamations): New Year's Day, Good Friday, Easter
 * Monday, early May (first Monday), spring (last Monday of May), summer (last Monday of August),
 * Christmas Day and Boxing Day; a holiday on a weekend moves to the next weekday that is not
 * already a holiday. One-off proclamations (jubilees, funerals, moved days) are not rules: they
 * come from the published lists.
 */
export function bankHolidaysByRule(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed: Holiday[] = [
    { date: isoOf(year, 1, 1), name: "New Year's Day" },
    { date: addCalendarDays(easter, -2), name: 'Good Friday' },
    { date: addCalendarDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    { date: isoOf(year, 12, 25), name: 'Christmas Day' },
    { date: isoOf(year, 12, 26), name: 'Boxing Day' },
  ];
  const taken = new Set(fixed.filter((holiday) => !isWeekend(holiday.date)).map((holiday) => holiday.date));
  return fixed.map((holiday) => {
    if (!isWeekend(holiday.date)) return holiday;
    let substitute = addCalendarDays(holiday.date, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addCalendarDays(substitute, 1);
    taken.add(substitute);
    return { date: substitute, name: `${holiday.name} (substitute day)`, substituteFor: holiday.date };
  });
}
