/** Days from `from` to `to` inclusive (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * How a report's date filter is answered: whole months from the summaries (`firstMonth` to
 * `lastMonth`, first days of months, either open-ended when absent) and the days of a month
 * only partly asked for from the facts (`partDays`). `none`: no day can match.
 */
export interface ReportMonths {
  none: boolean;
  firstMonth?: string;
  lastMonth?: string;
  partDays: DayRange[];
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

function addMonths(firstOfMonth: string, months: number): string {
  const date = new Date(`${firstOfMonth}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const monthEnd = (day: string) => {
  const date = new Date(`${addMonths(monthStart(day), 1)}T00:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
};

export function reportMonths(from?: string, to?: string): ReportMonths {
  if (from && to && from > to) return { none: true, partDays: [] };
  if (from && to && monthStart(from) === monthStart(to) && (from !== monthStart(from) || to !== monthEnd(to))) return { none: false, partDays: [{ from, to }], firstMonth: monthStart(from), lastMonth: addMonths(monthStart(from), -1) };
  const partDays: DayRange[] = [];
  let firstMonth: string | undefined;
  let lastMonth: string | undefined;
  if (from) {
    firstMonth = monthStart(from);
    if (from !== firstMonth) {
      partDays.push({ from, to: monthEnd(from) });
      firstMonth = addMonths(firstMonth, 1);
    }
  }
  if (to) {
    lastMonth = monthStart(to);
    if (to !== monthEnd(to)) {
      partDays.push({ from: lastMonth, to });
      lastMonth = addMonths(lastMonth, -1);
    }
  }
  return { none: false, firstMonth, lastMonth, partDays };
}
