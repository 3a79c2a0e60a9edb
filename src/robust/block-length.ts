import { mean } from '../metrics/sample-stats.js';

/** Flat-top lag window of Politis & Romano (1995): 1 on |t| ≤ ½, falling linearly to 0 at |t| = 1. */
function flatTop(t: number): number {
  const a = Math.abs(t);
  if (a <= 0.5) return 1;
  if (a <= 1) return 2 * (1 - a);
  return 0;
}

/**
 * Automatic block length for the stationary bootstrap: Politis & White (2004), "Automatic
 * block-length selection for the dependent bootstrap", Econometric Reviews 23(1), with the correction
 * of Patton, Politis & White (2009), Econometric Reviews 28(4) (D_SB = 2·ĝ(0)²).
 *
 * 1. Sample autocovariances R̂(k) = Σ (x_t − x̄)(x_{t+k} − x̄) / n and autocorrelations ρ̂(k).
 * 2. m̂ = the smallest m such that |ρ̂(m + j)| < c·sqrt(log10(n) / n) for j = 1…K_n, with c = 2 and
 *    K_n = max(5, ⌈sqrt(log10 n)⌉), searching lags up to m_max = ⌈sqrt n⌉ + K_n (m̂ = m_max when the
 *    correlogram never dies out). M = min(2·m̂, m_max).
 * 3. Ĝ = Σ_{|k|≤M} λ(k/M)·|k|·R̂(k) and ĝ = Σ_{|k|≤M} λ(k/M)·R̂(k) with the flat-top window λ.
 * 4. b = (2·Ĝ² / D_SB)^{1/3}·n^{1/3} with D_SB = 2·ĝ², i.e. b = (Ĝ / ĝ)^{2/3}·n^{1/3}, capped at
 *    min(3·sqrt n, n / 3) and floored at 1.
 *
 * Returns 1 for a series with no measurable dependence (Ĝ = 0, or a constant series) and NaN with
 * fewer than 4 values.
 */
export function optimalBlockLength(series: ArrayLike<number>): number {
  const n = series.length;
  if (n < 4) return NaN;
  const mu = mean(series);
  const kn = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.min(n - 1, Math.ceil(Math.sqrt(n)) + kn);
  const acov = new Float64Array(mMax + 1);
  for (let k = 0; k <= mMax; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (series[t] - mu) * (series[t + k] - mu);
    acov[k] = s / n;
  }
  if (!(acov[0] > 0)) return acov[0] === 0 ? 1 : NaN;
  const threshold = 2 * Math.sqrt(Math.log10(n) / n);
  let mHat = mMax;
  // Scan for the first lag m after which K_n consecutive autocorrelations are insignificant.
  let run = 0;
  for (let k = 1; k <= mMax; k++) {
    if (Math.abs(acov[k] / acov[0]) < threshold) {
      run++;
      if (run === kn) {
        mHat = k - kn;
        break;
      }
    } else run = 0;
  }
  const bigM = Math.min(2 * mHat, mMax);
  let g = acov[0];
  let bigG = 0;
  for (let k = 1; k <= bigM; k++) {
    const w = flatTop(k / bigM);
    g += 2 * w * acov[k];
    bigG += 2 * w * k * acov[k];
  }
  if (bigG === 0 || !(g > 0)) return 1;
  const b = Math.pow(Math.abs(bigG) / g, 2 / 3) * Math.cbrt(n);
  return Math.max(1, Math.min(b, 3 * Math.sqrt(n), n / 3));
}
