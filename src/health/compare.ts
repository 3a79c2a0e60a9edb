import type { Snapshot, TradeRow } from './snapshot.js';

/** Relative tolerance of value comparisons: far below any price tick, above float noise. */
export const DEFAULT_TOLERANCE = 1e-9;

/** Equal numbers, both na, or within `tolerance` relative to their size (at least 1). */
export function sameNumber(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Where two runs first (or last) disagree, and on what. */
export interface Difference {
  /** Bar index in the full feed. */
  readonly bar: number;
  readonly kind: 'plot' | 'trade' | 'error';
  /** The plot title or the order id involved. */
  readonly series: string;
  /** The reference run's value, as text. */
  readonly expected: string;
  /** The other run's value, as text. */
  readonly actual: string;
}

function show(value: number): string {
  return Number.isNaN(value) ? 'na' : String(value);
}

function plotDifferenceAt(
  a: Snapshot,
  b: Snapshot,
  bar: number,
  tolerance: number,
  only: number | undefined,
): Difference | undefined {
  const count = Math.min(a.plots.length, b.plots.length);
  for (let p = only ?? 0; p < (only === undefined ? count : Math.min(only + 1, count)); p++) {
    const x = a.plots[p][bar - a.from];
    const y = b.plots[p][bar - b.from];
    if (!sameNumber(x, y, tolerance))
      return { bar, kind: 'plot', series: a.plotTitles[p], expected: show(x), actual: show(y) };
  }
  return undefined;
}

/**
 * The first (or, with `last`, the last) bar in `[from, to)` where a plotted series of `b` differs
 * from `a` (only the series of index `plot` when it is given).
 */
export function plotDifference(
  a: Snapshot,
  b: Snapshot,
  from: number,
  to: number,
  options: { readonly tolerance?: number; readonly last?: boolean; readonly plot?: number } = {},
): Difference | undefined {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const step = options.last === true ? -1 : 1;
  for (let bar = step > 0 ? from : to - 1; bar >= from && bar < to; bar += step) {
    const d = plotDifferenceAt(a, b, bar, tolerance, options.plot);
    if (d) return d;
  }
  return undefined;
}

/**
 * The trades as a run ending after bar `cut` would know them: trades entered by then, exits after
 * the cut turned back into open trades, and open parts of one entry (split by partial exits)
 * merged, so a full run and a truncated run list the same rows when nothing looked ahead.
 */
export function tradesUpTo(rows: readonly TradeRow[], cut: number): TradeRow[] {
  const out: TradeRow[] = [];
  const open = new Map<string, TradeRow>();
  for (const row of rows) {
    if (row.entryBar > cut) continue;
    if (row.exitBar >= 0 && row.exitBar <= cut) {
      out.push(row);
      continue;
    }
    const key = `${row.entryBar}|${row.entryId}|${row.direction}|${row.entryPrice}`;
    const known = open.get(key);
    open.set(key, {
      ...row,
      qty: (known?.qty ?? 0) + row.qty,
      exitBar: -1,
      exitId: '',
      exitPrice: Number.NaN,
    });
  }
  out.push(...open.values());
  return out.sort(
    (x, y) =>
      x.entryBar - y.entryBar ||
      (x.exitBar < 0 ? Infinity : x.exitBar) - (y.exitBar < 0 ? Infinity : y.exitBar) ||
      x.entryId.localeCompare(y.entryId) ||
      x.qty - y.qty,
  );
}

function describeRow(row: TradeRow | undefined): string {
  if (!row) return 'no trade';
  const side = row.direction > 0 ? 'long' : 'short';
  const exit = row.exitBar < 0 ? 'open' : `exit '${row.exitId}' bar ${row.exitBar} @ ${row.exitPrice}`;
  return `${side} '${row.entryId}' qty ${row.qty} bar ${row.entryBar} @ ${row.entryPrice}, ${exit}`;
}

function sameEntry(a: TradeRow, b: TradeRow, tolerance: number): boolean {
  return (
    a.entryBar === b.entryBar &&
    a.entryId === b.entryId &&
    a.direction === b.direction &&
    sameNumber(a.entryPrice, b.entryPrice, tolerance)
  );
}

function sameRow(a: TradeRow, b: TradeRow, tolerance: number): boolean {
  return (
    sameEntry(a, b, tolerance) &&
    sameNumber(a.qty, b.qty, tolerance) &&
    a.exitBar === b.exitBar &&
    a.exitId === b.exitId &&
    sameNumber(a.exitPrice, b.exitPrice, tolerance)
  );
}

/** The first trade row that differs between two lists (as `tradesUpTo` builds them). */
export function firstTradeDifference(
  expected: readonly TradeRow[],
  actual: readonly TradeRow[],
  tolerance = DEFAULT_TOLERANCE,
): Difference | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const a = expected.at(i);
    const b = actual.at(i);
    if (a && b && sameRow(a, b, tolerance)) continue;
    const entryDiffers = !a || !b || !sameEntry(a, b, tolerance);
    const bars = [a, b].flatMap((r) => (r ? [entryDiffers ? r.entryBar : r.exitBar] : []));
    const bar = Math.min(...bars.filter((x) => x >= 0));
    return {
      bar,
      kind: 'trade',
      series: (a ?? b)?.entryId ?? '',
      expected: describeRow(a),
      actual: describeRow(b),
    };
  }
  return undefined;
}

