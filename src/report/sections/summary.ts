/** TradingView's Performance Summary (All / Long / Short) and the extra metrics table. */
import type { PerformanceMetrics } from '../../metrics/index.js';
import type { PerformanceSummary, SummaryColumn } from '../../runtime/strategy/summary.js';
import { formatCount, formatFraction, formatNumber, formatPercent } from '../format.js';
import {
  element,
  keyValueTable,
  moneySpan,
  numberSpan,
  percentSpan,
  section,
  table,
  textElement,
  type Tone,
} from '../html.js';

type ColumnKey = keyof SummaryColumn;
type AccountKey = Exclude<keyof PerformanceSummary, 'all' | 'long' | 'short'>;

/** How a row's value is shown: money (+ optional percent), a count, a ratio, a percent or bars. */
type Kind = 'money' | 'count' | 'ratio' | 'percent' | 'bars';

/** A row from the per-direction columns. */
interface ColumnRow {
  readonly label: string;
  readonly key: ColumnKey;
  readonly percentKey?: ColumnKey;
  readonly kind: Kind;
  readonly tone?: Tone;
}

/** A row with one account-level value, shown in the All column only (as TradingView does). */
interface AccountRow {
  readonly label: string;
  readonly account: AccountKey;
  readonly percentAccount?: AccountKey;
  readonly kind: Kind;
  readonly tone?: Tone;
}

/** TradingView's row order. */
const ROWS: readonly (ColumnRow | AccountRow)[] = [
  { label: 'Net Profit', key: 'netProfit', percentKey: 'netProfitPercent', kind: 'money' },
  { label: 'Gross Profit', key: 'grossProfit', percentKey: 'grossProfitPercent', kind: 'money' },
  { label: 'Gross Loss', key: 'grossLoss', percentKey: 'grossLossPercent', kind: 'money', tone: 'loss' },
  { label: 'Max Run-up', account: 'maxRunup', kind: 'money' },
  { label: 'Max Drawdown', account: 'maxDrawdown', kind: 'money', tone: 'loss' },
  {
    label: 'Buy & Hold Return',
    account: 'buyAndHoldReturn',
    percentAccount: 'buyAndHoldReturnPercent',
    kind: 'money',
  },
  { label: 'Sharpe Ratio', account: 'sharpeRatio', kind: 'ratio' },
  { label: 'Sortino Ratio', account: 'sortinoRatio', kind: 'ratio' },
  { label: 'Profit Factor', key: 'profitFactor', kind: 'ratio' },
  { label: 'Open PL', key: 'openPnl', kind: 'money' },
  { label: 'Commission Paid', key: 'commissionPaid', kind: 'money', tone: 'neutral' },
  { label: 'Total Closed Trades', key: 'totalClosedTrades', kind: 'count' },
  { label: 'Total Open Trades', key: 'totalOpenTrades', kind: 'count' },
  { label: 'Number Winning Trades', key: 'winningTrades', kind: 'count' },
  { label: 'Number Losing Trades', key: 'losingTrades', kind: 'count' },
  { label: 'Number Even Trades', key: 'evenTrades', kind: 'count' },
  { label: 'Percent Profitable', key: 'percentProfitable', kind: 'percent' },
  { label: 'Avg Trade', key: 'avgTrade', percentKey: 'avgTradePercent', kind: 'money' },
  { label: 'Avg Winning Trade', key: 'avgWinningTrade', percentKey: 'avgWinningTradePercent', kind: 'money' },
  {
    label: 'Avg Losing Trade',
    key: 'avgLosingTrade',
    percentKey: 'avgLosingTradePercent',
    kind: 'money',
    tone: 'loss',
  },
  { label: 'Ratio Avg Win / Avg Loss', key: 'ratioAvgWinAvgLoss', kind: 'ratio' },
  {
    label: 'Largest Winning Trade',
    key: 'largestWinningTrade',
    percentKey: 'largestWinningTradePercent',
    kind: 'money',
  },
  {
    label: 'Largest Losing Trade',
    key: 'largestLosingTrade',
    percentKey: 'largestLosingTradePercent',
    kind: 'money',
  },
  { label: 'Avg # Bars in Trades', key: 'avgBarsInTrades', kind: 'bars' },
  { label: 'Avg # Bars in Winning Trades', key: 'avgBarsInWinningTrades', kind: 'bars' },
  { label: 'Avg # Bars in Losing Trades', key: 'avgBarsInLosingTrades', kind: 'bars' },
  { label: 'Margin Calls', account: 'marginCalls', kind: 'count' },
];

