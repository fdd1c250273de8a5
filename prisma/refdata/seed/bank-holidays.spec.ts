import { bankHolidaysByRule, dayOfWeek } from '@scrt/working-days';
import { readBankHolidays } from './seed.js';

// One-off royal proclamations 2018-2026 (gov.uk): days added, and rule days that moved away.
const PROCLAIMED = ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'];
const MOVED_AWAY = ['2020-05-04', '2022-05-30'];

const years = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('bank-holidays.csv (England and Wales, 2018-2030)', () => {
  it('holds the rule days of every year, apart from the proclaimed changes', async () => {
    const seeded = (await readBankHolidays()).map((holiday) => holiday.date);
    const byRule = years(2018, 2030).flatMap((year) => bankHolidaysByRule(year).map((holiday) => holiday.date));
    const expected = [...byRule.filter((date) => !MOVED_AWAY.includes(date)), ...PROCLAIMED].sort();
    expect([...seeded].sort()).toEqual(expected);
  });

  it('states the weekend day each substitute replaces, and every holiday is a weekday', async () => {
    for (const holiday of await readBankHolidays()) {
      expect([0, 6]).not.toContain(dayOfWeek(holiday.date));
      if (holiday.substitute_for) expect([0, 6]).toContain(dayOfWeek(holiday.substitute_for));
    }
  });

  it('marks the years after 2026 as computed by rule, the others as published', async () => {
    for (const holiday of await readBankHolidays()) {
      expect(holiday.source).toBe(Number(holiday.date.slice(0, 4)) > 2026 ? 'rule' : 'gov.uk');
    }
  });

  it('has Boxing Day 2026 on its substitute Monday', async () => {
    expect((await readBankHolidays()).find((holiday) => holiday.date === '2026-12-28')).toEqual({
      date: '2026-12-28',
      name: 'Boxing Day (substitute day)',
      substitute_for: '2026-12-26',
      source: 'gov.uk',
    });
  });
});
