import type { PlotRecorder } from '../runtime/index.js';
import { csvCell } from '../exports/index.js';

/**
 * The plotted series as CSV: `time` (bar open, UNIX seconds, as TradingView's "Export chart data"),
 * then one column per `plot()` in declaration order, headed by its title (repeated titles are kept,
 * as TradingView does); na is an empty cell. Numbers are written in full (shortest round-trip form).
 */
export function plotsCsv(plots: PlotRecorder, time: Float64Array): string {
  const columns = plots.titles.map((_, id) => plots.values(id));
  const lines = [['time', ...plots.titles].map(csvCell).join(',')];
  for (let bar = 0; bar < time.length; bar++) {
    let line = String(time[bar] / 1000);
    for (const column of columns) {
      const v = column[bar];
      line += Number.isNaN(v) ? ',' : `,${String(v)}`;
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
