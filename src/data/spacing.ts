import { dataCodes } from '../diagnostics/codes/data.js';
import type { RowPositions } from './ohlcv.js';
import type { FileReporter } from './report.js';
import { lineSpan } from './report.js';
import { formatDuration, formatUtc, type Gap, type OhlcvSeries } from './series.js';

/**
 * Lists every place where consecutive bars are further apart than the timeframe (a warning: markets
 * close, exchanges go down), and warns when there are too few bars to infer a timeframe at all.
 * Out-of-order and duplicate times are errors reported while reading, so they are skipped here.
 */
export function checkSpacing(series: OhlcvSeries, rows: RowPositions, reporter: FileReporter): Gap[] {
  const { time, timeframeMs } = series;
  const gaps: Gap[] = [];
  if (Number.isNaN(timeframeMs)) {
    reporter.report(
      dataCodes.singleBar,
      undefined,
      series.length < 2
        ? `cannot infer the timeframe from ${series.length} bar`
        : `cannot infer the timeframe: no bar follows its predecessor in time`,
      series.length < 2 ? 'load at least two bars' : 'fix the time column (see the errors above)',
    );
    return gaps;
  }
  for (let i = 1; i < time.length; i++) {
    const step = time[i] - time[i - 1];
    if (!(step > timeframeMs)) continue;
    const gap: Gap = {
      index: i,
      line: rows.line[i],
      fromMs: time[i - 1],
      toMs: time[i],
      missingBars: Math.ceil(step / timeframeMs) - 1,
    };
    gaps.push(gap);
    reporter.report(
      dataCodes.gap,
      lineSpan(rows.line[i], rows.lineStart[i], rows.timeStart[i], rows.timeEnd[i]),
      `gap of ${formatDuration(step)} (${gap.missingBars} missing ${formatDuration(timeframeMs)} bar${gap.missingBars === 1 ? '' : 's'}) after ${formatUtc(gap.fromMs)}`,
      'expected for closed sessions; otherwise fetch the missing bars',
    );
  }
  return gaps;
}
