/** Numbers by category (rows of a table, bars of a chart) and series (columns, bar segments). */
export interface ChartData {
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface ChartText {
  /** Unique on the page: the title, description and patterns are named after it. */
  id: string;
  title: string;
  description: string;
}

export type NumberFormat = (value: number) => string;
export const wholeNumber: NumberFormat = (value) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/**
 * NHS palette colours at 3:1 or more against white (WCAG 1.4.11), each with its own white
 * pattern, so that series differ by more than colour; segments are split by white lines.
 */
const SWATCHES = [
  { colour: '#005eb8', pattern: '' },
  { colour: '#330072', pattern: 'M0 8 L8 0' },
  { colour: '#006747', pattern: 'M0 4 H8' },
  { colour: '#7c2855', pattern: 'M4 0 V8' },
  { colour: '#425563', pattern: 'M0 0 L8 8 M0 8 L8 0' },
  { colour: '#003087', pattern: 'M0 4 H8 M4 0 V8' },
];
const TEXT_COLOUR = '#212b32';
const FONT = 'font-family="Frutiger W01, Arial, sans-serif"';
const WIDTH = 640;
const CHAR_WIDTH = 7.4;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const swatchOf = (index: number) => SWATCHES[index % SWATCHES.length];
const fillOf = (id: string, index: number) => (swatchOf(index).pattern ? `url(#${id}-pattern-${index})` : swatchOf(index).colour);
const textWidth = (text: string) => text.length * CHAR_WIDTH;

function patterns(id: string, count: number): string {
  const defs = Array.from({ length: count }, (_, index) => {
    const { colour, pattern } = swatchOf(index);
    if (!pattern) return '';
    return `<pattern id="${id}-pattern-${index}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${colour}"/><path d="${pattern}" stroke="#ffffff" stroke-width="1.5"/></pattern>`;
  }).join('');
  return defs ? `<defs>${defs}</defs>` : '';
}

/** The legend, wrapped over as many lines as the width needs; returns its markup and height. */
function legend(names: string[], top: number, marker: (index: number, x: number, y: number) => string): { markup: string; height: number } {
  if (names.length < 2) return { markup: '', height: 0 };
  let x = 0;
  let y = top;
  const items = names.map((name, index) => {
    const width = 24 + textWidth(name) + 20;
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += 24;
    }
    const item = `${marker(index, x, y)}<text x="${x + 22}" y="${y + 13}" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(name)}</text>`;
    x += width;
    return item;
  });
  return { markup: items.join(''), height: y - top + 32 };
}

function svgDocument(text: ChartText, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" ${FONT}><title id="${text.id}-title">${escapeXml(text.title)}</title><desc id="${text.id}-desc">${escapeXml(text.description)}</desc>${body}</svg>`;
}

const BAR_HEIGHT = 22;
const ROW_HEIGHT = 32;

/**
 * Horizontal bars, one per category, stacked by series (one series: plain bars): category
 * labels on the left, each bar's total written at its end, a legend above when stacked.
 */
export function stackedBarChart(data: ChartData, text: ChartText, format: NumberFormat = wholeNumber): string {
  const totals = data.categories.map((_, row) => data.series.reduce((sum, series) => sum + series.values[row], 0));
  const labelWidth = Math.min(240, Math.max(...data.categories.map(textWidth), 40) + 12);
  const plotWidth = WIDTH - labelWidth - Math.max(...totals.map((total) => textWidth(format(total))), 10) - 12;
  const scale = plotWidth / Math.max(...totals, 1);
  const key = legend(data.series.map((series) => series.name), 0, (index, x, y) => `<rect x="${x}" y="${y}" width="16" height="16" fill="${fillOf(text.id, index)}" stroke="${TEXT_COLOUR}" stroke-width="0.5"/>`);
  const rows = data.categories.map((category, row) => {
    const y = key.height + row * ROW_HEIGHT;
    let x = labelWidth;
    const segments = data.series.map((series, index) => {
      const width = series.values[row] * scale;
      const segment = width > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${fillOf(text.id, index)}" stroke="#ffffff" stroke-width="1"/>` : '';
      x += width;
      return segment;
    });
    return `<g><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(category)}</text>${segments.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + 16}" font-size="14" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(format(totals[row]))}</text></g>`;
  });
  const axis = `<line x1="${labelWidth}" y1="${key.height - 4}" x2="${labelWidth}" y2="${key.height + data.categories.length * ROW_HEIGHT - 6}" stroke="${TEXT_COLOUR}" stroke-width="1"/>`;
  return svgDocument(text, key.height + data.categories.length * ROW_HEIGHT, `${patterns(text.id, data.series.length)}${key.markup}${rows.join('')}${axis}`);
}

