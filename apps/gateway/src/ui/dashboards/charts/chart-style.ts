/** Numbers by category (rows of a table, bars of a chart) and series (columns, bar segments); null: no value. */
export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** How a number is written: in the table and on the chart (`text`), and on a chart axis (a d3 format). */
export interface NumberFormat {
  text(value: number): string;
  axis: string;
}

export const FONT = 'Frutiger W01, Arial, sans-serif';
export const FONT_SIZE = 14;
export const LINE_HEIGHT = 17;
export const TEXT_COLOUR = '#212b32';
/** NHS palette colours at 3:1 or more against white (WCAG 1.4.11). */
const COLOURS = ['#005eb8', '#330072', '#006747', '#7c2855', '#425563', '#003087', '#ae2573', '#768692'];
/**
 * Vega lays text out by estimate without a canvas (0.8 em a character: too wide for Arial), so
 * the charts lay out their labels themselves with this estimate of an average character.
 */
const CHAR_WIDTH = 7.8;

export const textWidth = (text: string) => text.length * CHAR_WIDTH;

/** Splits a label into lines of at most `width` pixels (by estimate), at spaces, so that none is cut. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export const LEGEND_ROW_HEIGHT = 20;

/** The series by colour, with a legend at the top left when there are several (one column on a narrow chart). */
export function colourOf(data: ChartData, columns: number, symbol: 'square' | 'circle', place: { x: number; y: number }) {
  const legend =
    data.series.length < 2
      ? null
      : { orient: 'none' as const, legendX: place.x, legendY: place.y, direction: 'vertical' as const, columns, title: null, symbolType: symbol, labelLimit: 0, columnPadding: 24, rowPadding: LEGEND_ROW_HEIGHT - FONT_SIZE };
  return { field: 'series', type: 'nominal' as const, scale: { domain: data.series.map(({ name }) => name), range: COLOURS }, legend };
}

/** Height of the legend `colourOf` draws, with the gap below it. */
export const legendHeight = (data: ChartData, columns: number) => (data.series.length < 2 ? 0 : Math.ceil(data.series.length / columns) * LEGEND_ROW_HEIGHT + 8);
