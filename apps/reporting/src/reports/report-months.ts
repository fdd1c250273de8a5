import { EARLIEST_REPORT_DATE, LATEST_REPORT_DATE } from './dto/report-date.js';
import type { ReportPeriod } from './dto/report-query.dto.js';

/** Days from `from` to `to` inclusive (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The grains the summaries are kept at, by the code `report_summary."grain"` holds: a month, a
 * calendar quarter (which is also a quarter of the financial year), a financial year (April to March).
 * A row's `month` is the first day of its period.
 */
export const SummaryGrains = { month: 'M', quarter: 'Q', financialYear: 'Y' } as const;
export type SummaryGrain = keyof typeof SummaryGrains;

/** Summary rows of one grain whose periods start from `first` to `last` (first days of months). */
export interface SummaryBlock {
  grain: SummaryGrain;
  first: string;
  last: string;
}

/**
 * How a report's dates are answered: whole periods from the summaries, each at the coarsest grain
 * that the report's own period still splits into (fewer rows to add up), and the days of a month
 * only partly asked for from the facts.
 */
export interface ReportRange {
  blocks: SummaryBlock[];
  partDays: DayRange[];
}

interface Level {
  grain: SummaryGrain;
  months: number;
  /** Whether a period of this grain starts on this first day of a month. */
  startsOn: (firstOfMonth: string) => boolean;
}

const monthNumber = (day: string) => Number(day.slice(5, 7));
const LEVELS: Level[] = [
  { grain: 'month', months: 1, startsOn: () => true },
  { grain: 'quarter', months: 3, startsOn: (day) => monthNumber(day) % 3 === 1 },
  { grain: 'financialYear', months: 12, startsOn: (day) => monthNumber(day) === 4 },
];
/** How many grains a report's own period may read: a row must fall within one of its periods. */
const GRAINS_WITHIN: Record<ReportPeriod, number> = { month: 1, quarter: 2, financialYear: 3, all: 3 };

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

export function addMonths(firstOfMonth: string, months: number): string {
  const date = new Date(`${firstOfMonth}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const monthEnd = (day: string) => {
  const date = new Date(`${addMonths(monthStart(day), 1)}T00:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
};

/** How many months a period of this grain spans. */
export const monthsIn = (grain: SummaryGrain) => LEVELS.find((level) => level.grain === grain)!.months;

/** The first day of the period of this grain that holds a month. */
export function periodStart(grain: SummaryGrain, firstOfMonth: string): string {
  const level = LEVELS.find((candidate) => candidate.grain === grain)!;
  let start = firstOfMonth;
  while (!level.startsOn(start)) start = addMonths(start, -1);
  return start;
}

/** The months from `first` to `last` (period starts of `levels[0]`) as blocks, the coarser grains in the middle. */
function blocksOf(first: string, last: string, [level, coarser, ...rest]: Level[]): SummaryBlock[] {
  const whole = (from: string, to: string): SummaryBlock[] => (from <= to ? [{ grain: level.grain, first: from, last: to }] : []);
  if (!coarser) return whole(first, last);
  let start = first;
  while (start <= last && !coarser.startsOn(start)) start = addMonths(start, level.months);
  let end = last;
  while (end >= start && !coarser.startsOn(addMonths(end, level.months))) end = addMonths(end, -level.months);
  if (start > end) return whole(first, last);
  return [
    ...whole(first, addMonths(start, -level.months)),
    ...blocksOf(start, addMonths(end, level.months - coarser.months), [coarser, ...rest]),
    ...whole(addMonths(end, level.months), last),
  ];
}

export function reportRange(from: string = EARLIEST_REPORT_DATE, to: string = LATEST_REPORT_DATE, period: ReportPeriod = 'all'): ReportRange {
  if (from > to) return { blocks: [], partDays: [] };
  const partDays: DayRange[] = [];
  let first = monthStart(from);
  if (from !== first) {
    partDays.push({ from, to: to < monthEnd(from) ? to : monthEnd(from) });
    first = addMonths(first, 1);
    if (first > to) return { blocks: [], partDays };
  }
  let last = monthStart(to);
  if (to !== monthEnd(to)) {
    partDays.push({ from: last, to });
    last = addMonths(last, -1);
  }
  return { blocks: first <= last ? blocksOf(first, last, LEVELS.slice(0, GRAINS_WITHIN[period])) : [], partDays };
}
