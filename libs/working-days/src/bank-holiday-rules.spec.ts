import { bankHolidaysByRule, easterSunday } from './bank-holiday-rules.js';
import { addCalendarMonths } from './iso-date.js';

describe('easterSunday', () => {
  it.each([
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('bankHolidaysByRule', () => {
  it('2026: Boxing Day on a Saturday moves to Monday 28 December', () => {
    expect(bankHolidaysByRule(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)', substituteFor: '2026-12-26' },
    ]);
  });

  it.each([
    [2021, ['2021-12-27', '2021-12-25'], ['2021-12-28', '2021-12-26']],
    [2022, ['2022-12-27', '2022-12-25'], ['2022-12-26', undefined]],
    [2027, ['2027-12-27', '2027-12-25'], ['2027-12-28', '2027-12-26']],
  ])('%i: Christmas on a weekend', (year, christmas, boxingDay) => {
    const [christmasDay, boxing] = bankHolidaysByRule(year as number).slice(-2);
    expect([christmasDay.date, christmasDay.substituteFor]).toEqual(christmas);
    expect([boxing.date, boxing.substituteFor]).toEqual(boxingDay);
  });

  it.each([
    [2022, '2022-01-03'],
    [2023, '2023-01-02'],
    [2028, '2028-01-03'],
  ])("%i: New Year's Day on a weekend moves to %s", (year, expected) => {
    expect(bankHolidaysByRule(year)[0].date).toBe(expected);
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-10-31', 3, '2027-01-31'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });
});
