/**
 * Simple per-bar returns of an equity curve: `r[t−1] = E[t] / E[t−1] − 1` for `t = 1…n−1`, so the
 * result has `n − 1` entries. Equity must stay positive: a non-positive previous equity (ruin) gives
 * NaN, which propagates into every ratio computed from the returns.
 */
export function simpleReturns(equity: ArrayLike<number>): Float64Array {
  const n = equity.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let t = 1; t < n; t++) {
    const prev = equity[t - 1];
    out[t - 1] = prev > 0 ? equity[t] / prev - 1 : NaN;
  }
  return out;
}

/**
 * The per-period risk-free return equivalent to an annual rate compounded `periodsPerYear` times:
 * `(1 + annual)^(1 / periodsPerYear) − 1`. Zero for a zero rate.
 */
export function perPeriodRate(annual: number, periodsPerYear: number): number {
  if (annual === 0) return 0;
  return Math.pow(1 + annual, 1 / periodsPerYear) - 1;
}
