import { moments, variance } from '../metrics/sample-stats.js';
import { normalCdf, normalQuantile } from './normal.js';

/**
 * A return series reduced to what Sharpe-ratio inference needs. `sharpe` is per period (not
 * annualised), `kurtosis` is RAW (a normal distribution has 3, not 0).
 */
export interface ReturnsSummary {
  readonly sharpe: number;
  readonly n: number;
  readonly skew: number;
  readonly kurtosis: number;
}

/** Either the per-period returns themselves or their {@link ReturnsSummary}. */
export type SharpeInput = ArrayLike<number> | ReturnsSummary;

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Summary of per-period returns: Sharpe `mean / std(ddof = 1)` (no risk-free rate: pass excess
 * returns if one applies), skewness `m3 / m2^1.5` and raw kurtosis `m4 / m2²` from population
 * central moments (scipy's `skew` and `kurtosis(fisher=False)`, as in Bailey & López de Prado's code).
 */
export function summariseReturns(returns: ArrayLike<number>): ReturnsSummary {
  const m = moments(returns);
  return { sharpe: m.mean / m.std, n: m.n, skew: m.skew, kurtosis: m.kurtosis };
}

function toSummary(x: SharpeInput): ReturnsSummary {
  return 'sharpe' in x ? x : summariseReturns(x);
}

/** `1 − γ3·SR + (γ4 − 1)/4·SR²`: the non-normality factor of the Sharpe estimator's variance. */
function varianceFactor(s: ReturnsSummary): number {
  return 1 - s.skew * s.sharpe + ((s.kurtosis - 1) / 4) * s.sharpe * s.sharpe;
}

/**
 * Standard error of the per-period Sharpe estimate under non-normal i.i.d. returns (Mertens 2002,
 * as used by Bailey & López de Prado 2012): `σ(SR) = sqrt((1 − γ3·SR + (γ4 − 1)/4·SR²) / (n − 1))`.
 */
export function sharpeStandardError(x: SharpeInput): number {
  const s = toSummary(x);
  const v = varianceFactor(s);
  if (!(v > 0) || !(s.n > 1)) return NaN;
  return Math.sqrt(v / (s.n - 1));
}

/**
 * Probabilistic Sharpe Ratio (Bailey & López de Prado 2012, "The Sharpe Ratio Efficient Frontier",
 * Journal of Risk 15(2), eq. for PSR): the probability that the true Sharpe exceeds a benchmark,
 *
 *   PSR(SR*) = Φ( (SR − SR*)·√(n − 1) / sqrt(1 − γ3·SR + (γ4 − 1)/4·SR²) )
 *
 * with SR the observed per-period Sharpe, n the number of returns, γ3 the skewness and γ4 the raw
 * kurtosis. `benchmarkSharpe` is per period too. NaN when the variance factor is not positive or
 * n < 2. Paper example: SR = 1.585/√12 monthly, n = 24, γ3 = −2.448, γ4 = 10.164 → PSR(0) = 0.913234.
 */
export function probabilisticSharpe(x: SharpeInput, benchmarkSharpe = 0): number {
  const s = toSummary(x);
  const se = sharpeStandardError(s);
  if (Number.isNaN(se)) return NaN;
  return normalCdf((s.sharpe - benchmarkSharpe) / se);
}

/**
 * Expected maximum of `trials` independent Sharpe estimates with mean `meanSharpe` and variance
 * `sharpeVariance` (Bailey, Borwein, López de Prado & Zhu 2014, via the Gumbel approximation):
 *
 *   E[max SR] ≈ μ + σ·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)))
 *
 * with γ the Euler–Mascheroni constant. A single trial has no selection: the result is μ. `trials`
 * may be fractional (an effective number of independent trials). NaN for N < 1 or a negative variance.
 */
export function expectedMaxSharpe(trials: number, sharpeVariance: number, meanSharpe = 0): number {
  if (!(trials >= 1) || !(sharpeVariance >= 0)) return NaN;
  if (trials === 1) return meanSharpe;
  const z =
    (1 - EULER_MASCHERONI) * normalQuantile(1 - 1 / trials) +
    EULER_MASCHERONI * normalQuantile(1 - 1 / (trials * Math.E));
  return meanSharpe + Math.sqrt(sharpeVariance) * z;
}

/** What {@link deflatedSharpe} needs about the search that produced the selected strategy. */
export interface DeflationOptions {
  /** Number of (independent) trials of the study, the selected one included. */
  readonly trials: number;
  /** Variance of the per-period Sharpe ratios across all trials of the study. */
  readonly sharpeVariance: number;
}

/**
 * Deflated Sharpe Ratio (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio: Correcting for
 * Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5)):
 * the PSR against the Sharpe the best of N skill-less trials would show,
 *
 *   DSR = PSR(SR0),   SR0 = sqrt(V[SR_n])·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)))
 *
 * (see {@link expectedMaxSharpe}). All Sharpe quantities per period. Paper example: N = 100,
 * V = 0.5/250 (annual variance 0.5, daily data), SR = 2.5/√250, n = 1250, γ3 = −3, γ4 = 10 →
 * SR0 ≈ 0.1132, DSR ≈ 0.9004.
 */
export function deflatedSharpe(x: SharpeInput, options: DeflationOptions): number {
  const benchmark = expectedMaxSharpe(options.trials, options.sharpeVariance);
  if (Number.isNaN(benchmark)) return NaN;
  return probabilisticSharpe(x, benchmark);
}

/**
 * {@link deflatedSharpe} of the selected strategy from the per-period Sharpe ratios of every trial
 * of the study (the selected one included): N = the number of trials, V = their sample variance
 * (ddof = 1). NaN with fewer than two trials.
 */
export function deflatedSharpeFromTrials(x: SharpeInput, trialSharpes: ArrayLike<number>): number {
  if (trialSharpes.length < 2) return NaN;
  return deflatedSharpe(x, { trials: trialSharpes.length, sharpeVariance: variance(trialSharpes, 1) });
}

/**
 * Minimum Track Record Length (Bailey & López de Prado 2012): the number of returns needed for the
 * observed Sharpe to exceed `benchmarkSharpe` with probability `confidence`,
 *
 *   MinTRL = 1 + (1 − γ3·SR + (γ4 − 1)/4·SR²)·(Φ⁻¹(confidence) / (SR − SR*))²
 *
 * in periods of the returns' frequency (the input's own n is not used). Infinity when SR ≤ SR*
 * (no track record suffices); NaN for a confidence outside (0, 1) or a non-positive variance factor.
 */
export function minTrackRecordLength(x: SharpeInput, benchmarkSharpe: number, confidence: number): number {
  const s = toSummary(x);
  if (!(confidence > 0 && confidence < 1)) return NaN;
  const v = varianceFactor(s);
  if (!(v > 0)) return NaN;
  if (!(s.sharpe > benchmarkSharpe)) return Number.isNaN(s.sharpe) ? NaN : Infinity;
  const z = normalQuantile(confidence) / (s.sharpe - benchmarkSharpe);
  return 1 + v * z * z;
}
