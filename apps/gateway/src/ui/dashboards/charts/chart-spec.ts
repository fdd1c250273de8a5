import type { TopLevelSpec } from 'vega-lite';
import { barSpec } from './bar-spec.js';
import { FONT, FONT_SIZE, TEXT_COLOUR, type ChartData, type NumberFormat } from './chart-style.js';
import { lineSpec } from './line-spec.js';

export type { ChartData, NumberFormat } from './chart-style.js';

/** Stacked bars add up (cases by type); grouped bars do not (medians); a line follows periods. */
export type ChartKind = 'stacked' | 'grouped' | 'line';

export const wholeNumber: NumberFormat = { text: (value) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 }), axis: ',~r' };
export const percent: NumberFormat = { text: (value) => `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`, axis: '.0%' };

/**
 * Fixed widths in CSS pixels: the narrow chart fits a 320 px screen without scaling (its text
 * stays at 14 px); the wide one is for tablets and up.
 */
export const CHART_WIDTHS = { narrow: 288, wide: 640 } as const;
export type ChartWidth = keyof typeof CHART_WIDTHS;

/** The Vega-Lite specification of a chart at one of the fixed widths. */
export function chartSpec(data: ChartData, kind: ChartKind, format: NumberFormat, width: ChartWidth): TopLevelSpec {
  const legendColumns = width === 'narrow' ? 1 : 2;
  const spec = kind === 'line' ? lineSpec(data, format, CHART_WIDTHS[width], legendColumns) : barSpec(data, kind, format, CHART_WIDTHS[width], legendColumns);
  return {
    ...spec,
    background: '#ffffff',
    config: {
      aria: false,
      font: FONT,
      view: { stroke: null },
      text: { fontSize: FONT_SIZE, color: TEXT_COLOUR },
      axis: { labelFontSize: FONT_SIZE, labelColor: TEXT_COLOUR, labelAngle: 0, domainColor: TEXT_COLOUR, tickColor: TEXT_COLOUR, gridColor: '#d8dde0' },
      legend: { labelFontSize: FONT_SIZE, labelColor: TEXT_COLOUR, symbolSize: 140, symbolStrokeWidth: 0, symbolOpacity: 1 },
    },
  } satisfies TopLevelSpec;
}
