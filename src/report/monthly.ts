/** Calendar-month and calendar-year returns of an equity curve, for the heatmap. */

/** Return of one UTC calendar month, in percent. */
export interface MonthReturn {
  readonly year: number;
  /** 0 = January. */
  readonly month: number;
  readonly returnPercent: number;
}

/** Return of one UTC calendar year (compounded over its months), in percent. */
export interface YearReturn {
  readonly year: number;
  readonly returnPercent: number;
}

/** Every month from the curve's first to its last, and every year they span. */
export interface PeriodReturns {
  readonly months: readonly MonthReturn[];
  readonly years: readonly YearReturn[];
}

const monthIndex = (ms: number): number => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * Monthly returns of an equity curve: a month's return is its closing equity (the last point in the
 * month; the previous close if the month has no point) over the previous month's closing equity,
 * minus 1; the first month is measured from the curve's first point. A year's return compounds
 * its months: its closing equity over the previous year's (or the first point). Points with a
 * non-finite time or equity are skipped; an empty curve gives no periods.
 */
export function periodReturns(time: ArrayLike<number>, equity: ArrayLike<number>): PeriodReturns {
  const n = Math.min(time.length, equity.length);
  let start = Number.NaN;
  let firstMonth = 0;
  let lastMonth = -1;
  const closeByMonth = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i]) || !Number.isFinite(equity[i])) continue;
    const m = monthIndex(time[i]);
    if (Number.isNaN(start)) {
      start = equity[i];
      firstMonth = m;
    }
    lastMonth = Math.max(lastMonth, m);
    closeByMonth.set(m, equity[i]);
  }
  const months: MonthReturn[] = [];
  const years: YearReturn[] = [];
  let previousClose = start;
  let yearOpen = start;
  for (let m = firstMonth; m <= lastMonth; m++) {
    const close = closeByMonth.get(m) ?? previousClose;
    const year = Math.floor(m / 12);
    months.push({ year, month: m % 12, returnPercent: (close / previousClose - 1) * 100 });
    if (m % 12 === 11 || m === lastMonth) {
      years.push({ year, returnPercent: (close / yearOpen - 1) * 100 });
      yearOpen = close;
    }
    previousClose = close;
  }
  return { months, years };
}

/** Drawdown from the running peak at each point, in percent (≤ 0). */
export function drawdownPercent(equity: ArrayLike<number>): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i];
    if (e > peak) peak = e;
    out[i] = peak > 0 && Number.isFinite(e) ? (e / peak - 1) * 100 : Number.NaN;
  }
  return out;
}
