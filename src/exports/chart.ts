import { loadOhlcv, type OhlcvLoadOptions, type OhlcvLoadResult } from '../data/ohlcv.js';

/**
 * Reads a TradingView "Export chart data" CSV: `time,open,high,low,close`, then one column per plot
 * named by its title (duplicates kept, `NaN` for na, `Volume` when the Volume study is on). Times are
 * UNIX seconds or ISO-8601 with the chart's offset; date-only daily bars need `timezone`. The plot
 * columns come back as `series.extras` in file order.
 */
export function readChartExport(text: string, options: OhlcvLoadOptions = {}): OhlcvLoadResult {
  return loadOhlcv(text, options);
}
