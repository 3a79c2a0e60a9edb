export type {
  CompareOptions,
  ComparisonReport,
  Divergence,
  FieldDifference,
  TradeFieldName,
  TradePair,
} from './compare.js';
export { compareTrades, errorReport, exportWindow } from './compare.js';
export type { ComparisonMetrics, Grade, GradeThresholds } from './grade.js';
export {
  decideGrade,
  EXCELLENT,
  GRADES,
  gradeAtLeast,
  p90,
  STRONG,
  WEAK_COUNT_DELTA,
  WEAK_PAIRED,
} from './grade.js';
export type { ParityCase } from './cases.js';
export { discoverParityCases } from './cases.js';
export type { ChartStartRules } from './chart-start.js';
export { chartStartFor, chartStartRulesSchema } from './chart-start.js';
export type { DailyRate, RatesProblem } from './quote-rates.js';
export { dailyRatesCsv, inferDailyRates, parseDailyRates } from './quote-rates.js';
