import type { TopLevelSpec } from 'vega-lite';
import { colourOf, LINE_HEIGHT, legendHeight, TEXT_COLOUR, textWidth, wrapLabel, type ChartData, type NumberFormat } from './chart-style.js';

const BAR_HEIGHT = 22;
const GROUPED_BAR_HEIGHT = 18;
const BAND_GAP = 10;

const totalsOf = (data: ChartData) => data.categories.map((_, row) => data.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0));

/**
 * Horizontal bars, one band per category, its label wrapped beside them and each value written at
 * the bar's end. Laid out by hand (no autosize): Vega would size labels by its own estimate.
 * Stacked bars add up (cases by type); grouped bars do not (medians), each series its own bar.
 */
export function barSpec(data: ChartData, kind: 'stacked' | 'grouped', format: NumberFormat, width: number, legendColumns: number): TopLevelSpec {
  const labelColumn = Math.round(Math.min(width * 0.4, Math.max(...data.categories.map(textWidth), 40)));
  const labels = Object.fromEntries(data.categories.map((category) => [category, wrapLabel(category, labelColumn)]));
  const values = kind === 'stacked' ? totalsOf(data) : data.series.flatMap((series) => series.values.map((value) => value ?? 0));
  const plotWidth = width - labelColumn - 12;
  const valueWidth = Math.max(...values.map((value) => textWidth(format.text(value)))) + 8;
  const domainMax = (Math.max(...values, 1) * plotWidth) / Math.max(plotWidth - valueWidth, 1);
  const bars = kind === 'stacked' ? BAR_HEIGHT : data.series.length * GROUPED_BAR_HEIGHT;
  const step = Math.max(bars, Math.max(...Object.values(labels).map((lines) => lines.length)) * LINE_HEIGHT) + BAND_GAP;
  const top = legendHeight(data, legendColumns);
  // Bars sit at the top of their band, the first line of their label beside the first bar.
  const toBandTop = -(step - BAND_GAP - (kind === 'stacked' ? BAR_HEIGHT : GROUPED_BAR_HEIGHT)) / 2;
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: data.categories,
    title: null,
    scale: { paddingInner: BAND_GAP / step, paddingOuter: BAND_GAP / step / 2 },
    axis: { labelLimit: 0, labelExpr: `${JSON.stringify(labels)}[datum.value]`, labelLineHeight: LINE_HEIGHT, labelOffset: toBandTop, ticks: false, domainColor: TEXT_COLOUR, labelPadding: 8 },
  };
  const x = { type: 'quantitative' as const, scale: { domain: [0, domainMax], nice: false }, axis: null };
  const segments = data.series.flatMap((series) =>
    data.categories.flatMap((category, row) => (series.values[row] === null || (kind === 'stacked' && series.values[row] === 0) ? [] : [{ category, series: series.name, value: series.values[row], text: format.text(series.values[row]!) }])),
  );
  const layout = {
    width: plotWidth,
    height: step * data.categories.length,
    autosize: { type: 'none' as const },
    padding: { left: labelColumn + 10, top: top + 2, right: 2, bottom: 2 },
  };
  const colour = colourOf(data, legendColumns, 'square', { x: -labelColumn - 8, y: -top });
  if (kind === 'stacked') {
    const totals = totalsOf(data).map((total, row) => ({ category: data.categories[row], total, text: format.text(total) }));
    return {
      ...layout,
      layer: [
        { data: { values: segments }, mark: { type: 'bar', height: BAR_HEIGHT, yOffset: toBandTop, stroke: '#ffffff', strokeWidth: 1 }, encoding: { y, x: { ...x, field: 'value', stack: 'zero' }, color: colour } },
        { data: { values: totals }, mark: { type: 'text', align: 'left', dx: 6, yOffset: toBandTop, fontWeight: 'bold' }, encoding: { y, x: { ...x, field: 'total' }, text: { field: 'text' } } },
      ],
    } satisfies TopLevelSpec;
  }
  const offset = { field: 'series', type: 'nominal' as const, scale: { domain: data.series.map(({ name }) => name), range: [0, bars] } };
  return {
    ...layout,
    data: { values: segments },
    encoding: { y, yOffset: offset, x: { ...x, field: 'value' } },
    layer: [{ mark: { type: 'bar' }, encoding: { color: colour } }, { mark: { type: 'text', align: 'left', dx: 6 }, encoding: { text: { field: 'text' } } }],
  } satisfies TopLevelSpec;
}
