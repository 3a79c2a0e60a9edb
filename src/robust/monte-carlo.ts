import type { Diagnostic } from '../diagnostics/index.js';
import { quantileSorted } from '../metrics/sample-stats.js';
import { robustCodes } from '../diagnostics/codes/robust.js';
import { Xoshiro128 } from './prng.js';

/** How {@link tradeMonteCarlo} builds each simulated trade sequence. */
export type TradeResampling = 'shuffle' | 'bootstrap';

/** Options of {@link tradeMonteCarlo}. */
export interface TradeMonteCarloOptions {
  /** `shuffle`: a random permutation of the trades (same final equity, different path); `bootstrap`: n trades drawn with replacement. */
  readonly method: TradeResampling;
  readonly seed: number;
  /** Number of simulated sequences. Default 1000. */
  readonly samples?: number;
  /** Starting equity the PnLs are added to. */
  readonly initialEquity: number;
  /** Probabilities of the reported quantiles. Default 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99. */
  readonly quantiles?: readonly number[];
}

/** A simulated distribution reduced to its mean and type-7 quantiles. */
export interface DistributionSummary {
  readonly mean: number;
  readonly quantiles: readonly { readonly p: number; readonly value: number }[];
  /** All simulated values, ascending. */
  readonly sorted: Float64Array;
}

/** Result of {@link tradeMonteCarlo}. */
export interface TradeMonteCarloResult {
  readonly method: TradeResampling;
  readonly samples: number;
  /** Max drawdown as a fraction of the running peak equity. */
  readonly maxDrawdown: DistributionSummary;
  /** Max drawdown in currency (peak − trough). */
  readonly maxDrawdownAmount: DistributionSummary;
  readonly finalEquity: DistributionSummary;
  /** Share of sequences ending below the initial equity. */
  readonly probabilityOfLoss: number;
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_QUANTILES: readonly number[] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

function summarise(values: Float64Array, probabilities: readonly number[]): DistributionSummary {
  values.sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return {
    mean: values.length > 0 ? sum / values.length : NaN,
    quantiles: probabilities.map((p) => ({ p, value: quantileSorted(values, p) })),
    sorted: values,
  };
}

/**
 * Monte Carlo resampling of closed-trade PnLs. Each simulated sequence starts from
 * `initialEquity`, adds the trades in the simulated order and records the maximum drawdown (from
 * the running peak, the initial equity counting as the first peak) and the final equity.
 * `shuffle` permutes the trades (Fisher–Yates), so only the path, hence the drawdown, varies;
 * `bootstrap` draws n trades with replacement, so the final equity varies too. Deterministic for a
 * seed (xoshiro128**). Trades are treated as independent: serial correlation is not preserved.
 */
export function tradeMonteCarlo(
  pnls: ArrayLike<number>,
  options: TradeMonteCarloOptions,
): TradeMonteCarloResult {
  const samples = options.samples ?? 1000;
  const probabilities = options.quantiles ?? DEFAULT_QUANTILES;
  const n = pnls.length;
  const diagnostics: Diagnostic[] = [];
  let bad = false;
  for (let i = 0; i < n; i++) if (!Number.isFinite(pnls[i])) bad = true;
  if (n === 0 || bad || !(samples >= 1) || !Number.isFinite(options.initialEquity)) {
    diagnostics.push({
      code: robustCodes.invalidMonteCarlo.code,
      severity: robustCodes.invalidMonteCarlo.severity,
      message: `trade Monte Carlo needs ≥ 1 finite trade PnL, ≥ 1 sample and a finite initial equity (got ${n} trades, samples = ${samples}, initial equity = ${options.initialEquity})`,
    });
  }
  const count = diagnostics.length > 0 ? 0 : samples;
  const rng = new Xoshiro128(options.seed);
  const order = Float64Array.from(pnls);
  const drawdown = new Float64Array(count);
  const drawdownAmount = new Float64Array(count);
  const finals = new Float64Array(count);
  let losses = 0;
  for (let s = 0; s < count; s++) {
    let equity = options.initialEquity;
    let peak = equity;
    let worst = 0;
    let worstAmount = 0;
    for (let i = 0; i < n; i++) {
      let pnl: number;
      if (options.method === 'shuffle') {
        // Inside-out step of Fisher–Yates: swap a uniform pick of the remaining trades into place i.
        const j = i + rng.nextInt(n - i);
        pnl = order[j];
        order[j] = order[i];
        order[i] = pnl;
      } else {
        pnl = pnls[rng.nextInt(n)];
      }
      equity += pnl;
      if (equity > peak) peak = equity;
      const amount = peak - equity;
      if (amount > worstAmount) worstAmount = amount;
      const fraction = peak > 0 ? amount / peak : NaN;
      if (fraction > worst) worst = fraction;
    }
    drawdown[s] = worst;
    drawdownAmount[s] = worstAmount;
    finals[s] = equity;
    if (equity < options.initialEquity) losses++;
  }
  return {
    method: options.method,
    samples: count,
    maxDrawdown: summarise(drawdown, probabilities),
    maxDrawdownAmount: summarise(drawdownAmount, probabilities),
    finalEquity: summarise(finals, probabilities),
    probabilityOfLoss: count > 0 ? losses / count : NaN,
    diagnostics,
  };
}
