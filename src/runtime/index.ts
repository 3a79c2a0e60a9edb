/**
 * pineport's Pine-semantics runtime: what generated TypeScript imports. Never imports the compiler.
 * See ./README.md for the codegen contract.
 */

// Bar feed, context and bar loop
export type { FeedColumns } from './core/feed.js';
export { Feed } from './core/feed.js';
export { parseOhlcvCsv, splitCsvLine } from './core/feed-csv.js';
export type { ChartTimeframe, ContextOptions } from './core/context.js';
export { PineContext, inferTimeframe } from './core/context.js';
export type { BarHooks, PineScript } from './core/run.js';
export { runBars } from './core/run.js';
export type { Resampled } from './core/security.js';
export { Security, resampleFeed } from './core/security.js';
export { BarState } from './core/barstate.js';
export { BarClock } from './core/clock.js';
export { PineRuntimeError, runtimeError } from './core/errors.js';
export type { SymbolInfo, SymbolSettings } from './core/symbol.js';
export { decimalsOf, symbolInfo } from './core/symbol.js';

// Series, na, numeric laws
export { BOOL_NA, BoolSeries, FloatSeries, RefSeries, capacityFor } from './core/series.js';
export { Fixnan, NA, isNa, isNaValue, nz } from './core/na.js';
export { both, either } from './core/logic.js';
export { sourceValue } from './core/source.js';
export {
  EPSILON,
  div,
  divConstIntV5,
  eq,
  ge,
  gt,
  le,
  lt,
  mod,
  ne,
  roundHalfAway,
  roundToMintick,
  toInt,
} from './core/numeric.js';

// Time
export { Zone, ZoneResolver, resolveZone } from './core/time/zone.js';
export { Session, SessionResolver } from './core/time/session.js';
export type { Timeframe, TimeframeFlags, TimeframeUnit } from './core/time/timeframe.js';
export {
  fromSeconds,
  inSeconds,
  nextPeriodStart,
  parseTimeframe,
  periodStart,
  timeframeFlags,
} from './core/time/timeframe.js';
export { TimeframeChange } from './core/time/change.js';
export { timestampParts, timestampString } from './core/time/timestamp.js';
export * as calendar from './core/time/calendar.js';

// Libraries
export * as math from './lib/math.js';
export { MathSum, PineRandom } from './lib/math.js';
export * as str from './lib/str.js';
export { formatTime } from './lib/format-time.js';
export type { NumArray, SortOrder } from './lib/array.js';
export {
  PineArray,
  arrayAbs,
  arrayAvg,
  arrayCovariance,
  arrayMax,
  arrayMedian,
  arrayMin,
  arrayMode,
  arrayPercentileLinear,
  arrayPercentileNearestRank,
  arrayPercentrank,
  arrayRange,
  arrayStandardize,
  arrayStdev,
  arraySum,
  arrayVariance,
} from './lib/array.js';
export { PineMap } from './lib/map.js';
export type { NumMatrix } from './lib/matrix.js';
export { matrixEigenvalues } from './lib/matrix-eigen.js';
export {
  matrixIsAntidiagonal,
  matrixIsAntisymmetric,
  matrixIsBinary,
  matrixIsDiagonal,
  matrixIsIdentity,
  matrixIsStochastic,
  matrixIsSymmetric,
  matrixIsTriangular,
  matrixIsZero,
  matrixKron,
  matrixMedian,
  matrixMode,
  matrixPinv,
  matrixSort,
} from './lib/matrix-ops.js';
export {
  PineMatrix,
  matrixAvg,
  matrixDet,
  matrixDiff,
  matrixInv,
  matrixMax,
  matrixMin,
  matrixMult,
  matrixPow,
  matrixRank,
  matrixSum,
  matrixTrace,
} from './lib/matrix.js';
export * as color from './lib/color.js';
export type { DrawingKind, RuntimeEvent } from './lib/plot.js';
export { DrawingCounter, EventLog, PlotRecorder } from './lib/plot.js';

// Technical analysis (per-call-site classes, written in ./ta)
export * as ta from './ta/index.js';

// The strategy adapter (broker emulator) the generated `strategy.*` calls target.
export type {
  Direction,
  PerformanceSummary,
  ResolvedSettings,
  StrategyResults,
  StrategySettings,
} from './strategy/index.js';
export {
  PineStrategy,
  computeSummary,
  resolveSettings,
  runStrategyBars,
  tradeListCsv,
  tradeRows,
} from './strategy/index.js';
