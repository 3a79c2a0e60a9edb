/** Assembles the report page: static HTML sections, the JSON data block, the inlined libraries. */
// The Health section is built by src/health with this folder's html.ts helpers; src/health imports
// no other part of src/report, so the two modules form no import cycle.
import { healthSectionHtml } from '../health/html.js';
import { inlineScript, loadChartAssets, type ChartAssets } from './assets.js';
import { chartData } from './chart-data.js';
import { CLIENT_SCRIPT } from './client.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { element } from './html.js';
import { periodReturns } from './monthly.js';
import { optimisationSection } from './sections/optimisation.js';
import {
  chartBox,
  headerHtml,
  monthlySection,
  settingsSection,
  tradingViewCredit,
} from './sections/overview.js';
import { robustnessSection } from './sections/robustness.js';
import { metricsSection, summarySection } from './sections/summary.js';
import { tradesSection } from './sections/trades.js';
import { verifySection } from './sections/verify.js';
import { walkForwardSection } from './sections/walk-forward.js';
import { REPORT_CSS } from './styles.js';
import type { ReportInput } from './types.js';

/**
 * Everything is inline, and the policy forbids every fetch: the page works offline and cannot leak
 * data. Links (the TradingView attribution) still open on click.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * Renders a run as one self-contained offline HTML page: candles with trade markers
 * (lightweight-charts), equity and drawdown (uPlot), Performance Summary, monthly returns, list of
 * trades, and the optimisation / walk-forward / robustness / verify / health sections when the input
 * has them. All user text is escaped. `assets` defaults to the libraries in node_modules.
 */
export function renderReport(input: ReportInput, assets: ChartAssets = loadChartAssets()): string {
  const { meta } = input;
  const currency = meta.currency;
  const hasBars = input.bars !== undefined && input.bars.time.length > 0;
  const links: [string, string][] = [
    ...(input.summary === undefined ? [] : [['summary', 'Summary'] as [string, string]]),
    ['trades', 'Trades'],
  ];
  const optional: string[] = [];
  if (input.optimisation !== undefined) {
    links.push(['optimisation', 'Optimisation']);
    optional.push(optimisationSection(input.optimisation));
  }
  if (input.walkForward !== undefined) {
    links.push(['walk-forward', 'Walk-forward']);
    optional.push(walkForwardSection(input.walkForward, currency));
  }
  if (input.robustness !== undefined) {
    links.push(['robustness', 'Robustness']);
    optional.push(robustnessSection(input.robustness));
  }
  if (input.verify !== undefined) {
    links.push(['verify', 'Verify']);
    optional.push(verifySection(input.verify, currency));
  }
  if (input.health !== undefined) {
    links.push(['health', 'Health']);
    optional.push(healthSectionHtml(input.health));
  }
  links.push(['settings', 'Settings']);
  const priceChart = hasBars
    ? chartBox(
        'price-chart',
        'Price and trades (UTC)',
        400,
        tradingViewCredit(assets.lightweightChartsVersion),
      )
    : '';
  const side =
    (input.metrics === undefined ? '' : metricsSection(input.metrics)) +
    monthlySection(periodReturns(input.equity.time, input.equity.equity));
  const body =
    headerHtml(meta, links) +
    priceChart +
    // A comparison of two trade lists (verify without a strategy run) has no equity curve to draw.
    (input.equity.time.length === 0
      ? ''
      : element(
          'div',
          { class: 'row2' },
          chartBox('equity-chart', 'Equity', 250) + chartBox('drawdown-chart', 'Drawdown from peak', 250),
        )) +
    element(
      'div',
      { class: 'row-main' },
      (input.summary === undefined ? '' : summarySection(input.summary, currency)) + element('div', {}, side),
    ) +
    tradesSection(input.trades, currency) +
    optional.join('') +
    settingsSection(meta) +
    footerHtml(input, assets, hasBars);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${meta.title} — pineport report`)}</title>`,
    `<style>${assets.uplotCss}</style>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    element('main', {}, body),
    `<script type="application/json" id="report-data">${jsonForScript(chartData(input))}</script>`,
    `<script>${inlineScript(assets.lightweightChartsJs)}</script>`,
    `<script>${inlineScript(assets.uplotJs)}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function footerHtml(input: ReportInput, assets: ChartAssets, hasBars: boolean): string {
  const lines = [
    escapeHtml(`Generated by pineport ${input.meta.pineportVersion} · run ${input.meta.runId}`),
    hasBars
      ? escapeHtml(
          `Candle chart: TradingView Lightweight Charts™ v${assets.lightweightChartsVersion}, Copyright © TradingView, Inc., Apache-2.0 — `,
        ) +
        '<a href="https://www.tradingview.com/" target="_blank" rel="noopener">https://www.tradingview.com/</a>'
      : '',
    'Equity charts: uPlot © Leon Sorokin, MIT.',
  ];
  return element(
    'footer',
    {},
    lines
      .filter((l) => l !== '')
      .map((l) => element('p', {}, l))
      .join(''),
  );
}
