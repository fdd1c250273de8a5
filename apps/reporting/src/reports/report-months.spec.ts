import { periodStart, reportRange } from './report-months.js';

describe('which summary rows a report reads, at which grain, and which days from the facts', () => {
  it('reads whole months as months when the report is by month', () => {
    expect(reportRange('2025-04-01', '2026-03-31', 'month')).toEqual({ blocks: [{ grain: 'month', first: '2025-04-01', last: '2026-03-01' }], partDays: [] });
  });

  it('reads whole quarters as quarters, and the months around them as months, when the report is by quarter', () => {
    expect(reportRange('2025-02-01', '2025-11-30', 'quarter')).toEqual({
      blocks: [
        { grain: 'month', first: '2025-02-01', last: '2025-03-01' },
        { grain: 'quarter', first: '2025-04-01', last: '2025-07-01' },
        { grain: 'month', first: '2025-10-01', last: '2025-11-01' },
      ],
      partDays: [],
    });
  });

  it('reads whole financial years as years, then quarters, then months, when the report is by year or over all', () => {
    expect(reportRange('2023-02-01', '2025-08-31', 'financialYear')).toEqual({
      blocks: [
        { grain: 'month', first: '2023-02-01', last: '2023-03-01' },
        { grain: 'financialYear', first: '2023-04-01', last: '2024-04-01' },
        { grain: 'quarter', first: '2025-04-01', last: '2025-04-01' },
        { grain: 'month', first: '2025-07-01', last: '2025-08-01' },
      ],
      partDays: [],
    });
    expect(reportRange('2024-01-01', '2024-03-31')).toEqual({ blocks: [{ grain: 'quarter', first: '2024-01-01', last: '2024-01-01' }], partDays: [] });
    expect(reportRange('2024-04-01', '2025-03-31')).toEqual({ blocks: [{ grain: 'financialYear', first: '2024-04-01', last: '2024-04-01' }], partDays: [] });
  });

  it('covers the years a report can mean when no dates are given', () => {
    expect(reportRange(undefined, undefined, 'financialYear').blocks).toEqual([
      { grain: 'quarter', first: '1900-01-01', last: '1900-01-01' },
      { grain: 'financialYear', first: '1900-04-01', last: '2099-04-01' },
      { grain: 'quarter', first: '2100-04-01', last: '2100-10-01' },
    ]);
    expect(reportRange(undefined, '2024-02-29', 'month').blocks).toEqual([{ grain: 'month', first: '1900-01-01', last: '2024-02-01' }]);
  });

  it('reads the days of a month partly asked for from the facts, at either end', () => {
    expect(reportRange('2025-04-15', '2025-07-10', 'all')).toEqual({
      blocks: [{ grain: 'month', first: '2025-05-01', last: '2025-06-01' }],
      partDays: [
        { from: '2025-04-15', to: '2025-04-30' },
        { from: '2025-07-01', to: '2025-07-10' },
      ],
    });
    expect(reportRange('2100-12-31').partDays).toEqual([{ from: '2100-12-31', to: '2100-12-31' }]);
  });

  it('reads a part of one month from the facts alone, and nothing when the range is empty', () => {
    expect(reportRange('2025-02-03', '2025-02-28')).toEqual({ blocks: [], partDays: [{ from: '2025-02-03', to: '2025-02-28' }] });
    expect(reportRange('2025-02-01', '2025-02-10')).toEqual({ blocks: [], partDays: [{ from: '2025-02-01', to: '2025-02-10' }] });
    expect(reportRange('2025-02-01', '2025-02-28')).toEqual({ blocks: [{ grain: 'month', first: '2025-02-01', last: '2025-02-01' }], partDays: [] });
    expect(reportRange('2025-03-02', '2025-03-01')).toEqual({ blocks: [], partDays: [] });
  });

  it('finds the quarter and the financial year a month belongs to', () => {
    expect(periodStart('quarter', '2025-05-01')).toBe('2025-04-01');
    expect(periodStart('quarter', '2025-12-01')).toBe('2025-10-01');
    expect(periodStart('financialYear', '2026-03-01')).toBe('2025-04-01');
    expect(periodStart('financialYear', '2026-04-01')).toBe('2026-04-01');
    expect(periodStart('month', '2026-02-01')).toBe('2026-02-01');
  });
});
