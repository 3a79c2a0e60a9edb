/** A `verify` run: TradingView's trades beside ours, differing fields marked, first divergence highlighted. */
import type { Trade } from '../../exports/index.js';
import type { ComparisonReport, FieldDifference, TradeFieldName } from '../../verify/index.js';
import {
  formatCount,
  formatDateTime,
  formatFraction,
  formatMoney,
  formatPrice,
  formatTrimmed,
} from '../format.js';
import { element, keyValueTable, section, textElement } from '../html.js';

/** One line of the side-by-side table: a pair, or a trade only one side has. */
interface DiffRow {
  readonly time: number;
  readonly expected: Trade | undefined;
  readonly actual: Trade | undefined;
  readonly differing: ReadonlySet<TradeFieldName>;
}

/** The fields shown per side, with the comparison field that marks them. */
const FIELDS: readonly {
  readonly field: TradeFieldName;
  readonly text: (t: Trade, currency: string) => string;
}[] = [
  { field: 'direction', text: (t) => (t.direction === 'long' ? 'Long' : 'Short') },
  { field: 'entryTime', text: (t) => formatDateTime(t.entryTime) },
  { field: 'entryPrice', text: (t) => formatPrice(t.entryPrice) },
  { field: 'exitTime', text: (t) => (t.open ? 'Open' : formatDateTime(t.exitTime)) },
  { field: 'exitPrice', text: (t) => formatPrice(t.exitPrice) },
  { field: 'qty', text: (t) => formatTrimmed(t.qty, 8) },
  { field: 'profit', text: (t, currency) => formatMoney(t.profit, currency) },
];

function rowsOf(report: ComparisonReport): DiffRow[] {
  const rows: DiffRow[] = [
    ...report.pairs.map((p) => ({
      time: Math.min(p.expected.entryTime, p.actual.entryTime),
      expected: p.expected,
      actual: p.actual,
      differing: new Set(p.differences.map((d) => (d.field === 'open' ? 'exitTime' : d.field))),
    })),
    ...report.unmatchedExpected.map((t) => ({
      time: t.entryTime,
      expected: t,
      actual: undefined,
      differing: new Set<TradeFieldName>(),
    })),
    ...report.unmatchedActual.map((t) => ({
      time: t.entryTime,
      expected: undefined,
      actual: t,
      differing: new Set<TradeFieldName>(),
    })),
  ];
  return rows.sort((a, b) => a.time - b.time);
}

function sideCells(
  trade: Trade | undefined,
  differing: ReadonlySet<TradeFieldName>,
  currency: string,
): string {
  if (trade === undefined) return element('td', { colspan: FIELDS.length + 1, class: 'absent' }, '—');
  return (
    textElement('td', { class: 'side-start' }, String(trade.number)) +
    FIELDS.map((f) =>
      textElement('td', { class: differing.has(f.field) ? 'diff' : undefined }, f.text(trade, currency)),
    ).join('')
  );
}

function status(row: DiffRow): string {
  if (row.expected === undefined) return 'ours only';
  if (row.actual === undefined) return 'TradingView only';
  return row.differing.size === 0 ? 'match' : [...row.differing].join(', ');
}

/** A difference's two values as the table shows them: times as dates, prices as prices. */
function formatDifference(d: FieldDifference): [string, string] {
  const one = (v: number): string => {
    if (d.field === 'entryTime' || d.field === 'exitTime') return formatDateTime(v);
    if (d.field === 'entryPrice' || d.field === 'exitPrice') return formatPrice(v);
    if (d.field === 'direction') return v > 0 ? 'long' : 'short';
    if (d.field === 'open') return v > 0 ? 'open' : 'closed';
    return formatTrimmed(v, 8);
  };
  return [one(d.expected), one(d.actual)];
}

/** Whether `row` is the report's first divergence. */
function isFirstDivergence(row: DiffRow, report: ComparisonReport): boolean {
  const first = report.firstDivergence;
  if (first === undefined) return false;
  if (first.kind === 'extra') return row.expected === undefined && row.actual === first.actual;
  if (first.kind === 'missing') return row.actual === undefined && row.expected === first.expected;
  return row.expected === first.expected && row.actual === first.actual;
}

/** The comparison's figures, the first divergence in words, and the side-by-side table. */
export function verifySection(report: ComparisonReport, currency: string): string {
  const m = report.metrics;
  const facts: [string, string][] = [
    ['Grade', report.grade],
    ['Window', `${formatDateTime(report.window.from)} → ${formatDateTime(report.window.to)} UTC`],
    [
      'Trades (TradingView / ours)',
      `${formatCount(report.expectedCount)} / ${formatCount(report.actualCount)}`,
    ],
    ['Paired / exact', `${formatCount(report.paired)} / ${formatCount(report.exactPairs)}`],
    ['Count Δ, unpaired', `${formatFraction(m.countDelta)}, ${formatFraction(m.unpaired)}`],
    [
      'p90 Δ entry / exit price, P&L',
      `${formatFraction(m.entryPriceP90, 4)} / ${formatFraction(m.exitPriceP90, 4)}, ${formatFraction(m.pnlP90)}`,
    ],
  ];
  if (report.error !== undefined) facts.push(['Error', report.error]);
  const first = report.firstDivergence;
  const divergence =
    first === undefined
      ? textElement('p', { class: 'ok' }, 'No divergence: every trade in the window matches.')
      : element(
          'p',
          { class: 'divergence' },
          textElement('strong', {}, `First divergence (${first.kind}) at ${formatDateTime(first.time)} UTC`) +
            textElement(
              'span',
              {},
              first.differences
                .map((d) => {
                  const [tv, ours] = formatDifference(d);
                  return ` ${d.field}: TradingView ${tv}, ours ${ours}`;
                })
                .join(';'),
            ) +
            ' ' +
            textElement('a', { href: '#first-divergence' }, 'show row'),
        );
  const body = rowsOf(report)
    .map((row) => {
      const firstRow = isFirstDivergence(row, report);
      const cls = firstRow
        ? 'first-divergence'
        : row.differing.size > 0 || row.expected === undefined || row.actual === undefined
          ? 'differs'
          : undefined;
      return element(
        'tr',
        { class: cls, id: firstRow ? 'first-divergence' : undefined },
        sideCells(row.expected, row.differing, currency) +
          sideCells(row.actual, row.differing, currency) +
          textElement('td', {}, status(row)),
      );
    })
    .join('');
  const side = ['#', 'Dir', 'Entry time', 'Entry price', 'Exit time', 'Exit price', 'Qty', 'Profit'];
  const groups = element(
    'tr',
    { class: 'groups' },
    textElement('th', { colspan: side.length }, 'TradingView') +
      textElement('th', { colspan: side.length }, 'pineport') +
      '<th></th>',
  );
  const columns = element(
    'tr',
    {},
    [...side, ...side, 'Status'].map((c) => textElement('th', {}, c)).join(''),
  );
  const diffTable = element(
    'table',
    { class: 'diff-table' },
    element('thead', {}, groups + columns) + element('tbody', {}, body),
  );
  return section(
    'verify',
    'Verification against TradingView',
    keyValueTable(facts) + divergence + element('div', { class: 'scroll tall' }, diffTable),
  );
}
