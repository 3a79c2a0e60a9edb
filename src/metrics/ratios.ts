import { maxDrawdown } from './drawdown.js';
import { yearsCovered } from './periods.js';
import { perPeriodRate } from './returns.js';
import { mean, quantile, standardDeviation } from './sample-stats.js';

/** Options shared by the annualised return-based ratios. */
export interface AnnualisationOptions {
  /** Return periods per year used to annualise (e.g. from {@link inferBarsPerYear}). */
  readonly periodsPerYear: number;
  /** Annual risk-free rate as a fraction (0.02 = 2 %); converted geometrically per period. Default 0. */
  readonly riskFree?: number;
  /** Delta degrees of freedom of the standard deviation. Default 1 (sample standard deviation). */
  readonly ddof?: number;
}

function excessReturns(returns: ArrayLike<number>, rfPerPeriod: number): ArrayLike<number> {
  if (rfPerPeriod === 0) return returns;
  const out = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) out[i] = returns[i] - rfPerPeriod;
  return out;
}

/**
 * Compound annual growth rate `(E_last / E_first)^(1 / years) − 1`, with years from the bar times
 * (365.25-day years) or from `(n − 1) / barsPerYear`. NaN without a time base or for non-positive
 * equity.
 */
export function cagr(
  equity: ArrayLike<number>,
  base: { readonly times?: ArrayLike<number>; readonly barsPerYear?: number },
): number {
  const n = equity.length;
  if (n < 2 || !(equity[0] > 0) || !(equity[n - 1] > 0)) return NaN;
  const years = yearsCovered(n, base.times, base.barsPerYear);
  if (!(years > 0)) return NaN;
  return Math.pow(equity[n - 1] / equity[0], 1 / years) - 1;
}

/** Annualised volatility `std(r, ddof) · √periodsPerYear`. */
export function volatility(returns: ArrayLike<number>, periodsPerYear: number, ddof = 1): number {
  return standardDeviation(returns, ddof) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sharpe ratio `mean(r − rf) / std(r − rf, ddof) · √P`, with `rf` the per-period
 * equivalent of the annual risk-free rate. NaN for a constant series (zero deviation) or < 2 returns.
 */
export function sharpeRatio(returns: ArrayLike<number>, options: AnnualisationOptions): number {
  const rf = perPeriodRate(options.riskFree ?? 0, options.periodsPerYear);
  const excess = excessReturns(returns, rf);
  const sd = standardDeviation(excess, options.ddof ?? 1);
  if (!(sd > 0)) return NaN;
  return (mean(excess) / sd) * Math.sqrt(options.periodsPerYear);
}

/**
 * Annualised Sortino ratio `mean(r − rf) / DD · √P` with the target downside deviation
 * `DD = sqrt(Σ min(0, r − rf)² / n)` over all n returns (Sortino & Price 1994; the target is the
 * risk-free rate, so 0 by default). `ddof` does not apply. Infinity when nothing falls below the
 * target and the mean is positive.
 */
export function sortinoRatio(returns: ArrayLike<number>, options: AnnualisationOptions): number {
  const n = returns.length;
  if (n === 0) return NaN;
  const rf = perPeriodRate(options.riskFree ?? 0, options.periodsPerYear);
  let sum = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const x = returns[i] - rf;
    sum += x;
    if (x < 0) ss += x * x;
  }
  const m = sum / n;
  const dd = Math.sqrt(ss / n);
  if (dd === 0) return m > 0 ? Infinity : NaN;
  return (m / dd) * Math.sqrt(options.periodsPerYear);
}

/**
 * Calmar ratio: CAGR over the whole series divided by the maximum drawdown fraction (not the
 * 36-month window of the original definition). Infinity when there is no drawdown and CAGR > 0.
 */
export function calmarRatio(
  equity: ArrayLike<number>,
  base: { readonly times?: ArrayLike<number>; readonly barsPerYear?: number },
): number {
  return calmarFrom(cagr(equity, base), maxDrawdown(equity).fraction);
}

/** Calmar from an already computed CAGR and max drawdown fraction (see {@link calmarRatio}). */
export function calmarFrom(growth: number, drawdownFraction: number): number {
  if (drawdownFraction === 0) return growth > 0 ? Infinity : NaN;
  return growth / drawdownFraction;
}

/**
 * Omega ratio (Keating & Shadwick 2002) at a per-period threshold L (default 0):
 * `Σ max(r − L, 0) / Σ max(L − r, 0)`. Infinity when no return is below L and some is above.
 */
export function omegaRatio(returns: ArrayLike<number>, threshold = 0): number {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const x = returns[i] - threshold;
    if (x > 0) gains += x;
    else losses -= x;
  }
  if (Number.isNaN(gains) || Number.isNaN(losses)) return NaN;
  if (losses === 0) return gains > 0 ? Infinity : NaN;
  return gains / losses;
}

/**
 * Tail ratio `|Q(1 − tail)| / |Q(tail)|` of the returns (type-7 quantiles, tail = 0.05 by default):
 * how far the right tail reaches compared with the left.
 */
export function tailRatio(returns: ArrayLike<number>, tail = 0.05): number {
  const left = Math.abs(quantile(returns, tail));
  const right = Math.abs(quantile(returns, 1 - tail));
  if (left === 0) return right > 0 ? Infinity : NaN;
  return right / left;
}
