import type { TopLevelSpec } from 'vega-lite';
import { colourOf, legendHeight, type ChartData, type NumberFormat } from './chart-style.js';

const PLOT_HEIGHT = 220;
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
const Y_AXIS_WIDTH = 56;

/** One line per series over the categories, left to right, each point marked with its own shape; labels thinned, never rotated. */
export function lineSpec(data: ChartData, format: NumberFormat, width: number, legendColumns: number): TopLevelSpec {
  const points = data.series.flatMap((series) => data.categories.flatMap((category, row) => (series.values[row] === null ? [] : [{ category, series: series.name, value: series.values[row] }])));
  const names = data.series.map(({ name }) => name);
  const top = legendHeight(data, legendColumns);
  return {
    width: width - Y_AXIS_WIDTH - 16,
    height: PLOT_HEIGHT,
    autosize: { type: 'none' },
    padding: { left: Y_AXIS_WIDTH, top: top + 8, right: 16, bottom: 28 },
    data: { values: points },
    encoding: {
      x: { field: 'category', type: 'ordinal', sort: data.categories, title: null, axis: { labelAngle: 0, labelOverlap: 'greedy', labelLimit: 0 } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { format: format.axis, tickCount: 5 } },
      color: colourOf(data, legendColumns, 'circle', { x: -Y_AXIS_WIDTH, y: -top - 8 }),
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: names.map((_, index) => (index % 2 === 0 ? [1, 0] : [6, 4])) }, legend: null },
      shape: { field: 'series', type: 'nominal', scale: { domain: names, range: SHAPES }, legend: null },
    },
    layer: [{ mark: { type: 'line', strokeWidth: 2 } }, { mark: { type: 'point', filled: true, size: 70, opacity: 1 } }],
  } satisfies TopLevelSpec;
}
