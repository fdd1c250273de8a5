import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { OutsideCalendarError, WorkingDayCalendar, dayOfWeek, yearOf } from '@scrt/working-days';
import { BankHolidayExistsError, BankHolidayNotFoundError, DateOutsideCalendarError, HolidayNotOnAWeekdayError, NoBankHolidaysError, YearRangeError } from './calendar.errors.js';
import { CalendarRepository } from './calendar.repository.js';
import { isoDateOf } from './dto/calendar-date.js';
import type { AddWorkingDaysResultDto, CountWorkingDaysResultDto } from './dto/working-days.dto.js';
import type { BankHolidayDto, BankHolidayListDto, CreateBankHolidayDto } from './dto/bank-holiday.dto.js';

type BankHolidayRow = Awaited<ReturnType<CalendarRepository['findAll']>>[number];

const toDto = (row: BankHolidayRow): BankHolidayDto => ({
  date: isoDateOf(row.date),
  name: row.name,
  substituteFor: row.substituteFor ? isoDateOf(row.substituteFor) : null,
  source: row.source,
});

const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

export const ADD_RULE = 'day 1 is the first working day after `from`; `from` itself never counts';
export const COUNT_RULE = '`from` excluded, `to` included';

@Injectable()
export class CalendarService {
  constructor(private readonly holidays: CalendarRepository) {}

  async list(fromYear: number = new Date().getUTCFullYear(), toYear: number = fromYear): Promise<BankHolidayListDto> {
    if (toYear < fromYear) throw new YearRangeError();
    const rows = await this.holidays.findBetween(`${fromYear}-01-01`, `${toYear}-12-31`);
    return { fromYear, toYear, items: rows.map(toDto) };
  }

  async add(input: CreateBankHolidayDto, principal: Principal): Promise<BankHolidayDto> {
    if (isWeekend(input.date)) throw new HolidayNotOnAWeekdayError('date', 'date must be a weekday: a holiday on a weekend is given as its substitute weekday');
    if (input.substituteFor && !isWeekend(input.substituteFor)) throw new HolidayNotOnAWeekdayError('substituteFor', 'substituteFor must be the weekend date the holiday fell on');
    const row = await this.holidays.create(input, principal);
    if (!row) throw new BankHolidayExistsError(input.date);
    return toDto(row);
  }

  async remove(date: string, principal: Principal): Promise<void> {
    if (!(await this.holidays.delete(date, principal))) throw new BankHolidayNotFoundError(date);
  }

  /** The working-day calendar of the bank holidays as they stand now, over the years they cover. */
  async calendar(): Promise<WorkingDayCalendar> {
    const dates = (await this.holidays.findAll()).map((row) => isoDateOf(row.date));
    if (dates.length === 0) throw new NoBankHolidaysError();
    return new WorkingDayCalendar(dates, { firstYear: yearOf(dates[0]), lastYear: yearOf(dates[dates.length - 1]) });
  }

  async addWorkingDays(from: string, days: number): Promise<AddWorkingDaysResultDto> {
    const calendar = await this.calendar();
    const date = withFieldOfRange(() => calendar.addWorkingDays(from, days), (outside) => (outside === from ? 'from' : 'days'));
    return { from, days, date, rule: ADD_RULE };
  }

  async countWorkingDays(from: string, to: string): Promise<CountWorkingDaysResultDto> {
    const calendar = await this.calendar();
    const workingDays = withFieldOfRange(() => calendar.countWorkingDays(from, to), (outside) => (outside === from ? 'from' : 'to'));
    return { from, to, workingDays, rule: COUNT_RULE };
  }
}

/** Runs a calculation, naming the request field whose date fell outside the calendar. */
export function withFieldOfRange<T>(calculate: () => T, fieldOf: (outsideDate: string) => string): T {
  try {
    return calculate();
  } catch (error) {
    if (error instanceof OutsideCalendarError) throw new DateOutsideCalendarError(fieldOf(error.date), error.date, error.firstYear, error.lastYear);
    throw error;
  }
}
