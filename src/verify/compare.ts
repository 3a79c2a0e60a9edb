import type { Trade } from '../exports/trade.js';
import { decideGrade, p90, type ComparisonMetrics, type Grade } from './grade.js';

/** Options for {@link compareTrades}. */
export interface CompareOptions {
  /** The symbol's tick: prices match when within half of it. */
  readonly mintick: number;
  /** Net P&L tolerance in money (default 0.01, the export's rounding). */
  readonly pnlTolerance?: number;
  /**
   * Relative P&L tolerance on top of `pnlTolerance` (default 0). TradingView converts P&L from the
   * quote currency (USDT) to the account currency (USD) at the pair's previous daily close; when
   * that rate series is not available the P&L can only match within the rate's band.
   */
  readonly pnlRelativeTolerance?: number;
  /** Relative qty tolerance (default 1e-6; exports print sizes rounded). */
  readonly qtyTolerance?: number;
  /**
   * Trades whose entries are at most this far apart (same direction) are still paired, so a shifted
   * trade shows as a time difference instead of one missing and one extra trade. Default 1 hour,
   * PineForge's gate.
   */
  readonly pairWindowMs?: number;
  /** The range of bars our run covered; the comparison window is clipped to it. */
  readonly dataRange?: { readonly from: number; readonly to: number };
  /** An explicit window (UNIX ms, inclusive) instead of the export's own range. */
  readonly window?: { readonly from: number; readonly to: number };
}

/** The fields compared per pair. */
export type TradeFieldName =
  'direction' | 'entryTime' | 'exitTime' | 'entryPrice' | 'exitPrice' | 'qty' | 'profit' | 'open';

/** One field that differs between a TradingView trade and ours. */
export interface FieldDifference {
  readonly field: TradeFieldName;
  /** TradingView's value (booleans as 0/1, direction as +1 long / −1 short). */
  readonly expected: number;
  readonly actual: number;
  readonly tolerance: number;
}

/** A TradingView trade paired with ours. */
export interface TradePair {
  readonly expected: Trade;
  readonly actual: Trade;
  /** Empty when the pair matches to the tick. */
  readonly differences: readonly FieldDifference[];
}

/** The earliest place where the two lists disagree, with the trades around it. */
export interface Divergence {
  /** `fields`: a pair whose fields differ; `missing`: a TradingView trade we lack; `extra`: a trade TradingView lacks. */
  readonly kind: 'fields' | 'missing' | 'extra';
  /** When it happens: the entry time of the trade concerned (UNIX ms). */
  readonly time: number;
  readonly expected: Trade | undefined;
  readonly actual: Trade | undefined;
  readonly differences: readonly FieldDifference[];
  /** Up to two TradingView trades before and after, in the window, for context. */
  readonly expectedNearby: readonly Trade[];
  readonly actualNearby: readonly Trade[];
}

/** The whole comparison: grade, counts, figures, pairs and the first divergence. */
export interface ComparisonReport {
  readonly grade: Grade;
  /** The compared time range (entry times, UNIX ms, inclusive). */
  readonly window: { readonly from: number; readonly to: number };
  /** Trades inside the window. */
  readonly expectedCount: number;
  readonly actualCount: number;
  /** Trades outside the window: reported, not compared. */
  readonly outsideWindow: { readonly expected: number; readonly actual: number };
  readonly paired: number;
  /** Pairs with no differing field. */
  readonly exactPairs: number;
  readonly metrics: ComparisonMetrics;
  readonly pairs: readonly TradePair[];
  readonly unmatchedExpected: readonly Trade[];
  readonly unmatchedActual: readonly Trade[];
  readonly firstDivergence: Divergence | undefined;
  /** Why the grade is `error`, when it is. */
  readonly error?: string;
}

const HOUR_MS = 3_600_000;

/**
 * Compares our trades with TradingView's, trade by trade, inside the window TradingView's export
 * covers (its chart started earlier than our data may, and ended at the export date): pairs trades by
 * direction and entry time (exact first, then nearest within `pairWindowMs`, in order), compares each
 * field with the tolerances above, finds the first divergence in time and grades the whole (see
 * grade.ts for the thresholds). Pure: returns a report, prints nothing.
 */
