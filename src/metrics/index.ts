/**
 * pineport/metrics — performance metrics of a backtest, with stated conventions:
 * simple per-bar returns, annualisation by bars per year (given or inferred from bar times),
 * 365.25-day years, annual risk-free rate converted geometrically per bar, ddof = 1 deviations,
 * drawdowns as fractions of the running peak. Undefined values are NaN, never thrown.
 */
export { computeMetrics } from './summary.js';
export type { MetricsInput, PerformanceMetrics } from './summary.js';
export { cagr, calmarRatio, omegaRatio, sharpeRatio, sortinoRatio, tailRatio, volatility } from './ratios.js';
export type { AnnualisationOptions } from './ratios.js';
export { maxDrawdown, maxDrawdownDuration, ulcerIndex } from './drawdown.js';
export type { DrawdownDuration, MaxDrawdown } from './drawdown.js';
export { expectancy, kellyFraction, profitFactor, sqn, winRate } from './trades.js';
export { exposure, exposureFromSpans } from './exposure.js';
export type { HoldingSpan } from './exposure.js';
export { inferBarsPerYear, MS_PER_YEAR, yearsCovered } from './periods.js';
export { perPeriodRate, simpleReturns } from './returns.js';
export {
  mean,
  moments,
  quantile,
  quantileSorted,
  sortedCopy,
  standardDeviation,
  variance,
} from './sample-stats.js';
export type { Moments } from './sample-stats.js';
