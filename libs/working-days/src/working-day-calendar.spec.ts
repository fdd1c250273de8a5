import { addCalendarDays, InvalidDateError } from './iso-date.js';
import { InvalidWorkingDaysError, OutsideCalendarError, WorkingDayCalendar } from './working-day-calendar.js';

// The gov.uk lists for 2020 to 2027 (2027 by rule), the days these tests cross.
const HOLIDAYS = [
  '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
];
const calendar = new WorkingDayCalendar(HOLIDAYS, { firstYear: 2020, lastYear: 2027 });

describe('WorkingDayCalendar.isWorkingDay', () => {
  it.each([
    ['2026-04-02', true, 'Thursday before Easter'],
    ['2026-04-03', false, 'Good Friday 2026'],
    ['2026-04-06', false, 'Easter Monday 2026'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-12-26', false, 'Boxing Day 2026, a Saturday'],
    ['2026-12-28', false, 'substitute for Boxing Day 2026'],
    ['2026-12-29', true, 'first working day after Christmas 2026'],
    ['2022-06-03', false, 'Platinum Jubilee'],
    ['2022-09-19', false, 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', false, 'Coronation of King Charles III'],
    ['2020-05-04', true, 'the first Monday of May 2020, moved to VE day'],
    ['2020-05-08', false, 'VE day 2020'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('WorkingDayCalendar.addWorkingDays (day 1 = the first working day after the start)', () => {
  it.each([
    ['2026-12-21', 5, '2026-12-30', 'over Christmas 2026 and its substitute Monday'],
    ['2026-12-21', 15, '2027-01-14', 'rapid review notified 21 December 2026'],
    ['2026-04-01', 2, '2026-04-07', 'over Good Friday and Easter Monday 2026'],
    ['2026-04-02', 1, '2026-04-07', 'Thursday before Easter: the next working day is Tuesday'],
    ['2026-04-03', 1, '2026-04-07', 'from a bank holiday'],
    ['2022-06-01', 1, '2022-06-06', 'over the 2022 spring and Platinum Jubilee days'],
    ['2022-09-16', 1, '2022-09-20', 'over the State Funeral'],
    ['2023-05-05', 1, '2023-05-09', 'over the Coronation'],
    ['2020-05-01', 1, '2020-05-04', '4 May 2020 was a working day'],
    ['2020-05-07', 1, '2020-05-11', 'over VE day 2020'],
    ['2026-11-27', 0, '2026-11-27', 'zero days is the start date'],
    ['2026-11-28', 0, '2026-11-28', 'zero days from a Saturday is that Saturday'],
    ['2026-11-28', 1, '2026-11-30', 'from a Saturday: day 1 is Monday'],
    ['2026-11-30', 5, '2026-12-07', 'a plain week'],
  ])('%s + %i working days = %s (%s)', (from, days, expected) => {
    expect(calendar.addWorkingDays(from, days)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => calendar.addWorkingDays('2026-01-05', days)).toThrow(InvalidWorkingDaysError);
  });

  it('refuses to run past the last year it knows', () => {
    expect(() => calendar.addWorkingDays('2027-12-20', 10)).toThrow(OutsideCalendarError);
  });
});

describe('WorkingDayCalendar.countWorkingDays (start excluded, end included)', () => {
  it.each([
    ['2026-12-21', '2026-12-30', 5, 'over Christmas 2026'],
    ['2026-12-21', '2027-01-14', 15, 'a rapid review due date'],
    ['2026-04-02', '2026-04-07', 1, 'Easter 2026'],
    ['2026-11-30', '2026-11-30', 0, 'the same day'],
    ['2026-11-30', '2026-12-01', 1, 'the next day'],
    ['2026-12-04', '2026-12-06', 0, 'Friday to Sunday'],
    ['2026-12-30', '2026-12-21', -5, 'backwards: overdue by 5 working days'],
    ['2022-05-27', '2022-06-10', 8, 'the jubilee fortnight 2022'],
  ])('%s to %s = %i (%s)', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const days of [1, 7, 15, 40, 250]) {
      expect(calendar.countWorkingDays('2022-01-04', calendar.addWorkingDays('2022-01-04', days))).toBe(days);
    }
  });

  it('counts (by whole weeks and holidays between) exactly as walking the days one by one does', () => {
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
      return count;
    };
    for (let offset = 0; offset < 400; offset += 7) {
      const from = addCalendarDays('2022-04-01', offset);
      for (const length of [0, 1, 5, 6, 7, 13, 64, 365]) {
        const to = addCalendarDays(from, length);
        expect([from, to, calendar.countWorkingDays(from, to)]).toEqual([from, to, walk(from, to)]);
        expect(calendar.countWorkingDays(to, from) + walk(from, to)).toBe(0);
      }
    }
  });

  it('refuses a date outside the years it knows', () => {
    expect(() => calendar.countWorkingDays('2019-12-31', '2020-01-02')).toThrow(OutsideCalendarError);
  });
});

describe('dates', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '2026-04-31', ''])('refuses %p', (date) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(InvalidDateError);
  });

  it('takes its years from the holidays when not given', () => {
    expect(new WorkingDayCalendar(['2026-12-25', '2028-01-03']).years).toEqual({ firstYear: 2026, lastYear: 2028 });
  });
});
