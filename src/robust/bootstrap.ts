import type { Diagnostic } from '../diagnostics/index.js';
import { quantileSorted, standardDeviation } from '../metrics/sample-stats.js';
import { optimalBlockLength } from './block-length.js';
import { robustCodes } from '../diagnostics/codes/robust.js';
import { Xoshiro128 } from './prng.js';

/**
 * A statistic of a series. It receives a scratch buffer that the bootstrap overwrites for the next
 * sample, so it must not keep a reference to it.
 */
export type SeriesStatistic = (sample: Float64Array) => number;

/** Options of {@link stationaryBootstrap}. */
export interface BootstrapOptions {
  /** Number of bootstrap samples. Default 2000. */
  readonly samples?: number;
  /** Mean block length b (blocks are geometric with p = 1/b). Default: Politis–White automatic. */
  readonly blockLength?: number;
  /** Seed of the xoshiro128** generator; the same seed gives the same result. */
  readonly seed: number;
  /** Two-sided confidence level of the percentile interval. Default 0.95. */
  readonly confidence?: number;
}

/** Result of {@link stationaryBootstrap}. */
export interface BootstrapResult {
  /** The statistic on the original series. */
  readonly estimate: number;
  /** Percentile interval bounds: the (1 − c)/2 and (1 + c)/2 type-7 quantiles of the samples. */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  /** Standard deviation (ddof = 1) of the finite bootstrap statistics. */
  readonly standardError: number;
  /** The mean block length used. */
  readonly blockLength: number;
  /** Bootstrap statistics, sorted ascending (NaN values, if any, last). */
  readonly distribution: Float64Array;
  /** How many samples gave a NaN statistic (left out of the interval). */
  readonly failedSamples: number;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Stationary bootstrap (Politis & Romano 1994, "The Stationary Bootstrap", JASA 89(428)) with a
 * percentile confidence interval. Each resample of length n is built from blocks that start at a
 * uniform random index and continue, wrapping circularly, for a geometric number of steps with mean
 * b (at each step the block ends with probability 1/b). b defaults to
 * {@link optimalBlockLength} (Politis–White 2004 with the Patton–Politis–White 2009 correction;
 * 1 for fewer than 4 values).
 * Deterministic for a given seed. Invalid inputs give NaN bounds and a diagnostic.
 */
export function stationaryBootstrap(
  series: ArrayLike<number>,
  statistic: SeriesStatistic,
  options: BootstrapOptions,
): BootstrapResult {
  const n = series.length;
  const samples = options.samples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const data = Float64Array.from(series);
  const estimate = statistic(Float64Array.from(data));
  const diagnostics: Diagnostic[] = [];
  // Below 4 values the automatic rule has no correlogram to read: resample i.i.d. (b = 1).
  const blockLength = options.blockLength ?? (n < 4 ? 1 : optimalBlockLength(data));
  if (n < 2 || !(samples >= 1) || !(confidence > 0 && confidence < 1) || !(blockLength >= 1)) {
    diagnostics.push({
      code: robustCodes.invalidBootstrap.code,
      severity: robustCodes.invalidBootstrap.severity,
      message: `stationary bootstrap needs ≥ 2 values, ≥ 1 sample, 0 < confidence < 1 and a block length ≥ 1 (got n = ${n}, samples = ${samples}, confidence = ${confidence}, block length = ${blockLength})`,
    });
    return {
      estimate,
      lower: NaN,
      upper: NaN,
      confidence,
      standardError: NaN,
      blockLength,
      distribution: new Float64Array(0),
      failedSamples: 0,
      diagnostics,
    };
  }
  const rng = new Xoshiro128(options.seed);
  const endProbability = 1 / blockLength;
  const scratch = new Float64Array(n);
  const stats = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let at = rng.nextInt(n);
    for (let t = 0; t < n; t++) {
      scratch[t] = data[at];
      at = rng.nextFloat() < endProbability ? rng.nextInt(n) : (at + 1) % n;
    }
    stats[s] = statistic(scratch);
  }
  stats.sort();
  let finite = samples;
  while (finite > 0 && Number.isNaN(stats[finite - 1])) finite--;
  const valid = stats.subarray(0, finite);
  const alpha = (1 - confidence) / 2;
  return {
    estimate,
    lower: quantileSorted(valid, alpha),
    upper: quantileSorted(valid, 1 - alpha),
    confidence,
    standardError: standardDeviation(valid, 1),
    blockLength,
    distribution: stats,
    failedSamples: samples - finite,
    diagnostics,
  };
}
