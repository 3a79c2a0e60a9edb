import { Xoshiro128 } from '../robust/prng.js';
import {
  DEFAULT_TOLERANCE,
  plotDifference,
  firstTradeDifference,
  tradesUpTo,
  type Difference,
} from './compare.js';
import { snapshotRun, type HealthTarget, type Snapshot } from './snapshot.js';

export interface LookaheadOptions {
  /** Truncated runs at most (default 50): half at signal bars, the rest at random bars. */
  readonly maxCuts?: number;
  readonly seed?: number;
  readonly tolerance?: number;
}

/** A difference a truncated run showed, with the bar after which the feed was cut. */
export interface CutDifference extends Difference {
  readonly cut: number;
}

export interface LookaheadResult {
  /** Bars after which the feed was cut, ascending. */
  readonly cuts: readonly number[];
  /** Cuts whose run changed something at or before the cut. */
  readonly differingCuts: number;
  /** The earliest difference over all cuts. */
  readonly first: CutDifference | undefined;
}

/** `count` distinct values drawn from `pool` with a seeded generator (all of them when fewer). */
function sample(pool: readonly number[], count: number, rng: Xoshiro128): number[] {
  const items = [...pool];
  const out: number[] = [];
  while (out.length < count && items.length > 0) {
    const i = rng.nextInt(items.length);
    out.push(items[i]);
    items[i] = items[items.length - 1];
    items.pop();
  }
  return out;
}

/**
 * Bars to cut the feed after: the bars where trades were entered or exited and the bar before each
 * (a market order fills on the bar after its signal), then random bars for the plotted series.
 */
export function chooseCuts(full: Snapshot, maxCuts: number, seed: number): number[] {
  const last = full.to - 2; // a cut at the last bar is the full run
  if (last < 1 || maxCuts <= 0) return [];
  const signals = new Set<number>();
  for (const t of full.trades)
    for (const bar of [t.entryBar - 1, t.entryBar, t.exitBar - 1, t.exitBar])
      if (bar >= 1 && bar <= last) signals.add(bar);
  const rng = new Xoshiro128(seed);
  const chosen = new Set(
    sample(
      [...signals].sort((a, b) => a - b),
      Math.ceil(maxCuts / 2),
      rng,
    ),
  );
  // Random bars in 1..last; at most `last` distinct ones exist.
  for (let tries = 0; chosen.size < Math.min(maxCuts, last) && tries < maxCuts * 20; tries++)
    chosen.add(1 + rng.nextInt(last));
  return [...chosen].sort((a, b) => a - b);
}

/** What a truncated run changed at or before its cut, against the full run. */
export function differenceAtCut(
  full: Snapshot,
  cut: Snapshot,
  bar: number,
  tolerance: number,
): Difference | undefined {
  if (cut.error !== undefined && full.error === undefined)
    return { bar, kind: 'error', series: 'runtime error', expected: 'no error', actual: cut.error };
  const plot = plotDifference(full, cut, full.from, bar + 1, { tolerance });
  const trade = firstTradeDifference(tradesUpTo(full.trades, bar), tradesUpTo(cut.trades, bar), tolerance);
  if (plot && trade) return trade.bar < plot.bar ? trade : plot;
  return plot ?? trade;
}

/**
 * The dynamic look-ahead test: runs the strategy on the feed truncated just after each chosen bar
 * and compares everything at or before the cut with the full run. A script that reads only the
 * past computes the same values there whatever follows; any change means the past depended on the
 * future (a `lookahead_on` request, `barstate.islast`, `last_bar_index`, `timenow` …).
 */
export function lookaheadTest(
  target: HealthTarget,
  full: Snapshot,
  options: LookaheadOptions = {},
): LookaheadResult {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const cuts = chooseCuts(full, options.maxCuts ?? 50, options.seed ?? 1);
  let first: CutDifference | undefined;
  let differingCuts = 0;
  for (const bar of cuts) {
    const run = snapshotRun(target, full.from, bar + 1);
    const difference = differenceAtCut(full, run, bar, tolerance);
    if (!difference) continue;
    differingCuts++;
    if (!first || difference.bar < first.bar) first = { ...difference, cut: bar };
  }
  return { cuts, differingCuts, first };
}
