import type { TopLevelSpec } from 'vega-lite';
import { chartSpec, wholeNumber, type ChartData, type ChartKind, type ChartWidth, type NumberFormat } from '../charts/chart-spec.js';
import { renderSvg } from '../charts/render-chart.js';

/** One chart and the table of the same numbers, as the `chart` template macro shows them. */
export interface Figure {
  id: string;
  caption: string;
  summary: string;
  /** The chart at each fixed width: the page shows the one that fits the screen. */
  specs: Record<ChartWidth, TopLevelSpec>;
  /** nhsuk table parameters; each cell names its column for the stacked layout on small screens. */
  table: { head: { text: string; format?: string }[]; rows: { header: string; text: string; format?: string }[][] };
}

/** A figure with its charts rendered: SVG built by Vega, every label escaped, the one HTML a dashboard passes unescaped. */
export type RenderedFigure = Omit<Figure, 'specs'> & { svg: Record<ChartWidth, string> };

export interface FigureSpec {
  id: string;
  caption: string;
  /** The table's first column: what a bar (or point) stands for. */
  categoryHeader: string;
  kind?: ChartKind;
  format?: NumberFormat;
}

type Row = Record<string, unknown>;

type Label = (code: string) => string;
const asIs: Label = (code) => code;

/**
 * Sums `value` over rows by category (bars, sorted by code) and series (segments, by name);
 * label functions name the codes of each. Missing combinations count 0.
 */
export function pivot(rows: Row[], by: { category: string; series?: string; value: string }, labels: { category?: Label; series?: Label } = {}): ChartData {
  const [categoryLabel, seriesLabel] = [labels.category ?? asIs, labels.series ?? asIs];
  const keyOf = (row: Row, column: string | undefined) => (column ? String(row[column] ?? 'Not recorded') : 'Total');
  const categories = [...new Set(rows.map((row) => keyOf(row, by.category)))].sort();
  const seriesKeys = [...new Set(rows.map((row) => keyOf(row, by.series)))].sort((a, b) => seriesLabel(a).localeCompare(seriesLabel(b)));
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${keyOf(row, by.category)}\u0000${keyOf(row, by.series)}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(row[by.value] ?? 0));
  }
  return {
    categories: categories.map(categoryLabel),
    series: seriesKeys.map((series) => ({ name: by.series ? seriesLabel(series) : 'Total', values: categories.map((category) => sums.get(`${category}\u0000${series}`) ?? 0) })),
  };
}

const NO_VALUE = 'No data';

/** A sentence for the chart's description: the largest bar and the overall total, or the range of values. */
function summaryOf(data: ChartData, kind: ChartKind, spec: FigureSpec, format: NumberFormat): string {
  if (data.categories.length === 0) return 'No data.';
  if (kind !== 'stacked') {
    const values = data.series.flatMap((series) => series.values).filter((value) => value !== null);
    if (values.length === 0) return 'No values yet.';
    const [lowest, highest] = [Math.min(...values), Math.max(...values)];
    const range = lowest === highest ? `${format.text(lowest)} throughout` : `from ${format.text(lowest)} to ${format.text(highest)}`;
    return `Values ${range}, over ${data.categories.length} ${data.categories.length === 1 ? 'row' : 'rows'} (${spec.categoryHeader.toLowerCase()}).`;
  }
  const totals = data.categories.map((_, row) => data.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0));
  const top = totals.indexOf(Math.max(...totals));
  const total = totals.reduce((sum, value) => sum + value, 0);
  return `${format.text(total)} in all over ${data.categories.length} ${data.categories.length === 1 ? 'bar' : 'bars'}; the largest is ${data.categories[top]} with ${format.text(totals[top])}.`;
}

/** The chart and its table from the one data set, so that they cannot show different numbers. */
export function figureOf(data: ChartData, spec: FigureSpec): Figure {
  const format = spec.format ?? wholeNumber;
  const kind = spec.kind ?? 'stacked';
  const stacked = data.series.length > 1 && kind === 'stacked';
  const numeric = { format: 'numeric' };
  const text = (value: number | null) => (value === null ? NO_VALUE : format.text(value));
  const head = [{ text: spec.categoryHeader }, ...data.series.map(({ name }) => ({ text: name, ...numeric })), ...(stacked ? [{ text: 'Total', ...numeric }] : [])];
  return {
    id: spec.id,
    caption: spec.caption,
    summary: summaryOf(data, kind, spec, format),
    specs: { narrow: chartSpec(data, kind, format, 'narrow'), wide: chartSpec(data, kind, format, 'wide') },
    table: {
      head,
      rows: data.categories.map((category, row) => {
        const values = data.series.map((series) => series.values[row]);
        const cells = [category, ...values.map(text), ...(stacked ? [text(values.reduce<number>((sum, value) => sum + (value ?? 0), 0))] : [])];
        return cells.map((cell, column) => ({ header: head[column].text, text: cell, ...(column > 0 && numeric) }));
      }),
    },
  };
}

export async function renderFigure({ specs, ...figure }: Figure): Promise<RenderedFigure> {
  const [narrow, wide] = await Promise.all([renderSvg(specs.narrow), renderSvg(specs.wide)]);
  return { ...figure, svg: { narrow, wide } };
}

/** Several numeric columns of each row as the series (open, closed, withdrawn...), summed by category. */
export function columnsOf(rows: Row[], category: string, columns: { column: string; name: string }[], label: Label = asIs): ChartData {
  const categories = [...new Set(rows.map((row) => String(row[category] ?? 'Not recorded')))].sort();
  const sum = (code: string, column: string) => rows.filter((row) => String(row[category] ?? 'Not recorded') === code).reduce((total, row) => total + Number(row[column] ?? 0), 0);
  return { categories: categories.map(label), series: columns.map(({ column, name }) => ({ name, values: categories.map((code) => sum(code, column)) })) };
}

/** The `count` largest categories by total, largest first. */
export function largest(data: ChartData, count: number): ChartData {
  const totals = data.categories.map((_, row) => data.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0));
  const order = totals.map((total, row) => ({ total, row })).sort((a, b) => b.total - a.total).slice(0, count).map(({ row }) => row);
  return { categories: order.map((row) => data.categories[row]), series: data.series.map((series) => ({ name: series.name, values: order.map((row) => series.values[row]) })) };
}
