/**
 * pineport/report — one self-contained offline HTML page per run: candles with trades, equity,
 * drawdown, TradingView's Performance Summary, monthly returns, list of trades, and the
 * optimisation, walk-forward, robustness, verify and health sections when a run has them.
 */
export { renderReport } from './render.js';
export type {
  BootstrapInterval,
  EquityCurve,
  OptimisationSection,
  OptimisationTrial,
  ReportBars,
  ReportInput,
  ReportMeta,
  ReportParameter,
  RobustnessSection,
  WalkForwardSection,
  WalkForwardWindow,
} from './types.js';
export { loadChartAssets } from './assets.js';
export type { ChartAssets } from './assets.js';
export {
  formatCount,
  formatDate,
  formatDateTime,
  formatFraction,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPrice,
  parseFormatted,
} from './format.js';
export { escapeHtml, jsonForScript } from './escape.js';
export { drawdownPercent, periodReturns } from './monthly.js';
export type { MonthReturn, PeriodReturns, YearReturn } from './monthly.js';
export { bestSoFar, heatmapGrid, parameterImportance } from './study.js';
export type { HeatmapGrid, ParameterImportance } from './study.js';
