import type { SeriesStatistic } from './bootstrap.js';

/**
 * Sharpe ratio of a return series, `mean / std(ddof = 1)·√periodsPerYear` (per period with the
 * default 1). NaN for a constant series.
 */
export function sharpeStatistic(periodsPerYear = 1): SeriesStatistic {
  const scale = Math.sqrt(periodsPerYear);
  return (r) => {
    const n = r.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r[i];
    const m = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (r[i] - m) * (r[i] - m);
    const sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? (m / sd) * scale : NaN;
  };
}

/**
 * Profit factor of a series of returns or trade PnLs: `Σ positive / |Σ negative|`; Infinity with no
 * negative value and some positive one, NaN with neither.
 */
export const profitFactorStatistic: SeriesStatistic = (x) => {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v > 0) gains += v;
    else losses -= v;
  }
  if (losses === 0) return gains > 0 ? Infinity : NaN;
  return gains / losses;
};

/**
 * Maximum drawdown (fraction of the running peak) of the equity compounded from simple returns,
 * `E_0 = 1, E_t = E_{t−1}·(1 + r_t)`, the starting equity included as the first peak.
 */
export const maxDrawdownStatistic: SeriesStatistic = (r) => {
  let equity = 1;
  let peak = 1;
  let worst = 0;
  for (let i = 0; i < r.length; i++) {
    equity *= 1 + r[i];
    if (equity > peak) peak = equity;
    const dd = 1 - equity / peak;
    if (dd > worst) worst = dd;
  }
  return worst;
};
