/**
 * Pine's `ta.*` built-ins, exact to TradingView. Each stateful built-in is a class: a generated module
 * creates one instance per call site and calls `update(...)` once per bar with every input passed
 * explicitly (NaN = na). Multi-output built-ins return their first output and expose all outputs as
 * numeric fields. The runtime re-exports this module as `ta`.
 *
 * Performance rule for every class here: fields that hold per-bar doubles are initialised in their
 * declarations (`private sum = 0;`), not only in the constructor. With ES2022 class fields a bare
 * declaration first defines the field as `undefined`, after which V8 stores every double written to it
 * as a fresh heap number — one allocation per bar per field (measured: 3× slower, constant GC).
 */
export { Sma, Ema, Rma, Wma, Vwma, Swma, Alma, Hma } from './moving-averages.js';
export {
  Variance,
  Stdev,
  Dev,
  Cci,
  Median,
  Mode,
  PercentileNearestRank,
  PercentileLinearInterpolation,
  Percentrank,
  Linreg,
  Correlation,
} from './statistics.js';
export { Rci } from './rci.js';
export {
  Highest,
  Lowest,
  Highestbars,
  Lowestbars,
  Range,
  Max,
  Min,
  Pivothigh,
  Pivotlow,
} from './extremes.js';
export { Change, ChangeBool, Mom, Roc, Rsi, Mfi, Cmo, Cog, Tsi, Stoch, Wpr } from './momentum.js';
export { tr, Tr, Atr, Bb, Bbw, Kc, Kcw, Supertrend, Dmi, Macd } from './volatility.js';
export { Sar } from './sar.js';
export { Obv, Accdist, iii, wvad, Nvi, Pvi, Pvt, Wad, Vwap } from './volume.js';
export { Crossover, Crossunder, Cross, Rising, Falling, Barssince, Valuewhen, Cum } from './events.js';
export { PivotPointLevels, PIVOT_LEVEL } from './pivot-points.js';