/** An order fill as the warm-up comparison sees it: where, which order, which side, what price. */
interface FillEvent {
  readonly bar: number;
  readonly id: string;
  readonly text: string;
  readonly price: number;
}

/** Entry and exit fills, one per fill (partial-exit splits share their entry), in bar order. */
function fillEvents(rows: readonly TradeRow[], from: number): FillEvent[] {
  const events: FillEvent[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const side = row.direction > 0 ? 'long' : 'short';
    const entryKey = `${row.entryBar}|${row.entryId}|${row.entryPrice}`;
    if (row.entryBar >= from && !seen.has(entryKey)) {
      seen.add(entryKey);
      events.push({
        bar: row.entryBar,
        id: row.entryId,
        text: `enter ${side} '${row.entryId}'`,
        price: row.entryPrice,
      });
    }
    if (row.exitBar >= from)
      events.push({
        bar: row.exitBar,
        id: row.exitId,
        text: `exit ${side} '${row.exitId}'`,
        price: row.exitPrice,
      });
  }
  return events.sort((a, b) => a.bar - b.bar || a.text.localeCompare(b.text) || a.price - b.price);
}

/**
 * The last fill from bar `from` on where two runs disagree (quantities are ignored: sizing by
 * equity differs between runs that started with the same capital at different bars), and whether
 * the fills after it agree again (`tailMatched`; false: the runs never converged).
 */
export function lastFillDifference(
  expected: readonly TradeRow[],
  actual: readonly TradeRow[],
  from: number,
  tolerance = DEFAULT_TOLERANCE,
): { readonly difference: Difference; readonly tailMatched: boolean } | undefined {
  const a = fillEvents(expected, from);
  const b = fillEvents(actual, from);
  let i = a.length - 1;
  let j = b.length - 1;
  while (i >= 0 && j >= 0) {
    const x = a[i];
    const y = b[j];
    if (x.bar !== y.bar || x.text !== y.text || !sameNumber(x.price, y.price, tolerance)) break;
    i--;
    j--;
  }
  if (i < 0 && j < 0) return undefined;
  const x = i >= 0 ? a[i] : undefined;
  const y = j >= 0 ? b[j] : undefined;
  return {
    difference: {
      bar: Math.max(x?.bar ?? -1, y?.bar ?? -1),
      kind: 'trade',
      series: (x ?? y)?.id ?? '',
      expected: x ? `${x.text} bar ${x.bar} @ ${x.price}` : 'no fill',
      actual: y ? `${y.text} bar ${y.bar} @ ${y.price}` : 'no fill',
    },
    // Some fills after the disagreement matched again: the runs converged.
    tailMatched: i < a.length - 1,
  };
}