export function compareTrades(
  expected: readonly Trade[],
  actual: readonly Trade[],
  options: CompareOptions,
): ComparisonReport {
  const window = options.window ?? exportWindow(expected, options.dataRange);
  const inside = (t: Trade): boolean => t.entryTime >= window.from && t.entryTime <= window.to;
  const tv = sortByEntry(expected.filter(inside));
  const ours = sortByEntry(actual.filter(inside));
  const { pairs, unmatchedTv, unmatchedOurs } = pairTrades(tv, ours, options.pairWindowMs ?? HOUR_MS);
  const tolerances = {
    price: options.mintick / 2 + 1e-9,
    qty: options.qtyTolerance ?? 1e-6,
    pnl: (options.pnlTolerance ?? 0.01) + 1e-9,
    pnlRelative: options.pnlRelativeTolerance ?? 0,
    windowEnd: window.to,
  };
  const compared: TradePair[] = pairs.map(([a, b]) => ({
    expected: a,
    actual: b,
    differences: compareFields(a, b, tolerances),
  }));
  const exactPairs = compared.filter((p) => p.differences.length === 0).length;
  const larger = Math.max(tv.length, ours.length);
  const metrics = measure(compared, tv.length, ours.length, unmatchedTv.length + unmatchedOurs.length);
  const allExact = tv.length === ours.length && unmatchedTv.length === 0 && exactPairs === compared.length;
  return {
    grade: decideGrade(metrics, allExact, larger === 0 ? 1 : compared.length / larger),
    window,
    expectedCount: tv.length,
    actualCount: ours.length,
    outsideWindow: { expected: expected.length - tv.length, actual: actual.length - ours.length },
    paired: compared.length,
    exactPairs,
    metrics,
    pairs: compared,
    unmatchedExpected: unmatchedTv,
    unmatchedActual: unmatchedOurs,
    firstDivergence: firstDivergence(compared, unmatchedTv, unmatchedOurs, tv, ours),
  };
}

/** A report for a comparison that could not run. */
export function errorReport(message: string): ComparisonReport {
  return {
    grade: 'error',
    window: { from: Number.NaN, to: Number.NaN },
    expectedCount: 0,
    actualCount: 0,
    outsideWindow: { expected: 0, actual: 0 },
    paired: 0,
    exactPairs: 0,
    metrics: {
      countDelta: Number.NaN,
      unpaired: Number.NaN,
      entryPriceP90: Number.NaN,
      exitPriceP90: Number.NaN,
      pnlP90: Number.NaN,
    },
    pairs: [],
    unmatchedExpected: [],
    unmatchedActual: [],
    firstDivergence: undefined,
    error: message,
  };
}

/**
 * The export's time range: first entry to the last time it mentions (an open trade's exit row is
 * the last bar), clipped to the bars our run had.
 */
export function exportWindow(
  expected: readonly Trade[],
  dataRange?: { readonly from: number; readonly to: number },
): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const t of expected) {
    from = Math.min(from, t.entryTime);
    to = Math.max(to, t.entryTime, Number.isFinite(t.exitTime) ? t.exitTime : t.entryTime);
  }
  if (dataRange !== undefined) {
    from = Math.max(from, dataRange.from);
    to = Math.min(to, dataRange.to);
  }
  return { from, to };
}

function sortByEntry(trades: readonly Trade[]): Trade[] {
  return [...trades].sort((a, b) => a.entryTime - b.entryTime || a.number - b.number);
}

