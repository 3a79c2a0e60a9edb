import { computeMetrics } from '../../src/metrics/index.js';
import type { BarFeed } from '../../src/optimize/shared-feed.js';
import { performanceToMetrics } from '../../src/optimize/metrics-adapter.js';
import type { BarRange, ParamValues, TrialMetrics } from '../../src/optimize/types.js';

/** Commission per side as a fraction of the traded value (0.05 %). */
const COMMISSION = 0.0005;
/** Bars per day on the 15-minute feed, for the daily return series DSR and PBO use. */
const BARS_PER_DAY = 96;

/**
 * A plain two-moving-average cross, long-only, as the benchmark's trial: SMA(fast) crossing above
 * SMA(slow) at a bar's close buys at that close; crossing below sells. Fully invested, 0.05 %
 * commission per side. Bars before `range.from` only warm the averages; equity is measured on
 * `[from, to)`. Per bar it allocates nothing (running sums over the close column); per trial it
 * builds the equity curve and the metrics.
 */
export function maCrossBacktest(feed: BarFeed, params: ParamValues, range?: BarRange): TrialMetrics {
  const fast = params.fast as number;
  const slow = params.slow as number;
  const close = feed.close;
  const start = range?.warmupFrom ?? 0;
  const from = range?.from ?? 0;
  const to = range?.to ?? feed.length;
  const equity = new Float64Array(to - from);
  const tradePnls: number[] = [];
  let sumFast = 0;
  let sumSlow = 0;
  let cash = 1;
  let units = 0;
  let entryValue = 0;
  let prevDiff = NaN;
  for (let i = start; i < to; i++) {
    const c = close[i];
    sumFast += c;
    sumSlow += c;
    if (i - start >= fast) sumFast -= close[i - fast];
    if (i - start >= slow) sumSlow -= close[i - slow];
    const ready = i - start + 1 >= slow && i - start + 1 >= fast;
    const diff = ready ? sumFast / fast - sumSlow / slow : NaN;
    if (i >= from) {
      if (diff > 0 && !(prevDiff > 0) && units === 0 && !Number.isNaN(prevDiff)) {
        entryValue = cash;
        units = (cash * (1 - COMMISSION)) / c;
        cash = 0;
      } else if (diff < 0 && units > 0) {
        cash = units * c * (1 - COMMISSION);
        tradePnls.push(cash - entryValue);
        units = 0;
      }
      equity[i - from] = cash + units * c;
    }
    prevDiff = diff;
  }
  const times = feed.time.subarray(from, to);
  const performance = computeMetrics({ equity, times, tradePnls });
  const returns: number[] = [];
  for (let d = BARS_PER_DAY; d < equity.length; d += BARS_PER_DAY)
    returns.push(equity[d] / equity[d - BARS_PER_DAY] - 1);
  return { metrics: performanceToMetrics(performance), returns, equity };
}
