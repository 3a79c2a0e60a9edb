import type { Diagnostic } from '../../diagnostics/index.js';
import { optimizeCodes } from '../../diagnostics/codes/optimize.js';

/** A calendar duration: years, months, weeks, days, hours or minutes. */
export interface CalendarDuration {
  readonly amount: number;
  readonly unit: 'Y' | 'M' | 'W' | 'D' | 'h' | 'm';
}

/** A window length: a number of bars or a calendar duration. */
export type WindowLength = { readonly bars: number } | { readonly duration: CalendarDuration };

/** A half-open bar interval `[from, to)`. */
export interface BarSpan {
  readonly from: number;
  readonly to: number;
}

/** One walk-forward step: optimise on `train`, test on `test` after warming up from `warmupFrom`. */
export interface WalkForwardWindow {
  readonly index: number;
  readonly train: BarSpan;
  readonly test: BarSpan;
  /** Where the out-of-sample run starts so indicators carry the in-sample history. */
  readonly warmupFrom: number;
}

/**
 * Parses `6M`, `1M`, `2W`, `30D`, `12h`, `90m`, `1Y` (M = months, m = minutes; D/W/Y also lower
 * case) or a bar count `500`/`500b`/`500bars`. Errors are diagnostics with the accepted forms.
 */
export function parseWindowLength(
  text: string,
  what = 'duration',
): { length?: WindowLength; diagnostics: Diagnostic[] } {
  const m = /^\s*(\d+)\s*(Y|y|M|W|w|D|d|h|m|b|bars)?\s*$/.exec(text);
  if (m === null || Number(m[1]) <= 0) {
    return {
      diagnostics: [
        {
          code: optimizeCodes.invalidDuration.code,
          severity: optimizeCodes.invalidDuration.severity,
          message: `${what} '${text}' is not a positive duration or bar count`,
          hint: 'write e.g. 6M (months), 2W, 30D, 12h, 90m (minutes), 1Y, or 5000 / 5000b (bars)',
        },
      ],
    };
  }
  const amount = Number(m[1]);
  const unit = m[2] as string | undefined;
  if (unit === undefined || unit === 'b' || unit === 'bars')
    return { length: { bars: amount }, diagnostics: [] };
  const normal = unit === 'y' ? 'Y' : unit === 'w' ? 'W' : unit === 'd' ? 'D' : unit;
  return { length: { duration: { amount, unit: normal as CalendarDuration['unit'] } }, diagnostics: [] };
}

/**
 * Adds `k` times a calendar duration to a UTC time. Months and years move the calendar date and
 * clamp the day to the month's end (31 Jan + 1M = 28/29 Feb); the rest are fixed lengths.
 */
export function addDuration(ms: number, d: CalendarDuration, k = 1): number {
  const n = d.amount * k;
  switch (d.unit) {
    case 'm':
      return ms + n * 60_000;
    case 'h':
      return ms + n * 3_600_000;
    case 'D':
      return ms + n * 86_400_000;
    case 'W':
      return ms + n * 7 * 86_400_000;
    case 'M':
    case 'Y': {
      const months = d.unit === 'Y' ? 12 * n : n;
      const t = new Date(ms);
      const y = t.getUTCFullYear();
      const target = t.getUTCMonth() + months;
      const lastDay = new Date(Date.UTC(y, target + 1, 0)).getUTCDate();
      return Date.UTC(
        y,
        target,
        Math.min(t.getUTCDate(), lastDay),
        t.getUTCHours(),
        t.getUTCMinutes(),
        t.getUTCSeconds(),
        t.getUTCMilliseconds(),
      );
    }
  }
}

/** First index with `times[i] >= t` (times ascending); `times.length` if none. */
function lowerBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Options of {@link walkForwardWindows}. */
export interface WindowOptions {
  readonly train: WindowLength;
  readonly test: WindowLength;
  /** Anchored: every training window starts at the first bar. Default rolling. */
  readonly anchored?: boolean;
  /** Warm-up bars before each test window; default all of its training window. */
  readonly warmupBars?: number;
}

/**
 * Walk-forward windows over bars with ascending open times. With L the training length and T the
 * test length, the first test window starts at S = first + L and test windows tile the data:
 * `test_k = [S + k·T, S + (k+1)·T)`; the training window ends where its test starts and begins at
 * `k·T` (rolling) or at the first bar (anchored). Calendar lengths are laid out on the calendar from
 * the first bar's time and mapped to the first bar at or after each boundary; bar lengths count
 * bars. Only complete test windows are kept (ending within the data: by bars, or by the last bar's
 * close time). Train and test must both be bar counts or both calendar durations.
 */
export function walkForwardWindows(
  times: ArrayLike<number>,
  options: WindowOptions,
): { windows: WalkForwardWindow[]; diagnostics: Diagnostic[] } {
  const n = times.length;
  const windows: WalkForwardWindow[] = [];
  const anchored = options.anchored ?? false;
  const { train, test } = options;
  const diagnostics: Diagnostic[] = [];
  const fail = (
    message: string,
    hint: string,
  ): { windows: WalkForwardWindow[]; diagnostics: Diagnostic[] } => {
    diagnostics.push({
      code: optimizeCodes.noWindows.code,
      severity: optimizeCodes.noWindows.severity,
      message,
      hint,
    });
    return { windows, diagnostics };
  };
  if ('bars' in train !== 'bars' in test) {
    return fail(
      '--train and --test mix a bar count with a calendar duration',
      'give both as durations (6M, 1M) or both as bar counts',
    );
  }
  // Boundary k: the start of test window k, as a bar index; `end(k)` says whether it is inside the data.
  let boundary: (k: number) => number;
  let trainStart: (k: number) => number;
  let inside: (k: number) => boolean;
  if ('bars' in train && 'bars' in test) {
    boundary = (k) => train.bars + k * test.bars;
    trainStart = (k) => (anchored ? 0 : k * test.bars);
    inside = (k) => boundary(k) <= n;
  } else if ('duration' in train && 'duration' in test) {
    const origin = n > 0 ? times[0] : 0;
    const first = addDuration(origin, train.duration);
    const dataEnd = n >= 2 ? 2 * times[n - 1] - times[n - 2] : origin;
    boundary = (k) => lowerBound(times, addDuration(first, test.duration, k));
    trainStart = (k) => (anchored ? 0 : lowerBound(times, addDuration(origin, test.duration, k)));
    inside = (k) => addDuration(first, test.duration, k) <= dataEnd;
  } else {
    return fail('invalid window lengths', 'give --train and --test');
  }
  for (let k = 0; inside(k + 1); k++) {
    const trainFrom = trainStart(k);
    const testFrom = boundary(k);
    const testTo = boundary(k + 1);
    if (testTo <= testFrom || testFrom <= trainFrom) continue;
    const warmupFrom =
      options.warmupBars === undefined ? trainFrom : Math.max(0, testFrom - options.warmupBars);
    windows.push({
      index: windows.length,
      train: { from: trainFrom, to: testFrom },
      test: { from: testFrom, to: testTo },
      warmupFrom,
    });
  }
  if (windows.length === 0) {
    return fail(
      `${n} bars are too few for one training plus test window`,
      'shorten --train/--test or load more data',
    );
  }
  return { windows, diagnostics };
}