function pairTrades(
  tv: readonly Trade[],
  ours: readonly Trade[],
  pairWindowMs: number,
): { pairs: [Trade, Trade][]; unmatchedTv: Trade[]; unmatchedOurs: Trade[] } {
  const partner = new Array<number>(tv.length).fill(-1);
  const taken = new Array<boolean>(ours.length).fill(false);
  // Pass 1: same entry time and direction, first come first served (pyramided entries share a time).
  const byKey = new Map<string, number[]>();
  ours.forEach((t, j) => {
    const key = `${t.entryTime}|${t.direction}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [j]);
    else list.push(j);
  });
  tv.forEach((t, i) => {
    const j = byKey.get(`${t.entryTime}|${t.direction}`)?.shift();
    if (j !== undefined) {
      partner[i] = j;
      taken[j] = true;
    }
  });
  // Pass 2: nearest untaken trade of the same direction within the window, in TradingView's order.
  tv.forEach((t, i) => {
    if (partner[i] >= 0) return;
    let best = -1;
    let bestDistance = pairWindowMs;
    for (let j = lowerBound(ours, t.entryTime - pairWindowMs); j < ours.length; j++) {
      const distance = Math.abs(ours[j].entryTime - t.entryTime);
      if (ours[j].entryTime > t.entryTime + pairWindowMs) break;
      if (!taken[j] && ours[j].direction === t.direction && distance <= bestDistance) {
        if (best < 0 || distance < bestDistance) best = j;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      partner[i] = best;
      taken[best] = true;
    }
  });
  const pairs: [Trade, Trade][] = [];
  const unmatchedTv: Trade[] = [];
  tv.forEach((t, i) => {
    if (partner[i] >= 0) pairs.push([t, ours[partner[i]]]);
    else unmatchedTv.push(t);
  });
  return { pairs, unmatchedTv, unmatchedOurs: ours.filter((_, j) => !taken[j]) };
}

function lowerBound(trades: readonly Trade[], time: number): number {
  let lo = 0;
  let hi = trades.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trades[mid].entryTime < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Tolerances {
  readonly price: number;
  readonly qty: number;
  readonly pnl: number;
  readonly pnlRelative: number;
  readonly windowEnd: number;
}

function compareFields(tv: Trade, ours: Trade, tol: Tolerances): FieldDifference[] {
  const out: FieldDifference[] = [];
  const check = (field: TradeFieldName, expected: number, actual: number, tolerance: number): void => {
    const same = expected === actual || Math.abs(expected - actual) <= tolerance;
    if (!same) out.push({ field, expected, actual, tolerance });
  };
  check('entryTime', tv.entryTime, ours.entryTime, 0);
  check('entryPrice', tv.entryPrice, ours.entryPrice, tol.price);
  check('qty', tv.qty, ours.qty, tol.qty * Math.max(Math.abs(tv.qty), Math.abs(ours.qty)));
  if (tv.open) {
    // TradingView marks the position at its last bar; ours may run on: only closing earlier differs.
    if (!ours.open && ours.exitTime <= tol.windowEnd) check('open', 1, 0, 0);
    return out;
  }
  if (ours.open) check('open', 0, 1, 0);
  check('exitTime', tv.exitTime, ours.exitTime, 0);
  check('exitPrice', tv.exitPrice, ours.exitPrice, tol.price);
  // A side without P&L (a bare trade list) is not compared on it.
  if (Number.isFinite(tv.profit) && Number.isFinite(ours.profit))
    check('profit', tv.profit, ours.profit, Math.max(tol.pnl, tol.pnlRelative * Math.abs(tv.profit)));
  return out;
}

function measure(
  pairs: readonly TradePair[],
  tvCount: number,
  ourCount: number,
  unpaired: number,
): ComparisonMetrics {
  const larger = Math.max(tvCount, ourCount);
  const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(a));
  const entry: number[] = [];
  const exit: number[] = [];
  const pnl: number[] = [];
  for (const { expected: a, actual: b } of pairs) {
    entry.push(relative(a.entryPrice, b.entryPrice));
    if (!a.open && !b.open) exit.push(relative(a.exitPrice, b.exitPrice));
    if (Math.abs(a.profit) > 0.01 && Number.isFinite(b.profit)) pnl.push(relative(a.profit, b.profit));
  }
  return {
    countDelta: larger === 0 ? 0 : Math.abs(tvCount - ourCount) / larger,
    unpaired: larger === 0 ? 0 : unpaired / larger,
    entryPriceP90: p90(entry),
    exitPriceP90: p90(exit),
    pnlP90: p90(pnl),
  };
}

function firstDivergence(
  pairs: readonly TradePair[],
  unmatchedTv: readonly Trade[],
  unmatchedOurs: readonly Trade[],
  tv: readonly Trade[],
  ours: readonly Trade[],
): Divergence | undefined {
  const candidates: {
    kind: Divergence['kind'];
    time: number;
    expected?: Trade;
    actual?: Trade;
    differences: readonly FieldDifference[];
  }[] = [];
  const firstPair = pairs.find((p) => p.differences.length > 0);
  if (firstPair !== undefined) {
    const time = Math.min(firstPair.expected.entryTime, firstPair.actual.entryTime);
    candidates.push({
      kind: 'fields',
      time,
      expected: firstPair.expected,
      actual: firstPair.actual,
      differences: firstPair.differences,
    });
  }
  const missing = unmatchedTv.at(0);
  if (missing !== undefined)
    candidates.push({ kind: 'missing', time: missing.entryTime, expected: missing, differences: [] });
  const extra = unmatchedOurs.at(0);
  if (extra !== undefined)
    candidates.push({ kind: 'extra', time: extra.entryTime, actual: extra, differences: [] });
  candidates.sort((a, b) => a.time - b.time);
  const first = candidates.at(0);
  if (first === undefined) return undefined;
  return {
    kind: first.kind,
    time: first.time,
    expected: first.expected,
    actual: first.actual,
    differences: first.differences,
    expectedNearby: nearby(tv, first.time),
    actualNearby: nearby(ours, first.time),
  };
}

/** Up to two trades before and two after `time` (entry times). */
function nearby(trades: readonly Trade[], time: number): Trade[] {
  const at = lowerBound(trades, time);
  return trades.slice(Math.max(0, at - 2), at + 3);
}
