/** TradingView's List of Trades: per trade an exit row above its entry row, newest trade first. */
import type { Trade } from '../../exports/index.js';
import { formatDateTime, formatPrice, formatTrimmed } from '../format.js';
import { element, moneySpan, percentSpan, section, table, textElement } from '../html.js';

const COLUMNS = [
  'Trade #',
  'Type',
  'Signal',
  'Date/Time',
  'Price',
  'Contracts',
  'Profit',
  'Cum. Profit',
  'Run-up',
  'Drawdown',
];

const capitalised = (direction: Trade['direction']): string => (direction === 'long' ? 'Long' : 'Short');

/** The two rows of one trade; figures that belong to the whole trade span both rows. */
function tradeRows(trade: Trade, currency: string): string {
  const side = capitalised(trade.direction);
  const span = { rowspan: 2 };
  const exit =
    textElement('td', span, String(trade.number)) +
    textElement('td', { class: 'type' }, `Exit ${side}`) +
    textElement('td', {}, trade.open ? 'Open' : trade.exitSignal) +
    textElement('td', {}, formatDateTime(trade.exitTime)) +
    textElement('td', { class: 'num' }, formatPrice(trade.exitPrice)) +
    textElement('td', { class: 'num', rowspan: 2 }, formatTrimmed(trade.qty, 8)) +
    element(
      'td',
      { class: 'num', rowspan: 2 },
      moneySpan(trade.profit, currency) + percentSpan(trade.profitPercent),
    ) +
    element('td', { class: 'num', rowspan: 2 }, moneySpan(trade.cumProfit, currency)) +
    element('td', { class: 'num', rowspan: 2 }, moneySpan(trade.runUp, currency)) +
    element('td', { class: 'num', rowspan: 2 }, moneySpan(trade.drawdown, currency));
  const entry =
    textElement('td', { class: 'type' }, `Entry ${side}`) +
    textElement('td', {}, trade.entrySignal) +
    textElement('td', {}, formatDateTime(trade.entryTime)) +
    textElement('td', { class: 'num' }, formatPrice(trade.entryPrice));
  const cls = trade.direction === 'long' ? 'long' : 'short';
  return element('tr', { class: `exit ${cls}` }, exit) + element('tr', { class: `entry ${cls}` }, entry);
}

/** The List of Trades section (times UTC). */
export function tradesSection(trades: readonly Trade[], currency: string): string {
  if (trades.length === 0)
    return section('trades', 'List of Trades', textElement('p', { class: 'muted' }, 'No trades.'));
  const ordered = [...trades].sort((a, b) => b.number - a.number);
  const rows = ordered.map((t) => tradeRows(t, currency)).join('');
  const note = textElement(
    'p',
    { class: 'muted' },
    `${String(trades.length)} trades, newest first; times UTC.`,
  );
  return section(
    'trades',
    'List of Trades',
    note + element('div', { class: 'scroll' }, table(COLUMNS, rows, 'trades')),
  );
}
