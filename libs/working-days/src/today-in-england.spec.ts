import { describe, expect, it, jest } from '@jest/globals';
import { todayInEngland } from './iso-date.js';

describe('todayInEngland', () => {
  it('is the calendar date in London, which runs ahead of UTC in summer', () => {
    expect(todayInEngland(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayInEngland(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInEngland(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
  });

  it('builds no formatter per call (building one costs far more than formatting)', () => {
    const constructed = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      todayInEngland();
      expect(constructed).not.toHaveBeenCalled();
    } finally {
      constructed.mockRestore();
    }
  });
});
