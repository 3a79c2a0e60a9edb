/**
 * Time conventions. A year is the Julian year of 365.25 days, so calendar spans convert to
 * years the same way whatever the market's session calendar.
 */

/** Milliseconds in a Julian year (365.25 days). */
export const MS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

/**
 * Bars per year inferred from bar times (UNIX milliseconds, ascending):
 * `(n − 1) / ((t_last − t_first) / MS_PER_YEAR)`. This is the observed bar rate, so weekends,
 * sessions and holidays are accounted for: a 24/7 15-minute feed gives ≈ 35,064, daily stock bars
 * ≈ 252. NaN with fewer than two bars or a non-positive span.
 */
export function inferBarsPerYear(times: ArrayLike<number>): number {
  const n = times.length;
  if (n < 2) return NaN;
  const span = times[n - 1] - times[0];
  if (!(span > 0)) return NaN;
  return (n - 1) / (span / MS_PER_YEAR);
}

/**
 * Years covered by a series of `n` bars: from the bar times when given (first to last bar time),
 * otherwise `(n − 1) / barsPerYear`. NaN when neither is available.
 */
export function yearsCovered(
  n: number,
  times: ArrayLike<number> | undefined,
  barsPerYear: number | undefined,
): number {
  if (times !== undefined && times.length >= 2) return (times[times.length - 1] - times[0]) / MS_PER_YEAR;
  if (barsPerYear !== undefined && barsPerYear > 0 && n >= 2) return (n - 1) / barsPerYear;
  return NaN;
}
