import { reportMonths } from './report-months.js';

describe('which months a report reads from the summaries, and which days from the facts', () => {
  it('reads whole months from the summaries', () => {
    expect(reportMonths('2025-04-01', '2026-03-31')).toEqual({ none: false, firstMonth: '2025-04-01', lastMonth: '2026-03-01', partDays: [] });
    expect(reportMonths(undefined, '2024-02-29')).toEqual({ none: false, firstMonth: undefined, lastMonth: '2024-02-01', partDays: [] });
    expect(reportMonths()).toEqual({ none: false, firstMonth: undefined, lastMonth: undefined, partDays: [] });
  });

  it('reads the days of a month partly asked for from the facts, at either end', () => {
    expect(reportMonths('2025-04-15', '2025-07-10')).toEqual({
      none: false,
      firstMonth: '2025-05-01',
      lastMonth: '2025-06-01',
      partDays: [
        { from: '2025-04-15', to: '2025-04-30' },
        { from: '2025-07-01', to: '2025-07-10' },
      ],
    });
    expect(reportMonths('2023-12-31')).toEqual({ none: false, firstMonth: '2024-01-01', lastMonth: undefined, partDays: [{ from: '2023-12-31', to: '2023-12-31' }] });
  });

  it('reads a part of one month from the facts alone, and no month when the range is empty', () => {
    const within = reportMonths('2025-02-03', '2025-02-28');
    expect(within.partDays).toEqual([{ from: '2025-02-03', to: '2025-02-28' }]);
    expect(within.firstMonth! > within.lastMonth!).toBe(true);
    expect(reportMonths('2025-02-01', '2025-02-28')).toEqual({ none: false, firstMonth: '2025-02-01', lastMonth: '2025-02-01', partDays: [] });
    expect(reportMonths('2025-03-02', '2025-03-01')).toEqual({ none: true, partDays: [] });
  });
});
