/** The page header, the chart placeholders, the monthly-returns heatmap and the run's settings. */
import { escapeHtml } from '../escape.js';
import { formatDate, formatDateTime, formatPercent } from '../format.js';
import { element, heatColour, keyValueTable, section, table, textElement } from '../html.js';
import type { PeriodReturns } from '../monthly.js';
import type { ReportMeta, ReportParameter } from '../types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Title, what was run on what, and links to the sections present. */
export function headerHtml(meta: ReportMeta, links: readonly (readonly [string, string])[]): string {
  const facts = [
    meta.strategyName,
    `${meta.symbol} · ${meta.timeframe}`,
    `${formatDate(meta.from)} → ${formatDate(meta.to)}`,
  ];
  const nav = links.map(([id, label]) => textElement('a', { href: `#${id}` }, label)).join('');
  return element(
    'header',
    {},
    textElement('h1', {}, meta.title) +
      element('p', { class: 'facts' }, facts.map((f) => textElement('span', {}, f)).join('')) +
      element('nav', {}, nav),
  );
}

/** A chart container the page script fills; `credit` is shown under it. */
export function chartBox(id: string, heading: string, height: number, creditHtml = ''): string {
  return section(
    `${id}-section`,
    heading,
    element('div', { id, class: 'chart', style: `height:${String(height)}px` }, '') + creditHtml,
  );
}

/**
 * lightweight-charts' attribution as its licence asks (NOTICE text plus a link to tradingview.com);
 * the chart's own TradingView logo link stays on as well.
 */
export function tradingViewCredit(version: string): string {
  return element(
    'p',
    { class: 'credit' },
    `Price chart by ${escapeHtml(`TradingView Lightweight Charts™ v${version}`)}, Copyright © TradingView, Inc. ` +
      '<a href="https://www.tradingview.com/" target="_blank" rel="noopener">https://www.tradingview.com/</a>',
  );
}

/** Years × months of returns, coloured by sign and size, with each year's compounded total. */
export function monthlySection(returns: PeriodReturns): string {
  if (returns.months.length === 0) return '';
  const largest = Math.max(1e-9, ...returns.months.map((m) => Math.abs(m.returnPercent)));
  const cell = (value: number | undefined, key: string): string =>
    value === undefined
      ? '<td></td>'
      : textElement(
          'td',
          { style: `background:${heatColour(value / largest)}`, 'data-key': key },
          formatPercent(value),
        );
  const rows = returns.years
    .map((y) => {
      const byMonth = new Map(
        returns.months.filter((m) => m.year === y.year).map((m) => [m.month, m.returnPercent]),
      );
      const months = MONTHS.map((_, i) => cell(byMonth.get(i), `${String(y.year)}-${String(i + 1)}`)).join(
        '',
      );
      const total = textElement(
        'td',
        { class: 'year-total', 'data-key': String(y.year) },
        formatPercent(y.returnPercent),
      );
      return element('tr', {}, textElement('th', {}, String(y.year)) + months + total);
    })
    .join('');
  return section(
    'monthly',
    'Monthly returns',
    element('div', { class: 'scroll-x' }, table(['', ...MONTHS, 'Year'], rows, 'heatmap monthly')),
  );
}

/** Inputs and strategy settings side by side, and the run's provenance. */
export function settingsSection(meta: ReportMeta): string {
  const pairs = (params: readonly ReportParameter[]): [string, string][] =>
    params.map((p) => [p.name, String(p.value)]);
  const run: [string, string][] = [
    ['Run id', meta.runId],
    ['Created', `${formatDateTime(meta.createdAt)} UTC`],
    ['pineport', meta.pineportVersion],
    ['Symbol', meta.symbol],
    ['Timeframe', meta.timeframe],
    ['Bars from', `${formatDateTime(meta.from)} UTC`],
    ['Bars to', `${formatDateTime(meta.to)} UTC`],
    ['Currency', meta.currency],
  ];
  const column = (heading: string, rows: [string, string][]): string =>
    element(
      'div',
      {},
      textElement('h3', {}, heading) +
        (rows.length > 0 ? keyValueTable(rows) : textElement('p', { class: 'muted' }, 'None.')),
    );
  return section(
    'settings',
    'Inputs and settings',
    element(
      'div',
      { class: 'columns3' },
      column('Inputs', pairs(meta.inputs)) +
        column('Strategy settings', pairs(meta.settings)) +
        column('Run', run),
    ),
  );
}