/** Circles and squares in turn, so that lines differ by shape (and dashes) as well as colour. */
function pointMark(seriesIndex: number, x: number, y: number): string {
  const { colour } = swatchOf(seriesIndex);
  return seriesIndex % 2 === 0 ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${colour}"/>` : `<rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" fill="${colour}"/>`;
}

const LINE_HEIGHT = 240;
const LINE_MARGIN = { top: 24, bottom: 32, left: 12, right: 12 };

/**
 * One line per series over the categories (left to right), each point marked with its own
 * shape and written value; category labels under the axis, thinned to fit, never rotated.
 */
export function lineChart(data: ChartData, text: ChartText, format: NumberFormat = wholeNumber): string {
  const key = legend(data.series.map((series) => series.name), 0, (index, x, y) => pointMark(index, x + 8, y + 8));
  const top = key.height + LINE_MARGIN.top;
  const plotHeight = LINE_HEIGHT - LINE_MARGIN.top - LINE_MARGIN.bottom;
  const max = Math.max(...data.series.flatMap((series) => series.values), 0) || 1;
  const step = data.categories.length > 1 ? (WIDTH - LINE_MARGIN.left - LINE_MARGIN.right - 40) / (data.categories.length - 1) : 0;
  const xOf = (index: number) => LINE_MARGIN.left + 20 + (data.categories.length > 1 ? index * step : (WIDTH - LINE_MARGIN.left - LINE_MARGIN.right - 40) / 2);
  const yOf = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const widest = Math.max(...data.categories.map(textWidth), 1) + 8;
  const every = Math.max(1, Math.ceil(widest / Math.max(step, 1)));
  const labels = data.categories.map((category, index) =>
    index % every === 0 ? `<text x="${xOf(index).toFixed(1)}" y="${top + plotHeight + 22}" text-anchor="middle" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(category)}</text>` : '',
  );
  const lines = data.series.map((series, seriesIndex) => {
    const { colour } = swatchOf(seriesIndex);
    const points = series.values.map((value, index) => `${xOf(index).toFixed(1)},${yOf(value).toFixed(1)}`);
    const marks = series.values.map((value, index) => {
      const [x, y] = [xOf(index), yOf(value)];
      return `${pointMark(seriesIndex, x, y)}<text x="${x.toFixed(1)}" y="${(y - 10).toFixed(1)}" text-anchor="middle" font-size="13" fill="${TEXT_COLOUR}">${escapeXml(format(value))}</text>`;
    });
    return `<g><polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${seriesIndex % 2 === 1 ? ' stroke-dasharray="6 4"' : ''}/>${marks.join('')}</g>`;
  });
  const axis = `<line x1="${LINE_MARGIN.left}" y1="${top + plotHeight}" x2="${WIDTH - LINE_MARGIN.right}" y2="${top + plotHeight}" stroke="${TEXT_COLOUR}" stroke-width="1"/>`;
  return svgDocument(text, top + LINE_HEIGHT - LINE_MARGIN.top, `${key.markup}${axis}${lines.join('')}${labels.join('')}`);
}
