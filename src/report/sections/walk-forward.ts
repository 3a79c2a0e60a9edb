/** Walk-forward windows and the stitched out-of-sample equity chart. */
import { formatCount, formatDate, formatMoney, formatNumber } from '../format.js';
import { element, formatStatistic, moneySpan, section, table, textElement } from '../html.js';
import type { WalkForwardSection } from '../types.js';
import { chartBox } from './overview.js';

function formatParameterValue(value: number | string | boolean): string {
  return typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 4) : String(value);
}

/** The windows table (one row per window) and the OOS equity chart placeholder. */
export function walkForwardSection(wf: WalkForwardSection, currency: string): string {
  const rows = wf.windows
    .map((w) => {
      const params = Object.entries(w.params)
        .map(([k, v]) => `${k}=${formatParameterValue(v)}`)
        .join(', ');
      return element(
        'tr',
        {},
        textElement('td', {}, String(w.index)) +
          textElement('td', {}, `${formatDate(w.inSampleFrom)} → ${formatDate(w.inSampleTo)}`) +
          textElement('td', {}, `${formatDate(w.outOfSampleFrom)} → ${formatDate(w.outOfSampleTo)}`) +
          textElement('td', {}, params) +
          textElement('td', { class: 'num' }, formatStatistic(w.inSampleObjective)) +
          textElement('td', { class: 'num' }, formatStatistic(w.outOfSampleObjective)) +
          element('td', { class: 'num' }, moneySpan(w.outOfSampleNetProfit, currency)) +
          textElement('td', { class: 'num' }, formatCount(w.outOfSampleTrades)),
      );
    })
    .join('');
  const total = wf.windows.reduce((s, w) => s + w.outOfSampleNetProfit, 0);
  const facts =
    `${String(wf.windows.length)} windows; objective ${wf.objective}; out-of-sample net profit ${formatMoney(total, currency)}` +
    (wf.efficiency === undefined ? '.' : `; walk-forward efficiency ${formatNumber(wf.efficiency, 3)}.`);
  const columns = [
    '#',
    'In-sample',
    'Out-of-sample',
    'Chosen parameters',
    `IS ${wf.objective}`,
    `OOS ${wf.objective}`,
    'OOS net profit',
    'OOS trades',
  ];
  return (
    section(
      'walk-forward',
      'Walk-forward',
      textElement('p', {}, facts) + element('div', { class: 'scroll' }, table(columns, rows, 'windows')),
    ) + chartBox('wf-chart', 'Stitched out-of-sample equity', 220)
  );
}
