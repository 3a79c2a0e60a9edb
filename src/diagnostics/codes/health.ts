import { defineCodes } from './define.js';

/**
 * Findings of the strategy health checks (`pineport doctor`, src/health): PP91xx static findings
 * read from the analysis, PP92xx found by running the strategy (look-ahead, warm-up), PP93xx the
 * sanity report.
 */
export const healthCodes = defineCodes({
  // Static findings (PP91xx)
  lookaheadOn: {
    code: 'PP9101',
    severity: 'warning',
    title: 'request.security with lookahead_on reads a value that is not offset (future leak)',
  },
  htfRepaints: {
    code: 'PP9102',
    severity: 'info',
    title: 'higher-timeframe value without [1] repaints on the realtime bar',
  },
  calcOnEveryTick: {
    code: 'PP9103',
    severity: 'warning',
    title: 'calc_on_every_tick: realtime runs differ from the backtest',
  },
  varip: { code: 'PP9104', severity: 'warning', title: 'varip behaves as var on historical bars' },
  realtimeBranch: {
    code: 'PP9105',
    severity: 'warning',
    title: 'barstate.isrealtime / ishistory branch: history never takes the realtime path',
  },
  timenow: { code: 'PP9106', severity: 'warning', title: 'timenow depends on when the script runs' },
  trailingStop: {
    code: 'PP9107',
    severity: 'info',
    title: 'strategy.exit trailing stop is simulated from OHLC on historical bars',
  },
  ordersOnClose: {
    code: 'PP9108',
    severity: 'info',
    title: 'process_orders_on_close fills at the close that produced the signal',
  },
  versionMargin: {
    code: 'PP9110',
    severity: 'info',
    title: 'v5 margin default (0 %) differs from v6 (100 %)',
  },
  versionLogic: {
    code: 'PP9111',
    severity: 'warning',
    title: 'and/or with a stateful call on the right: v5 and v6 evaluate it differently',
  },
  versionDivision: {
    code: 'PP9112',
    severity: 'info',
    title: 'integer division truncates in v4/v5 and not in v6',
  },
  // Dynamic findings (PP92xx)
  lookaheadConfirmed: {
    code: 'PP9201',
    severity: 'error',
    title: 'look-ahead: results before a cut change when later bars are removed',
  },
  warmupNeverSettles: {
    code: 'PP9202',
    severity: 'warning',
    title: 'results depend on where the data starts and never settle',
  },
  longWarmup: { code: 'PP9203', severity: 'info', title: 'long warm-up needed before results settle' },
  nondeterministic: { code: 'PP9204', severity: 'error', title: 'two identical runs differ' },
  checkSkipped: { code: 'PP9205', severity: 'info', title: 'a health check could not run' },
  // Sanity report (PP93xx)
  noTrades: { code: 'PP9301', severity: 'warning', title: 'the strategy made no trades' },
  tradesInWarmup: {
    code: 'PP9302',
    severity: 'warning',
    title: 'trades inside the warm-up, before results are independent of the start',
  },
  ordersRejected: { code: 'PP9303', severity: 'info', title: 'orders rejected for lack of margin' },
  marginCalls: { code: 'PP9304', severity: 'warning', title: 'margin calls' },
  openAtEnd: { code: 'PP9305', severity: 'info', title: 'position still open at the last bar' },
  deadInput: { code: 'PP9306', severity: 'info', title: 'input whose range changes nothing' },
  infinitePlot: { code: 'PP9307', severity: 'warning', title: 'plotted series holds infinite values' },
  emptyPlot: { code: 'PP9308', severity: 'info', title: 'plotted series is na on every bar' },
  runtimeError: { code: 'PP9309', severity: 'error', title: 'the strategy stops with a runtime error' },
});
