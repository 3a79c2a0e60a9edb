import { normalCdf, normalQuantile } from '../../robust/index.js';
import type { Xoshiro128 } from '../../robust/index.js';

/**
 * One dimension of a Parzen estimator in its transformed space: a numeric interval (log already
 * applied; `step` undefined = continuous) or a categorical index in `0…choices − 1`.
 */
export type ParzenDimension =
  | {
      readonly kind: 'numeric';
      readonly low: number;
      readonly high: number;
      readonly step: number | undefined;
    }
  | { readonly kind: 'categorical'; readonly choices: number };

/** Optuna's `_ParzenEstimatorParameters` with its TPESampler defaults. */
export interface ParzenOptions {
  readonly multivariate: boolean;
  /** Weight of the prior kernel (Optuna default 1). */
  readonly priorWeight: number;
  /** Clip bandwidths below at range / min(100, 1 + kernels) (Optuna's "magic clip", default on). */
  readonly magicClip: boolean;
  /** Use the interval ends as neighbours of the extreme kernels (Optuna default off). */
  readonly endpoints: boolean;
}

const EPS = 1e-12;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Optuna's default observation weights: all 1 up to 25 observations, then a linear ramp from 1/n
 * to 1 over the oldest n − 25 and 1 for the newest 25 (observations in trial order, oldest first).
 */
export function defaultWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const out: number[] = [];
  for (let i = 0; i < ramp; i++) out.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  for (let i = 0; i < 25; i++) out.push(1);
  return out;
}

/** Optuna's default γ(n) = min(⌈0.1·n⌉, 25): how many of n trials form the "good" set. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

function logSumExp(values: Float64Array | number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

/** log(Φ(b) − Φ(a)) for a < b, computed on the side of the axis where it keeps precision. */
function logNormalMass(a: number, b: number): number {
  const mass = a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  return Math.log(Math.max(mass, EPS * 1e-300));
}

/** A draw from N(0, 1) truncated to [a, b] by inverting the CDF, mirrored so the tail stays precise. */
function truncatedStandardNormal(a: number, b: number, rng: Xoshiro128): number {
  if (a > 0) return -truncatedStandardNormal(-b, -a, rng);
  const lo = normalCdf(a);
  const hi = normalCdf(b);
  const x = normalQuantile(lo + rng.nextFloat() * (hi - lo));
  return Math.min(b, Math.max(a, Number.isNaN(x) ? a : x));
}

/**
 * A Parzen estimator as Optuna builds it (samplers/_tpe/parzen_estimator.py): a mixture with one
 * kernel per observation plus a prior kernel. Numeric kernels are Gaussians truncated to the range
 * (discretised over `[low − step/2, high + step/2]` for stepped dimensions) centred on the
 * observations; the prior sits mid-range with σ = the range. Bandwidths: univariate — the larger
 * distance to the sorted neighbours (prior included), endpoints excluded at the ends; multivariate
 * — 0.2·n^(−1/(d+4))·range for every kernel (Scott's rule); both clipped to
 * [range / min(100, 1 + kernels), range]. Categorical kernels put `priorWeight / kernels` on every
 * choice plus 1 on the observed one, normalised. Kernel weights: {@link defaultWeights} and the prior
 * weight, normalised. In the multivariate case one kernel index is drawn per sample for all
 * dimensions, so correlations between parameters are kept.
 */
export class ParzenEstimator {
  private readonly dims: readonly ParzenDimension[];
  private readonly logWeights: Float64Array;
  private readonly cumulative: Float64Array;
  /** Per dimension, per kernel: mean (numeric) or choice probabilities (categorical). */
  private readonly mus: Float64Array[];
  private readonly sigmas: Float64Array[];
  private readonly logZ: Float64Array[];
  private readonly probs: Float64Array[][];
  /** Per-kernel log terms of one {@link logPdf} call, reused so scoring candidates allocates nothing. */
  private readonly perKernel: Float64Array;
  readonly kernels: number;

  /** `observations[i][d]`: observation i (oldest first) in dimension d, transformed space. */
  constructor(
    observations: readonly (readonly number[])[],
    dims: readonly ParzenDimension[],
    options: ParzenOptions,
    weights: readonly number[] = defaultWeights(observations.length),
  ) {
    this.dims = dims;
    const n = observations.length;
    const raw = n === 0 ? [1] : [...weights.slice(0, n), options.priorWeight];
    const total = raw.reduce((a, b) => a + b, 0);
    this.kernels = raw.length;
    this.perKernel = new Float64Array(raw.length);
    this.logWeights = Float64Array.from(raw, (w) => Math.log(w / total));
    this.cumulative = new Float64Array(raw.length);
    let acc = 0;
    raw.forEach((w, k) => {
      acc += w / total;
      this.cumulative[k] = acc;
    });
    this.mus = [];
    this.sigmas = [];
    this.logZ = [];
    this.probs = [];
    dims.forEach((dim, d) => {
      const column = observations.map((o) => o[d]);
      if (dim.kind === 'categorical') {
        this.probs.push(categoricalKernels(column, dim.choices, options.priorWeight));
        this.mus.push(new Float64Array(0));
        this.sigmas.push(new Float64Array(0));
        this.logZ.push(new Float64Array(0));
        return;
      }
      const { mus, sigmas } = numericKernels(column, dim, dims.length, options);
      const half = (dim.step ?? 0) / 2;
      this.mus.push(mus);
      this.sigmas.push(sigmas);
      this.logZ.push(
        Float64Array.from(mus, (mu, k) =>
          logNormalMass((dim.low - half - mu) / sigmas[k], (dim.high + half - mu) / sigmas[k]),
        ),
      );
      this.probs.push([]);
    });
  }

