import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The chart as an SVG element, rendered on the server. It is hidden from assistive technology:
 * the table of the same numbers beside it is the accessible equivalent. Vega escapes every text.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const svg = await new View(parse(compile(spec).spec), { renderer: 'none' }).toSVG();
  return svg.replace(/^<svg /, '<svg aria-hidden="true" focusable="false" style="max-width: 100%; height: auto" ');
}
