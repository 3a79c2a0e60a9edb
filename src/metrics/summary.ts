import { maxDrawdown, maxDrawdownDuration, ulcerIndex } from './drawdown.js';
import { exposure } from './exposure.js';
import { inferBarsPerYear } from './periods.js';
import { cagr, calmarFrom, omegaRatio, sharpeRatio, sortinoRatio, tailRatio, volatility } from './ratios.js';
import { simpleReturns } from './returns.js';
import { expectancy, kellyFraction, profitFactor, sqn, winRate } from './trades.js';

/** What {@link computeMetrics} needs; every part but the equity curve is optional. */
export interface MetricsInput {
  /** Equity per bar (account currency), positive. */
  readonly equity: ArrayLike<number>;
  /** Bar times in UNIX milliseconds, same length as `equity`; used for CAGR and to infer bars per year. */
  readonly times?: ArrayLike<number>;
  /** Bars per year; inferred from `times` when omitted. */
  readonly barsPerYear?: number;
  /** Annual risk-free rate as a fraction; default 0. */
  readonly riskFree?: number;
  /** Delta degrees of freedom for the volatility and Sharpe deviations; default 1. */
  readonly ddof?: number;
  /** Net PnL of each closed trade, for the trade statistics. */
  readonly tradePnls?: ArrayLike<number>;
  /** Position size per bar (0 = flat), for exposure. */
  readonly positionSize?: ArrayLike<number>;
}

/** Every metric of one run. Unavailable values are NaN (e.g. trade statistics without trades). */
export interface PerformanceMetrics {
  readonly barsPerYear: number;
  /** `E_last / E_first − 1`. */
  readonly totalReturn: number;
  readonly cagr: number;
  readonly volatility: number;
  readonly sharpe: number;
  readonly sortino: number;
  readonly calmar: number;
  readonly maxDrawdown: number;
  readonly maxDrawdownAmount: number;
  readonly maxDrawdownDurationBars: number;
  readonly maxDrawdownDurationMs: number;
  readonly ulcerIndex: number;
  readonly omega: number;
  readonly tailRatio: number;
  readonly exposure: number;
  readonly trades: number;
  readonly winRate: number;
  readonly profitFactor: number;
  readonly expectancy: number;
  readonly sqn: number;
  readonly kelly: number;
}

/**
 * All metrics of one run from its bar-by-bar equity (and optionally times, trades and position).
 * Conventions: simple per-bar returns; annualisation by `barsPerYear` (given, or inferred from the
 * bar times as the observed bar rate); 365.25-day years; risk-free converted geometrically per bar;
 * sample deviations (ddof = 1) unless told; drawdowns as fractions of the running peak.
 */
export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const { equity, times } = input;
  const n = equity.length;
  const barsPerYear = input.barsPerYear ?? (times === undefined ? NaN : inferBarsPerYear(times));
  const returns = simpleReturns(equity);
  const annual = { periodsPerYear: barsPerYear, riskFree: input.riskFree ?? 0, ddof: input.ddof ?? 1 };
  const base = times === undefined ? { barsPerYear } : { times };
  const dd = maxDrawdown(equity);
  const duration = maxDrawdownDuration(equity, times);
  const growth = cagr(equity, base);
  const pnls = input.tradePnls ?? [];
  return {
    barsPerYear,
    totalReturn: n >= 2 ? equity[n - 1] / equity[0] - 1 : NaN,
    cagr: growth,
    volatility: volatility(returns, barsPerYear, annual.ddof),
    sharpe: sharpeRatio(returns, annual),
    sortino: sortinoRatio(returns, annual),
    calmar: calmarFrom(growth, dd.fraction),
    maxDrawdown: dd.fraction,
    maxDrawdownAmount: dd.amount,
    maxDrawdownDurationBars: duration.bars,
    maxDrawdownDurationMs: duration.ms,
    ulcerIndex: ulcerIndex(equity),
    omega: omegaRatio(returns),
    tailRatio: tailRatio(returns),
    exposure: input.positionSize === undefined ? NaN : exposure(input.positionSize),
    trades: pnls.length,
    winRate: winRate(pnls),
    profitFactor: profitFactor(pnls),
    expectancy: expectancy(pnls),
    sqn: sqn(pnls),
    kelly: kellyFraction(pnls),
  };
}
