import { brokerCodes } from '../diagnostics/codes/broker.js';
import { plotDifference, firstTradeDifference, tradesUpTo } from './compare.js';
import type { Snapshot } from './snapshot.js';

/** What one plotted series holds. */
export interface PlotStats {
  readonly title: string;
  /** Bars with a value (not na). */
  readonly values: number;
  readonly na: number;
  readonly infinite: number;
}

export interface SanityFigures {
  readonly bars: number;
  readonly closedTrades: number;
  readonly openTrades: number;
  /** Share of bars (0..1) with a position open at their close. */
  readonly exposure: number;
  /** Trades entered inside the first `warmupBars` bars of the feed. */
  readonly tradesInWarmup: number;
  readonly warmupBars: number;
  /** Entries the broker rejected for lack of margin (as it reports them). */
  readonly rejectedOrders: number;
  readonly marginCalls: number;
  readonly plots: readonly PlotStats[];
}

/** Trade counts, exposure, warm-up trades, rejections and margin calls, plot contents of one run. */
export function sanityFigures(run: Snapshot, warmupBars: number): SanityFigures {
  const bars = run.to - run.from;
  const held = new Uint8Array(bars);
  for (const t of run.trades) {
    const last = t.exitBar < 0 ? run.to - 1 : t.exitBar - 1;
    for (let b = t.entryBar; b <= last; b++) held[b - run.from] = 1;
  }
  let exposed = 0;
  for (const h of held) exposed += h;
  const plots = run.plots.map((column, i) => {
    let na = 0;
    let infinite = 0;
    for (const v of column) {
      if (Number.isNaN(v)) na++;
      else if (!Number.isFinite(v)) infinite++;
    }
    return { title: run.plotTitles[i], values: column.length - na, na, infinite };
  });
  return {
    bars,
    closedTrades: run.trades.filter((t) => t.exitBar >= 0).length,
    openTrades: run.trades.filter((t) => t.exitBar < 0).length,
    exposure: bars === 0 ? 0 : exposed / bars,
    tradesInWarmup: run.trades.filter((t) => t.entryBar - run.from < warmupBars).length,
    warmupBars,
    rejectedOrders: run.brokerCodes.filter((c) => c === brokerCodes.orderRejectedMargin.code).length,
    marginCalls: run.marginCalls,
    plots,
  };
}

/** True when two runs of the same script on the same bars agree bit for bit (plots and trades). */
export function identicalRuns(a: Snapshot, b: Snapshot): boolean {
  if (a.error !== b.error) return false;
  if (plotDifference(a, b, a.from, a.to, { tolerance: 0 })) return false;
  return firstTradeDifference(tradesUpTo(a.trades, a.to), tradesUpTo(b.trades, b.to), 0) === undefined;
}
