/**
 * Drawdowns of an equity curve. The drawdown at bar t is measured from the running peak
 * `P[t] = max(E[0…t])`: as a fraction `1 − E[t] / P[t]` and as an amount `P[t] − E[t]`.
 */

/** The deepest peak-to-trough fall of an equity curve. */
export interface MaxDrawdown {
  /** Largest `1 − E[t] / P[t]`, in [0, 1] for positive equity; 0 for a curve that never falls. */
  readonly fraction: number;
  /** `P − E` at that same bar, in the equity's currency. */
  readonly amount: number;
  /** Bar index of the peak the deepest fall started from (−1 for an empty curve). */
  readonly peakIndex: number;
  /** Bar index of the trough (−1 for an empty curve). */
  readonly troughIndex: number;
}

/**
 * Maximum drawdown by fraction of the running peak (the usual "max drawdown %"); the amount is
 * reported at the same trough. Ties keep the earliest trough.
 */
export function maxDrawdown(equity: ArrayLike<number>): MaxDrawdown {
  const n = equity.length;
  if (n === 0) return { fraction: NaN, amount: NaN, peakIndex: -1, troughIndex: -1 };
  let peak = equity[0];
  let peakAt = 0;
  let best = 0;
  let bestAmount = 0;
  let bestPeak = 0;
  let bestTrough = 0;
  for (let t = 0; t < n; t++) {
    const e = equity[t];
    if (Number.isNaN(e)) return { fraction: NaN, amount: NaN, peakIndex: -1, troughIndex: -1 };
    if (e > peak) {
      peak = e;
      peakAt = t;
    }
    const dd = 1 - e / peak;
    if (dd > best) {
      best = dd;
      bestAmount = peak - e;
      bestPeak = peakAt;
      bestTrough = t;
    }
  }
  return { fraction: best, amount: bestAmount, peakIndex: bestPeak, troughIndex: bestTrough };
}

/** The longest time spent below a previous peak. */
export interface DrawdownDuration {
  /** Bars from the peak to the first bar back at or above it (or to the last bar if never). */
  readonly bars: number;
  /** Same span in milliseconds when bar times were given, else NaN. */
  readonly ms: number;
  readonly peakIndex: number;
  /** Index of the recovery bar, or of the last bar when `recovered` is false. */
  readonly endIndex: number;
  /** False when the curve ended still under water; the duration then runs to the last bar. */
  readonly recovered: boolean;
}

/**
 * Maximum drawdown duration: the longest stretch from a peak bar `p` to the first later bar with
 * `E ≥ E[p]`. A drawdown still open at the end counts up to the last bar. Zero for a curve that
 * never falls below its running peak.
 */
export function maxDrawdownDuration(equity: ArrayLike<number>, times?: ArrayLike<number>): DrawdownDuration {
  const n = equity.length;
  let peak = n > 0 ? equity[0] : NaN;
  let peakAt = 0;
  let best = 0;
  let bestPeak = 0;
  let bestEnd = 0;
  let bestRecovered = true;
  for (let t = 1; t < n; t++) {
    const e = equity[t];
    if (e >= peak) {
      if (t - peakAt > best && t - peakAt > 1) {
        best = t - peakAt;
        bestPeak = peakAt;
        bestEnd = t;
        bestRecovered = true;
      }
      peak = e;
      peakAt = t;
    }
  }
  // A drawdown still open at the last bar.
  if (n > 0 && peakAt < n - 1 && n - 1 - peakAt > best) {
    best = n - 1 - peakAt;
    bestPeak = peakAt;
    bestEnd = n - 1;
    bestRecovered = false;
  }
  const ms =
    times !== undefined && best > 0 ? times[bestEnd] - times[bestPeak] : times !== undefined ? 0 : NaN;
  return { bars: best, ms, peakIndex: bestPeak, endIndex: bestEnd, recovered: bestRecovered };
}

/**
 * Ulcer index (Peter Martin, 1987): the root mean square of the fractional drawdown over all bars,
 * `sqrt(Σ_t (1 − E[t] / P[t])² / n)`. Martin states it in percent; multiply by 100 for that.
 */
export function ulcerIndex(equity: ArrayLike<number>): number {
  const n = equity.length;
  if (n === 0) return NaN;
  let peak = equity[0];
  let ss = 0;
  for (let t = 0; t < n; t++) {
    const e = equity[t];
    if (e > peak) peak = e;
    const dd = 1 - e / peak;
    ss += dd * dd;
  }
  return Math.sqrt(ss / n);
}
