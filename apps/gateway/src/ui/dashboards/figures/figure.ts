import { lineChart, stackedBarChart, wholeNumber, type ChartData, type NumberFormat } from '../charts/svg-charts.js';

/** One chart and the table of the same numbers, as the `figure` template macro shows them. */
export interface Figure {
  id: string;
  caption: string;
  summary: string;
  /** Built by the tested renderer, every label escaped: the one HTML a dashboard passes unescaped. */
  svg: string;
  /** nhsuk table parameters; each cell names its column for the stacked layout on small screens. */
  table: { head: { text: string; format?: string }[]; rows: { header: string; text: string; format?: string }[][] };
}

export interface FigureSpec {
  id: string;
  caption: string;
  /** The table's first column: what a bar (or point) stands for. */
  categoryHeader: string;
  kind?: 'bar' | 'line';
  format?: NumberFormat;
}

type Row = Record<string, unknown>;

/**
 * Sums `value` over rows by category (bars, sorted) and series (segments, in `seriesOrder`,
 * else by name); a label function names each code. Missing combinations count 0.
 */
export function pivot(rows: Row[], by: { category: string; series?: string; value: string }, label: (code: string) => string = (code) => code): ChartData {
  const keyOf = (row: Row, column: string | undefined) => (column ? String(row[column] ?? 'Not recorded') : 'Total');
  const categories = [...new Set(rows.map((row) => keyOf(row, by.category)))].sort();
  const seriesKeys = [...new Set(rows.map((row) => keyOf(row, by.series)))].sort((a, b) => label(a).localeCompare(label(b)));
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${keyOf(row, by.category)}\u0000${keyOf(row, by.series)}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(row[by.value] ?? 0));
  }
  return {
    categories: categories.map(label),
    series: seriesKeys.map((series) => ({ name: by.series ? label(series) : 'Total', values: categories.map((category) => sums.get(`${category}\u0000${series}`) ?? 0) })),
  };
}

/** A sentence for the chart's description: the largest bar and the overall total. */
function summaryOf(data: ChartData, spec: FigureSpec, format: NumberFormat): string {
  if (data.categories.length === 0) return 'No data.';
  const totals = data.categories.map((_, row) => data.series.reduce((sum, series) => sum + series.values[row], 0));
  if (spec.kind === 'line') {
    const values = data.series[0]?.values ?? [];
    return `${data.categories.length} ${spec.categoryHeader.toLowerCase()} values, from ${format(Math.min(...values))} to ${format(Math.max(...values))}.`;
  }
  const top = totals.indexOf(Math.max(...totals));
  const total = totals.reduce((sum, value) => sum + value, 0);
  return `${format(total)} in all over ${data.categories.length} ${data.categories.length === 1 ? 'bar' : 'bars'}; the largest is ${data.categories[top]} with ${format(totals[top])}.`;
}

/** The chart and its table from the one data set, so that they cannot show different numbers. */
export function figureOf(data: ChartData, spec: FigureSpec): Figure {
  const format = spec.format ?? wholeNumber;
  const summary = summaryOf(data, spec, format);
  const text = { id: spec.id, title: spec.caption, description: summary };
  const stacked = data.series.length > 1 && spec.kind !== 'line';
  const numeric = { format: 'numeric' };
  const head = [{ text: spec.categoryHeader }, ...data.series.map(({ name }) => ({ text: name, ...numeric })), ...(stacked ? [{ text: 'Total', ...numeric }] : [])];
  return {
    id: spec.id,
    caption: spec.caption,
    summary,
    svg: spec.kind === 'line' ? lineChart(data, text, format) : stackedBarChart(data, text, format),
    table: {
      head,
      rows: data.categories.map((category, row) => {
        const values = data.series.map((series) => series.values[row]);
        const cells = [category, ...values.map(format), ...(stacked ? [format(values.reduce((sum, value) => sum + value, 0))] : [])];
        return cells.map((text, column) => ({ header: head[column].text, text, ...(column > 0 && numeric) }));
      }),
    },
  };
}

/** Several numeric columns of each row as the series (open, closed, withdrawn...), summed by category. */
export function columnsOf(rows: Row[], category: string, columns: { column: string; name: string }[], label: (code: string) => string = (code) => code): ChartData {
  const categories = [...new Set(rows.map((row) => String(row[category] ?? 'Not recorded')))].sort();
  const sum = (code: string, column: string) => rows.filter((row) => String(row[category] ?? 'Not recorded') === code).reduce((total, row) => total + Number(row[column] ?? 0), 0);
  return { categories: categories.map(label), series: columns.map(({ column, name }) => ({ name, values: categories.map((code) => sum(code, column)) })) };
}

/** The `count` largest categories by total, largest first. */
export function largest(data: ChartData, count: number): ChartData {
  const totals = data.categories.map((_, row) => data.series.reduce((sum, series) => sum + series.values[row], 0));
  const order = totals.map((total, row) => ({ total, row })).sort((a, b) => b.total - a.total).slice(0, count).map(({ row }) => row);
  return { categories: order.map((row) => data.categories[row]), series: data.series.map((series) => ({ name: series.name, values: order.map((row) => series.values[row]) })) };
}
