/**
 * pineport/robust — robustness statistics for backtests and optimisation studies: probabilistic
 * and deflated Sharpe, minimum track record length, PBO by CSCV, stationary-bootstrap confidence
 * intervals, trade Monte Carlo and the parameter-plateau score. Pure functions; every random
 * routine takes a seed (xoshiro128**); invalid input gives NaN plus diagnostics, never a throw.
 */
export { erfc, normalCdf, normalPdf, normalQuantile } from './normal.js';
export {
  deflatedSharpe,
  deflatedSharpeFromTrials,
  EULER_MASCHERONI,
  expectedMaxSharpe,
  minTrackRecordLength,
  probabilisticSharpe,
  sharpeStandardError,
  summariseReturns,
} from './sharpe-inference.js';
export type { DeflationOptions, ReturnsSummary, SharpeInput } from './sharpe-inference.js';
export { pbo, pboFromTrials } from './pbo.js';
export type { PboOptions, PboResult } from './pbo.js';
export { stationaryBootstrap } from './bootstrap.js';
export type { BootstrapOptions, BootstrapResult, SeriesStatistic } from './bootstrap.js';
export { optimalBlockLength } from './block-length.js';
export { maxDrawdownStatistic, profitFactorStatistic, sharpeStatistic } from './statistics.js';
export { tradeMonteCarlo } from './monte-carlo.js';
export type {
  DistributionSummary,
  TradeMonteCarloOptions,
  TradeMonteCarloResult,
  TradeResampling,
} from './monte-carlo.js';
export { plateauScore, plateauScoreFromTrials } from './plateau.js';
export type { Neighbourhood, ParameterGrid, PlateauOptions, PlateauResult, ScoredTrial } from './plateau.js';
export { Xoshiro128 } from './prng.js';
export { binomial } from './combinations.js';
export { robustCodes } from '../diagnostics/codes/robust.js';
