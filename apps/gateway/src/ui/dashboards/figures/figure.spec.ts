import { describe, expect, it } from '@jest/globals';
import { load } from 'cheerio';
import { columnsOf, figureOf, largest, pivot } from './figure.js';

const rows = [
  { period: '2019-Q3', reviewType: 'SAR', cases: 2, open: 1, closed: 1 },
  { period: '2019-Q2', reviewType: 'RAPID_REVIEW', cases: 3, open: 3, closed: 0 },
  { period: '2019-Q3', reviewType: 'RAPID_REVIEW', cases: 1, open: 0, closed: 1 },
  { period: '2019-Q3', reviewType: 'SAR', cases: 4, open: 4, closed: 0 },
];
const labels: Record<string, string> = { SAR: 'Safeguarding adult review', RAPID_REVIEW: 'Rapid review' };

describe('figure data', () => {
  it('pivots rows into categories and series, summing repeats and counting missing combinations as 0', () => {
    expect(pivot(rows, { category: 'period', series: 'reviewType', value: 'cases' }, (code) => labels[code] ?? code)).toEqual({
      categories: ['2019-Q2', '2019-Q3'],
      series: [
        { name: 'Rapid review', values: [3, 1] },
        { name: 'Safeguarding adult review', values: [0, 6] },
      ],
    });
    expect(pivot(rows, { category: 'reviewType', value: 'cases' })).toEqual({ categories: ['RAPID_REVIEW', 'SAR'], series: [{ name: 'Total', values: [4, 6] }] });
  });

  it('takes several columns as the series, and keeps the largest categories first', () => {
    const byStatus = columnsOf(rows, 'period', [{ column: 'open', name: 'Open' }, { column: 'closed', name: 'Closed' }]);
    expect(byStatus).toEqual({ categories: ['2019-Q2', '2019-Q3'], series: [{ name: 'Open', values: [3, 5] }, { name: 'Closed', values: [0, 2] }] });
    expect(largest(byStatus, 1)).toEqual({ categories: ['2019-Q3'], series: [{ name: 'Open', values: [5] }, { name: 'Closed', values: [2] }] });
  });
});

describe('figureOf', () => {
  it('gives the chart and the table the same numbers, with a total column for stacked bars', () => {
    const figure = figureOf(pivot(rows, { category: 'period', series: 'reviewType', value: 'cases' }), { id: 'by-type', caption: 'Cases', categoryHeader: 'Period' });
    const $ = load(figure.svg, { xml: true });
    const chartTotals = $('g').map((_, bar) => [[$(bar).find('text').first().text(), $(bar).find('text').last().text()]]).get();
    expect(chartTotals).toEqual(figure.table.rows.map((cells) => [cells[0].text, cells.at(-1)!.text]));
    expect(figure.table.head.map(({ text }) => text)).toEqual(['Period', 'RAPID_REVIEW', 'SAR', 'Total']);
    expect(figure.table.rows[1]).toEqual([
      { header: 'Period', text: '2019-Q3' },
      { header: 'RAPID_REVIEW', text: '1', format: 'numeric' },
      { header: 'SAR', text: '6', format: 'numeric' },
      { header: 'Total', text: '7', format: 'numeric' },
    ]);
    expect(figure.summary).toBe('10 in all over 2 bars; the largest is 2019-Q3 with 7.');
    expect($('desc').text()).toBe(figure.summary);
  });

  it('writes a line chart point for each table row, in the same format', () => {
    const percent = (value: number) => `${value * 100}%`;
    const figure = figureOf({ categories: ['2019-Q2', '2019-Q3'], series: [{ name: 'Rate', values: [0.5, 0.25] }] }, { id: 'rate', caption: 'Rate', categoryHeader: 'Period', kind: 'line', format: percent });
    const $ = load(figure.svg, { xml: true });
    expect($('g text').map((_, label) => $(label).text()).get()).toEqual(figure.table.rows.map((cells) => cells[1].text));
    expect(figure.table.head.map(({ text }) => text)).toEqual(['Period', 'Rate']);
  });

  it('builds from no rows without failing (a page leaves such a figure out)', () => {
    const figure = figureOf(pivot([], { category: 'themeCode', value: 'count' }), { id: 'none', caption: 'Themes', categoryHeader: 'Theme' });
    expect(figure.summary).toBe('No data.');
    expect(figure.table.rows).toEqual([]);
  });
});
