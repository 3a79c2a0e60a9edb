import { lastFillDifference, plotDifference, type Difference } from './compare.js';
import { snapshotRun, type HealthTarget, type Snapshot } from './snapshot.js';

export interface WarmupOptions {
  /** Bars dropped from the start of the feed, one run each (0 is the full run). */
  readonly offsets?: readonly number[];
  /**
   * Relative tolerance for plotted values: recursive indicators (EMA, RMA) converge towards the
   * full run's value geometrically and never become bit-identical, so "agree" means within this.
   */
  readonly tolerance?: number;
}

/** One start offset compared with the full run at their common bars. */
export interface OffsetResult {
  readonly offset: number;
  /** Bars after the start until every plotted value agrees with the full run (0: from the first bar). */
  readonly plotWarmup: number;
  /** Bars after the start until every fill agrees with the full run. */
  readonly tradeWarmup: number;
  /** False when the runs still disagree on the last bar (plots) or on the last fills (trades). */
  readonly settled: boolean;
  /** The last disagreement (what made the warm-up that long), if any. */
  readonly difference: Difference | undefined;
}

/** One plotted series' warm-up over all offsets. */
export interface SeriesWarmup {
  readonly title: string;
  /** The longest warm-up of this series over the offsets where it settled. */
  readonly warmupBars: number;
  /** False when some offset still disagrees on the last bar. */
  readonly settled: boolean;
}

export interface WarmupResult {
  readonly offsets: readonly OffsetResult[];
  /** Each plotted series on its own: which indicator needs the history. */
  readonly series: readonly SeriesWarmup[];
  /** The longest warm-up over the settled offsets (bars of history the strategy needs). */
  readonly warmupBars: number;
  /** Same, counting plotted values only (indicator warm-up, without the position state). */
  readonly plotWarmupBars: number;
  /** True when every offset settled. */
  readonly settled: boolean;
}

export const DEFAULT_OFFSETS: readonly number[] = [0, 100, 500, 2000];

/**
 * The warm-up dependence test: runs the strategy with the first k bars dropped for each offset k
 * and compares plotted values and fills with the full run at the bars both saw. The last
 * disagreement tells how many bars of history the strategy needs before its results no longer
 * depend on where the data starts: the warm-up a walk-forward window must carry.
 */
export function warmupTest(target: HealthTarget, full: Snapshot, options: WarmupOptions = {}): WarmupResult {
  const tolerance = options.tolerance ?? 1e-6;
  const end = full.to;
  const offsets: OffsetResult[] = [];
  const series = full.plotTitles.map((title) => ({ title, warmupBars: 0, settled: true }));
  for (const offset of options.offsets ?? DEFAULT_OFFSETS) {
    // Too few common bars to say anything: skip rather than report a meaningless warm-up.
    if (offset <= full.from || end - offset < 20) continue;
    const run = snapshotRun(target, offset, end);
    if (run.error !== undefined) {
      offsets.push({
        offset,
        plotWarmup: end - offset,
        tradeWarmup: end - offset,
        settled: false,
        difference: {
          bar: offset,
          kind: 'error',
          series: 'runtime error',
          expected: 'no error',
          actual: run.error,
        },
      });
      continue;
    }
    const plot = plotDifference(full, run, offset, end, { tolerance, last: true });
    series.forEach((s, p) => {
      const d = plotDifference(full, run, offset, end, { tolerance, last: true, plot: p });
      if (!d) return;
      if (d.bar >= end - 1) s.settled = false;
      else s.warmupBars = Math.max(s.warmupBars, d.bar - offset + 1);
    });
    const fill = lastFillDifference(full.trades, run.trades, offset);
    const plotWarmup = plot ? plot.bar - offset + 1 : 0;
    const tradeWarmup = fill ? fill.difference.bar - offset + 1 : 0;
    const plotSettled = !plot || plot.bar < end - 1;
    const settled = plotSettled && (!fill || fill.tailMatched);
    const later =
      plot && fill ? (fill.difference.bar > plot.bar ? fill.difference : plot) : (plot ?? fill?.difference);
    offsets.push({ offset, plotWarmup, tradeWarmup, settled, difference: later });
  }
  const settledOnes = offsets.filter((o) => o.settled);
  return {
    offsets,
    series,
    warmupBars: Math.max(0, ...settledOnes.map((o) => Math.max(o.plotWarmup, o.tradeWarmup))),
    plotWarmupBars: Math.max(0, ...settledOnes.map((o) => o.plotWarmup)),
    settled: offsets.every((o) => o.settled),
  };
}
