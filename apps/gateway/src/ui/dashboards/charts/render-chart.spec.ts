import { describe, expect, it } from '@jest/globals';
import { load } from 'cheerio';
import { chartSpec, CHART_WIDTHS, percent, wholeNumber, type ChartData } from './chart-spec.js';
import { renderSvg } from './render-chart.js';

const byType: ChartData = {
  categories: ['2019-Q2', 'NHS Humber and North Yorkshire Integrated Care Board'],
  series: [
    { name: 'Rapid review', values: [3, 1] },
    { name: 'SAR <adult>', values: [0, 6] },
  ],
};
/** Each text of the SVG, its lines (tspans) joined by spaces. */
function texts(svg: string): string[] {
  const $ = load(svg, { xml: true });
  return $('text').map((_, text) => ($(text).children('tspan').length > 0 ? $(text).children('tspan').map((__, line) => $(line).text()).get().join(' ') : $(text).text())).get();
}

describe('renderSvg', () => {
  it('draws stacked bars with each category, series and total written, labels escaped, hidden from assistive technology', async () => {
    const svg = await renderSvg(chartSpec(byType, 'stacked', wholeNumber, 'wide'));
    const $ = load(svg, { xml: true });
    expect($('svg').attr('aria-hidden')).toBe('true');
    expect($('[aria-label], [tabindex]')).toHaveLength(0);
    expect(svg).not.toContain('<adult>');
    expect(texts(svg)).toEqual(expect.arrayContaining(['2019-Q2', 'Rapid review', 'SAR <adult>', '3', '7']));
    expect($('path[aria-roledescription="bar"], .mark-rect path')).toHaveLength(3);
  });

  it('fits the narrow chart in 288 px unscaled, wrapping long labels rather than cutting them', async () => {
    const svg = await renderSvg(chartSpec(byType, 'stacked', wholeNumber, 'narrow'));
    expect(Number(load(svg, { xml: true })('svg').attr('width'))).toBeLessThanOrEqual(CHART_WIDTHS.narrow);
    expect(texts(svg)).toContain('NHS Humber and North Yorkshire Integrated Care Board');
    expect(texts(svg).every((text) => !text.includes('…'))).toBe(true);
    expect(svg).toMatch(/font-size="14px"/);
    expect(svg).not.toMatch(/font-size="(\d|1[01])(\.\d+)?px"/);
  });

  it('draws grouped bars without a bar for a missing value, each bar as thick as when every series has one', async () => {
    const medians: ChartData = { categories: ['Rapid review', 'SAR'], series: [{ name: 'To decision', values: [20, 35] }, { name: 'To sign-off', values: [null, 190] }, { name: 'To publication', values: [null, null] }] };
    const svg = await renderSvg(chartSpec(medians, 'grouped', wholeNumber, 'wide'));
    const bars = load(svg, { xml: true })('.mark-rect path');
    expect(bars).toHaveLength(3);
    expect(bars.map((_, bar) => /v(\d+(\.\d+)?)h/.exec(bar.attribs.d)?.[1]).get()).toEqual(['18', '18', '18']);
    expect(texts(svg)).toEqual(expect.arrayContaining(['20', '35', '190', 'To decision', 'To sign-off']));
  });

  it('draws a line with a point for each value and the axis in the same format', async () => {
    const rate: ChartData = { categories: ['2019-Q2', '2019-Q3', '2019-Q4'], series: [{ name: 'Conversion rate', values: [0.5, 0.25, 0.4] }] };
    const svg = await renderSvg(chartSpec(rate, 'line', percent, 'narrow'));
    const $ = load(svg, { xml: true });
    expect($('.layer_1_marks path')).toHaveLength(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['2019-Q2', '50%']));
  });
});