/**
 * One cell: the value (and its percent), each span tagged `data-key="<column>.<field>"`. Money is
 * coloured by sign unless the row says otherwise; ratios, percentages and counts are not coloured.
 */
function valueCell(
  row: ColumnRow | AccountRow,
  value: number,
  key: string,
  currency: string,
  percent?: [number, string],
): string {
  const tone = row.tone ?? (row.kind === 'money' ? 'sign' : 'neutral');
  let inner: string;
  if (row.kind === 'money') inner = moneySpan(value, currency, key, tone);
  else if (row.kind === 'percent') inner = percentSpan(value, key, tone);
  else if (row.kind === 'ratio') inner = numberSpan(value, 3, key, tone);
  else inner = textElement('span', { 'data-key': key }, formatCount(value));
  if (percent !== undefined) inner += percentSpan(percent[0], percent[1], tone);
  return element('td', {}, inner);
}

function summaryRow(row: ColumnRow | AccountRow, summary: PerformanceSummary, currency: string): string {
  let cells: string;
  if ('account' in row) {
    const percent: [number, string] | undefined =
      row.percentAccount === undefined
        ? undefined
        : [summary[row.percentAccount], `account.${row.percentAccount}`];
    cells =
      valueCell(row, summary[row.account], `account.${row.account}`, currency, percent) +
      '<td></td><td></td>';
  } else {
    cells = (['all', 'long', 'short'] as const)
      .map((dir) => {
        const column = summary[dir];
        const percentKey = row.percentKey;
        const percent: [number, string] | undefined =
          percentKey === undefined ? undefined : [column[percentKey], `${dir}.${percentKey}`];
        return valueCell(row, column[row.key], `${dir}.${row.key}`, currency, percent);
      })
      .join('');
  }
  return element('tr', {}, `${textElement('th', {}, row.label)}${cells}`);
}

/** The Performance Summary table, with the initial capital noted above it. */
export function summarySection(summary: PerformanceSummary, currency: string): string {
  const rows = ROWS.map((row) => summaryRow(row, summary, currency)).join('');
  const note = element(
    'p',
    { class: 'muted' },
    `Initial capital ${moneySpan(summary.initialCapital, currency, 'account.initialCapital')}`,
  );
  return section(
    'summary',
    'Performance Summary',
    note + table(['', 'All', 'Long', 'Short'], rows, 'summary'),
  );
}

/** pineport's extra metrics (per-bar conventions of src/metrics), when the run has them. */
export function metricsSection(metrics: PerformanceMetrics): string {
  const rows: [string, string][] = [
    ['Total return', formatFraction(metrics.totalReturn)],
    ['CAGR', formatFraction(metrics.cagr)],
    ['Volatility (annualised)', formatFraction(metrics.volatility)],
    ['Sharpe (annualised, per bar)', formatNumber(metrics.sharpe, 3)],
    ['Sortino (annualised, per bar)', formatNumber(metrics.sortino, 3)],
    ['Calmar', formatNumber(metrics.calmar, 3)],
    ['Max drawdown', formatFraction(-metrics.maxDrawdown)],
    ['Max drawdown duration', `${formatCount(metrics.maxDrawdownDurationBars)} bars`],
    ['Ulcer index', formatNumber(metrics.ulcerIndex, 3)],
    ['Omega', formatNumber(metrics.omega, 3)],
    ['Tail ratio', formatNumber(metrics.tailRatio, 3)],
    ['Exposure', formatFraction(metrics.exposure)],
    ['Win rate', formatFraction(metrics.winRate)],
    ['Expectancy', formatNumber(metrics.expectancy, 2)],
    ['SQN', formatNumber(metrics.sqn, 3)],
    ['Kelly fraction', formatPercent(metrics.kelly * 100)],
  ];
  return section('metrics', 'More metrics', keyValueTable(rows));
}