  /** Draws `size` points (transformed space; stepped dimensions on their grid). */
  sample(rng: Xoshiro128, size: number): number[][] {
    const out: number[][] = [];
    for (let s = 0; s < size; s++) {
      const u = rng.nextFloat();
      let k = 0;
      while (k < this.kernels - 1 && u >= this.cumulative[k]) k++;
      out.push(this.dims.map((dim, d) => this.sampleDimension(dim, d, k, rng)));
    }
    return out;
  }

  private sampleDimension(dim: ParzenDimension, d: number, k: number, rng: Xoshiro128): number {
    if (dim.kind === 'categorical') {
      const p = this.probs[d][k];
      const u = rng.nextFloat();
      let acc = 0;
      for (let c = 0; c < dim.choices; c++) {
        acc += p[c];
        if (u < acc) return c;
      }
      return dim.choices - 1;
    }
    const mu = this.mus[d][k];
    const sigma = this.sigmas[d][k];
    const half = (dim.step ?? 0) / 2;
    const z = truncatedStandardNormal((dim.low - half - mu) / sigma, (dim.high + half - mu) / sigma, rng);
    const x = mu + sigma * z;
    if (dim.step === undefined) return Math.min(dim.high, Math.max(dim.low, x));
    const snapped = dim.low + Math.round((x - dim.low) / dim.step) * dim.step;
    return Math.min(dim.high, Math.max(dim.low, snapped));
  }

  /** Log density (log probability mass on stepped/categorical dimensions) of a point. */
  logPdf(x: readonly number[]): number {
    const perKernel = this.perKernel;
    for (let k = 0; k < this.kernels; k++) {
      let lp = this.logWeights[k];
      for (let d = 0; d < this.dims.length; d++) lp += this.logKernel(this.dims[d], d, k, x[d]);
      perKernel[k] = lp;
    }
    return logSumExp(perKernel);
  }

  private logKernel(dim: ParzenDimension, d: number, k: number, v: number): number {
    if (dim.kind === 'categorical') return Math.log(this.probs[d][k][v]);
    const mu = this.mus[d][k];
    const sigma = this.sigmas[d][k];
    if (dim.step === undefined) {
      const z = (v - mu) / sigma;
      return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - this.logZ[d][k];
    }
    const half = dim.step / 2;
    return logNormalMass((v - half - mu) / sigma, (v + half - mu) / sigma) - this.logZ[d][k];
  }
}

function categoricalKernels(column: readonly number[], choices: number, priorWeight: number): Float64Array[] {
  const kernels = column.length + 1;
  const out: Float64Array[] = [];
  for (let k = 0; k < kernels; k++) {
    const row = new Float64Array(choices).fill(priorWeight / kernels);
    if (k < column.length) row[column[k]] += 1;
    let sum = 0;
    for (const p of row) sum += p;
    for (let c = 0; c < choices; c++) row[c] /= sum;
    out.push(row);
  }
  return out;
}

function numericKernels(
  column: readonly number[],
  dim: { readonly low: number; readonly high: number; readonly step: number | undefined },
  dimensions: number,
  options: ParzenOptions,
): { mus: Float64Array; sigmas: Float64Array } {
  const n = column.length;
  const step = dim.step ?? 0;
  const range = dim.high - dim.low + step;
  const priorMu = 0.5 * (dim.low + dim.high);
  const sigmas = new Float64Array(n);
  if (options.multivariate) {
    sigmas.fill(0.2 * Math.max(n, 1) ** (-1 / (dimensions + 4)) * range);
  } else {
    // Sort the observations with the prior mean, fence them with the (half-step widened) ends,
    // and take the larger gap to a neighbour.
    const withPrior = [...column, priorMu];
    const order = withPrior.map((_, i) => i).sort((a, b) => withPrior[a] - withPrior[b] || a - b);
    const fenced = [dim.low - step / 2, ...order.map((i) => withPrior[i]), dim.high + step / 2];
    const sorted = new Float64Array(withPrior.length);
    for (let j = 0; j < withPrior.length; j++) {
      sorted[j] = Math.max(fenced[j + 1] - fenced[j], fenced[j + 2] - fenced[j + 1]);
    }
    if (!options.endpoints && fenced.length >= 4) {
      sorted[0] = fenced[2] - fenced[1];
      sorted[withPrior.length - 1] = fenced[fenced.length - 2] - fenced[fenced.length - 3];
    }
    order.forEach((original, j) => {
      if (original < n) sigmas[original] = sorted[j];
    });
  }
  const maxSigma = range;
  const minSigma = options.magicClip ? range / Math.min(100, 1 + n + 1) : EPS;
  for (let i = 0; i < n; i++) sigmas[i] = Math.min(maxSigma, Math.max(minSigma, sigmas[i]));
  const mus = Float64Array.from([...column, priorMu]);
  const all = Float64Array.from([...sigmas, range]);
  return { mus, sigmas: all };
}
