import { describe, expect, it } from '@jest/globals';
import { load } from 'cheerio';
import { escapeXml, lineChart, stackedBarChart, type ChartData } from './svg-charts.js';

const text = { id: 'caseload-by-type', title: 'New cases by quarter and type', description: '5 cases in 2 quarters.' };
const data: ChartData = {
  categories: ['2026-Q1', '2026-Q2'],
  series: [
    { name: 'Rapid review', values: [2, 1] },
    { name: 'SAR', values: [0, 2] },
  ],
};
const parse = (svg: string) => load(svg, { xml: true });

describe('stacked bar chart', () => {
  it('is an image named by its title and description', () => {
    const $ = parse(stackedBarChart(data, text));
    const svg = $('svg');
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('aria-labelledby')).toBe('caseload-by-type-title caseload-by-type-desc');
    expect($('title#caseload-by-type-title').text()).toBe('New cases by quarter and type');
    expect($('desc#caseload-by-type-desc').text()).toBe('5 cases in 2 quarters.');
  });

  it('draws one bar per category, segments as long as their values, the totals and labels as text', () => {
    const $ = parse(stackedBarChart(data, text));
    const bars = $('g').map((_, bar) => ({
      label: $(bar).find('text').first().text(),
      total: $(bar).find('text').last().text(),
      widths: $(bar).find('rect').map((__, rect) => Number($(rect).attr('width'))).get(),
    })).get();
    expect(bars.map(({ label, total }) => [label, total])).toEqual([['2026-Q1', '2'], ['2026-Q2', '3']]);
    // A zero draws nothing; equal values draw equal lengths.
    expect(bars[0].widths).toHaveLength(1);
    expect(bars[1].widths).toHaveLength(2);
    expect(bars[0].widths[0]).toBeCloseTo(bars[1].widths[1], 0);
    expect(bars[1].widths[0] * 2).toBeCloseTo(bars[0].widths[0], 0);
  });

  it('tells series apart by pattern as well as colour, in the legend as on the bars', () => {
    const $ = parse(stackedBarChart(data, text));
    expect($('pattern').map((_, pattern) => $(pattern).attr('id')).get()).toEqual(['caseload-by-type-pattern-1']);
    const sarFill = 'url(#caseload-by-type-pattern-1)';
    expect($('svg > rect').map((_, rect) => $(rect).attr('fill')).get()).toEqual(['#005eb8', sarFill]);
    expect($('svg > text').map((_, label) => $(label).text()).get()).toEqual(['Rapid review', 'SAR']);
    expect($(`g rect[fill="${sarFill}"]`)).toHaveLength(1);
  });

  it('has no legend for a single series', () => {
    const $ = parse(stackedBarChart({ categories: ['A'], series: [{ name: 'Cases', values: [4] }] }, text));
    expect($('svg > text')).toHaveLength(0);
    expect($('g text').last().text()).toBe('4');
  });

  it('escapes labels, series names and the title', () => {
    const hostile = '<script>alert("x")</script> & co';
    const svg = stackedBarChart({ categories: [hostile], series: [{ name: hostile, values: [1] }, { name: 'b', values: [1] }] }, { ...text, title: hostile });
    expect(svg).not.toContain('<script>');
    const $ = parse(svg);
    expect($('title').text()).toBe(hostile);
    expect($('g text').first().text()).toBe(hostile);
    expect($('script')).toHaveLength(0);
  });
});

describe('line chart', () => {
  const rates: ChartData = { categories: ['2026-04', '2026-05', '2026-06'], series: [{ name: 'Conversion rate', values: [0.5, 0.25, 1] }] };
  const percent = (value: number) => `${Math.round(value * 100)}%`;

  it('marks each point with its formatted value, higher values higher up', () => {
    const $ = parse(lineChart(rates, { ...text, id: 'conversion' }, percent));
    expect($('svg').attr('role')).toBe('img');
    expect($('g text').map((_, label) => $(label).text()).get()).toEqual(['50%', '25%', '100%']);
    const heights = $('g circle').map((_, point) => Number($(point).attr('cy'))).get();
    expect(heights[2]).toBeLessThan(heights[0]);
    expect(heights[0]).toBeLessThan(heights[1]);
    expect($('svg > text').map((_, label) => $(label).text()).get()).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('thins category labels that would overlap rather than rotating them', () => {
    const months = Array.from({ length: 60 }, (_, index) => `Month ${index + 1}`);
    const $ = parse(lineChart({ categories: months, series: [{ name: 'Rate', values: months.map(() => 1) }] }, text));
    const shown = $('svg > text').length;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(months.length);
    expect($('svg > text[transform]')).toHaveLength(0);
  });
});

describe('escapeXml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
