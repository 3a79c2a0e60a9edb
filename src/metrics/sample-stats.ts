/**
 * Descriptive statistics shared by the metrics and the robustness tools. Inputs are any
 * `ArrayLike<number>` (Float64Array or number[]); NaN inputs propagate to NaN outputs, so a
 * failed computation upstream is never silently turned into a number.
 */

/** Arithmetic mean; NaN for an empty input. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/**
 * Variance `Σ(x − x̄)² / (n − ddof)`, computed in two passes for accuracy. `ddof = 1` is the
 * unbiased sample variance, `ddof = 0` the population variance. NaN when `n ≤ ddof`.
 */
export function variance(values: ArrayLike<number>, ddof = 1): number {
  const n = values.length;
  if (n <= ddof) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return ss / (n - ddof);
}

/** Standard deviation, the square root of {@link variance} with the same `ddof`. */
export function standardDeviation(values: ArrayLike<number>, ddof = 1): number {
  return Math.sqrt(variance(values, ddof));
}

/** Shape moments of a sample: population (biased) moment ratios, as scipy's defaults. */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation with ddof = 1. */
  readonly std: number;
  /** `m3 / m2^1.5` with central moments `mk = Σ(x − x̄)^k / n`. */
  readonly skew: number;
  /** Raw (non-excess) kurtosis `m4 / m2²`; a normal sample gives ≈ 3. */
  readonly kurtosis: number;
}

/** Mean, ddof = 1 standard deviation, skewness and raw kurtosis in one pass over central moments. */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  const m = mean(values);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { n, mean: m, std, skew: m3 / Math.pow(m2, 1.5), kurtosis: m4 / (m2 * m2) };
}

/** A sorted Float64Array copy of the input (ascending; NaN sorts last). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  out.sort();
  return out;
}

/**
 * Quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R, NumPy and Excel's PERCENTILE.INC):
 * `h = (n − 1)·p`, `Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`. NaN for an empty sample.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Type-7 quantile of an unsorted sample (sorts a copy). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}
