/**
 * The chart libraries, read from node_modules when a report is rendered, so the page is one
 * self-contained offline file: lightweight-charts' standalone production build (a global
 * `LightweightCharts`) and uPlot's IIFE build (a global `uPlot`) with its stylesheet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The inlined library sources. */
export interface ChartAssets {
  readonly lightweightChartsJs: string;
  readonly uplotJs: string;
  readonly uplotCss: string;
  /** lightweight-charts' version, for the attribution line. */
  readonly lightweightChartsVersion: string;
}

/** A package's directory, found through its package.json (lightweight-charts exports only that). */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * Reads the chart libraries. Throws if they are not installed: an installation fault, not user
 * input (both are dependencies of pineport).
 */
export function loadChartAssets(): ChartAssets {
  const lwc = packageDir('lightweight-charts');
  const uplot = packageDir('uplot');
  const version = (JSON.parse(readFileSync(join(lwc, 'package.json'), 'utf8')) as { version: string })
    .version;
  return {
    lightweightChartsJs: readFileSync(
      join(lwc, 'dist', 'lightweight-charts.standalone.production.js'),
      'utf8',
    ),
    uplotJs: readFileSync(join(uplot, 'dist', 'uPlot.iife.min.js'), 'utf8'),
    uplotCss: readFileSync(join(uplot, 'dist', 'uPlot.min.css'), 'utf8'),
    lightweightChartsVersion: version,
  };
}

/**
 * Makes library source safe inside an inline `<script>`: a literal `</script` in a string would
 * end the element early, so it is split as `<\/script` (same string at run time).
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
