import type { ChartData } from '../charts/chart-spec.js';

type Row = Record<string, unknown>;

/**
 * Medians by category, one series a column. The service answers a median per period, area and
 * type of review; medians do not add up, so where a category spans several rows their medians
 * are averaged, weighted by the rows' `weight` (reviews). Null where no row has a value.
 */
export function weightedMedians(rows: Row[], category: string, columns: { column: string; name: string }[], weight: string, label: (code: string) => string): ChartData {
  const categories = [...new Set(rows.map((row) => String(row[category] ?? 'Not recorded')))].sort();
  const averageOf = (code: string, column: string) => {
    const valued = rows.filter((row) => String(row[category] ?? 'Not recorded') === code && typeof row[column] === 'number');
    const weights = valued.reduce((sum, row) => sum + Number(row[weight] ?? 0), 0);
    if (valued.length === 0 || weights === 0) return null;
    return Math.round(valued.reduce((sum, row) => sum + Number(row[column]) * Number(row[weight] ?? 0), 0) / weights);
  };
  return { categories: categories.map(label), series: columns.map(({ column, name }) => ({ name, values: categories.map((code) => averageOf(code, column)) })) };
}
