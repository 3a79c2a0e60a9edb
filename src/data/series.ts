/** The columnar bar data every loader produces and the runtime consumes. */

/** An extra column kept by name (a chart export's plot, an unrecognised CSV column). */
export interface NamedSeries {
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * Bars in file order, one Float64Array per column. `time` is the bar's open time in UNIX ms (UTC);
 * `volume` is NaN where the file has none; `na` anywhere is NaN.
 */
export interface OhlcvSeries {
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Other columns in file order; duplicate names are kept (TradingView writes them). */
  readonly extras: readonly NamedSeries[];
  /** The bar spacing in ms: the most common step between consecutive bars; NaN with fewer than 2 bars. */
  readonly timeframeMs: number;
}

/** A place where consecutive bars are further apart than the timeframe. */
export interface Gap {
  /** Index of the first bar after the gap. */
  readonly index: number;
  /** 1-based file line of that bar. */
  readonly line: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** Whole bars that would fit in between. */
  readonly missingBars: number;
}

/** The first extra column called `name` (case-sensitive), or undefined. */
export function extraSeries(series: OhlcvSeries, name: string): Float64Array | undefined {
  return series.extras.find((extra) => extra.name === name)?.values;
}

/** Formats a UNIX ms time as `YYYY-MM-DD HH:mm[:ss] UTC` for messages. */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 23) === '00.000' ? '' : `:${iso.slice(17, 19)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}

/** Formats a duration in ms as `15m`, `4h`, `1d`, `90s`… for messages. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const units: readonly [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
