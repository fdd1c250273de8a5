import { describe, expect, it } from '@jest/globals';
import { load } from 'cheerio';
import { percent } from '../charts/chart-spec.js';
import { columnsOf, figureOf, largest, pivot, renderFigure } from './figure.js';
import { weightedMedians } from './medians.js';

const rows = [
  { period: '2019-Q3', reviewType: 'SAR', cases: 2, open: 1, closed: 1 },
  { period: '2019-Q2', reviewType: 'RAPID_REVIEW', cases: 3, open: 3, closed: 0 },
  { period: '2019-Q3', reviewType: 'RAPID_REVIEW', cases: 1, open: 0, closed: 1 },
  { period: '2019-Q3', reviewType: 'SAR', cases: 4, open: 4, closed: 0 },
];
const labels: Record<string, string> = { SAR: 'Safeguarding adult review', RAPID_REVIEW: 'Rapid review' };

describe('figure data', () => {
  it('pivots rows into categories and series, summing repeats and counting missing combinations as 0', () => {
    expect(pivot(rows, { category: 'period', series: 'reviewType', value: 'cases' }, { series: (code) => labels[code] ?? code })).toEqual({
      categories: ['2019-Q2', '2019-Q3'],
      series: [
        { name: 'Rapid review', values: [3, 1] },
        { name: 'Safeguarding adult review', values: [0, 6] },
      ],
    });
    expect(pivot(rows, { category: 'reviewType', value: 'cases' }, { category: (code) => labels[code] ?? code })).toEqual({ categories: ['Rapid review', 'Safeguarding adult review'], series: [{ name: 'Total', values: [4, 6] }] });
  });

  it('takes several columns as the series, and keeps the largest categories first', () => {
    const byStatus = columnsOf(rows, 'period', [{ column: 'open', name: 'Open' }, { column: 'closed', name: 'Closed' }]);
    expect(byStatus).toEqual({ categories: ['2019-Q2', '2019-Q3'], series: [{ name: 'Open', values: [3, 5] }, { name: 'Closed', values: [0, 2] }] });
    expect(largest(byStatus, 1)).toEqual({ categories: ['2019-Q3'], series: [{ name: 'Open', values: [5] }, { name: 'Closed', values: [2] }] });
  });
});

describe('weightedMedians', () => {
  it('weights the medians of the rows of a category by their reviews, null where none has a value', () => {
    const timeliness = [
      { reviewType: 'SAR', reviews: 1, medianDaysToDecision: 10, medianDaysToSignOff: null },
      { reviewType: 'SAR', reviews: 3, medianDaysToDecision: 30, medianDaysToSignOff: 200 },
      { reviewType: 'RAPID_REVIEW', reviews: 2, medianDaysToDecision: 21, medianDaysToSignOff: null },
    ];
    const columns = [{ column: 'medianDaysToDecision', name: 'To decision' }, { column: 'medianDaysToSignOff', name: 'To sign-off' }];
    expect(weightedMedians(timeliness, 'reviewType', columns, 'reviews', (code) => labels[code] ?? code)).toEqual({
      categories: ['Rapid review', 'Safeguarding adult review'],
      series: [
        { name: 'To decision', values: [21, 25] },
        { name: 'To sign-off', values: [null, 200] },
      ],
    });
  });
});

/** The texts of an SVG (a wrapped label's lines run together). */
const svgTexts = (svg: string) => {
  const $ = load(svg, { xml: true });
  return $('text').map((_, text) => $(text).text()).get();
};

describe('figureOf', () => {
  it('gives the chart and the table the same numbers, with a total column for stacked bars', async () => {
    const figure = figureOf(pivot(rows, { category: 'period', series: 'reviewType', value: 'cases' }), { id: 'by-type', caption: 'Cases', categoryHeader: 'Period' });
    expect(figure.table.head.map(({ text }) => text)).toEqual(['Period', 'RAPID_REVIEW', 'SAR', 'Total']);
    expect(figure.table.rows[1]).toEqual([
      { header: 'Period', text: '2019-Q3' },
      { header: 'RAPID_REVIEW', text: '1', format: 'numeric' },
      { header: 'SAR', text: '6', format: 'numeric' },
      { header: 'Total', text: '7', format: 'numeric' },
    ]);
    expect(figure.summary).toBe('10 in all over 2 bars; the largest is 2019-Q3 with 7.');
    const { svg } = await renderFigure(figure);
    for (const width of ['narrow', 'wide'] as const) {
      expect(svgTexts(svg[width])).toEqual(expect.arrayContaining(figure.table.rows.flatMap((cells) => [cells[0].text, cells.at(-1)!.text])));
    }
  });

  it('writes missing values as such in the table of a grouped chart, and sums the range up', () => {
    const figure = figureOf({ categories: ['SAR'], series: [{ name: 'To decision', values: [25] }, { name: 'To sign-off', values: [null] }] }, { id: 'medians', caption: 'Medians', categoryHeader: 'Type of review', kind: 'grouped' });
    expect(figure.table.rows[0].map(({ text }) => text)).toEqual(['SAR', '25', 'No data']);
    expect(figure.summary).toBe('Values 25 throughout, over 1 row (type of review).');
  });

  it('draws a line chart point for each table row, its axis in the same format', async () => {
    const figure = figureOf({ categories: ['2019-Q2', '2019-Q3'], series: [{ name: 'Rate', values: [0.5, 0.25] }] }, { id: 'rate', caption: 'Rate', categoryHeader: 'Period', kind: 'line', format: percent });
    expect(figure.table.rows.map((cells) => cells.map(({ text }) => text))).toEqual([['2019-Q2', '50%'], ['2019-Q3', '25%']]);
    const { svg } = await renderFigure(figure);
    expect(load(svg.wide, { xml: true })('.layer_1_marks path')).toHaveLength(2);
    expect(svgTexts(svg.wide)).toEqual(expect.arrayContaining(['2019-Q2', '2019-Q3', '50%']));
  });

  it('builds from no rows without failing (a page leaves such a figure out)', () => {
    const figure = figureOf(pivot([], { category: 'themeCode', value: 'count' }), { id: 'none', caption: 'Themes', categoryHeader: 'Theme' });
    expect(figure.summary).toBe('No data.');
    expect(figure.table.rows).toEqual([]);
  });
});
