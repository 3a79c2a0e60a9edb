import type { Trade } from '../exports/trade.js';

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** P&L in an export is rounded to the cent: a trade's rate is known to ± this over its quote P&L. */
const HALF_CENT = 0.005;

/** Trades whose quote-currency P&L is smaller than this say too little about the rate. */
const MIN_QUOTE_PNL = 1;

/** A day is listed only when at least this many trades, and a majority of its trades, agree. */
const MIN_AGREEING = 3;

/**
 * TradingView converts at the pair's previous daily close (TV-BROKER.md §3.8), a price on the pair's
 * tick: 0.00001 for USDTUSD. Evidence: corpus order-percent-equity-cash-commission-01 sizes each
 * entry with 25 % of equity (less the 1.5 USD commission) over close × rate, floored to 0.0001, so
 * each size bounds the rate it used to an interval ~7e-7 wide; 364 of its 366 intervals hold a
 * multiple of 0.00001 (e.g. 0.99979 in (0.99978938, 0.99979013]; chance alone would put one in ~7 %),
 * where the middle of the P&L intervals (0.9997915) misses them. The P&L agrees: the middles inferred
 * from the 250 exports lie a median 1.9e-7 from a multiple of 0.00001 (2.5e-6 if unrelated). P&L
 * alone cannot always pick the tick: on eight days every trade admits two or more (2025-04-17: 979 of
 * 983 admit both 0.99998 and 0.99999), and the tie-break to the middle takes the wrong one where the
 * sizes of order-percent-equity-cash-commission-01 and pyramid-cash-fractional-commission-01 show it.
 */
export const DEFAULT_RATE_TICK = 0.00001;

/** One day's quote→account conversion rate, as TradingView applied it to the trades exiting that day. */
export interface DailyRate {
  /** The UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly rate: number;
  /** Trades whose cent-rounded P&L admits `rate`. */
  readonly agreeing: number;
  /** Informative trades exiting that day. */
  readonly trades: number;
}

/**
 * Infers the daily quote→account currency rates TradingView applied (e.g. USDT→USD for a USDT pair
 * in a USD account) from List of Trades exports: each closed trade's Net P&L in account currency is
 * its quote-currency P&L, (exit − entry) × qty × direction, times the rate of its exit day, rounded
 * to the cent — so each trade bounds the rate to an interval. Per UTC exit day, the rate is the
 * multiple of `rateTick` (the pair's tick, see DEFAULT_RATE_TICK) that the most intervals admit, the
 * one nearest the middle of the region most intervals share on a tie (trades with commission or other
 * costs disagree and are outvoted); `rateTick` 0 takes that middle itself. Days with fewer than three
 * agreeing trades, or no majority, are left out.
 */
export function inferDailyRates(
  exports: readonly (readonly Trade[])[],
  rateTick: number = DEFAULT_RATE_TICK,
): DailyRate[] {
  const byDay = new Map<number, [number, number][]>();
  for (const trades of exports) {
    for (const t of trades) {
      if (t.open || !Number.isFinite(t.exitTime) || !Number.isFinite(t.profit)) continue;
      const quotePnl = (t.exitPrice - t.entryPrice) * t.qty * (t.direction === 'long' ? 1 : -1);
      if (Math.abs(quotePnl) < MIN_QUOTE_PNL) continue;
      const a = (t.profit - HALF_CENT) / quotePnl;
      const b = (t.profit + HALF_CENT) / quotePnl;
      const day = Math.floor(t.exitTime / DAY_MS);
      let list = byDay.get(day);
      if (list === undefined) byDay.set(day, (list = []));
      list.push([Math.min(a, b), Math.max(a, b)]);
    }
  }
  const out: DailyRate[] = [];
  for (const day of [...byDay.keys()].sort((x, y) => x - y)) {
    const intervals = byDay.get(day) ?? [];
    const region = mostSharedRegion(intervals);
    const best = rateTick > 0 ? onTickRate(intervals, region, rateTick) : region;
    // Too few or split trades: leave the day out (the lookup then uses the day before).
    if (best.count < MIN_AGREEING || best.count * 2 <= intervals.length) continue;
    out.push({
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      rate: (best.from + best.to) / 2,
      agreeing: best.count,
      trades: intervals.length,
    });
  }
  return out;
}

/** The region covered by the most intervals (a sweep over their ends; closed intervals). */
function mostSharedRegion(intervals: readonly [number, number][]): {
  from: number;
  to: number;
  count: number;
} {
  const events: [number, number][] = [];
  for (const [lo, hi] of intervals) events.push([lo, 1], [hi, -1]);
  // At equal positions, openings first: touching intervals share that point.
  events.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let count = 0;
  let best = { from: Number.NaN, to: Number.NaN, count: 0 };
  for (let i = 0; i < events.length; i++) {
    count += events[i][1];
    if (events[i][1] === 1 && count > best.count) {
      best = { from: events[i][0], to: events[i + 1][0], count };
    }
  }
  return best;
}

/**
 * The multiple of `tick` admitted by the most intervals, among those from just below `region` to just
 * above it (a region without a multiple of the tick inside lost a trade to cent-rounding noise), as a
 * zero-width region; ties go to the one nearest the region's middle.
 */
function onTickRate(
  intervals: readonly [number, number][],
  region: { from: number; to: number },
  tick: number,
): { from: number; to: number; count: number } {
  const perUnit = Math.round(1 / tick);
  const middle = (region.from + region.to) / 2;
  let best = { from: Number.NaN, to: Number.NaN, count: 0 };
  let bestDistance = Number.POSITIVE_INFINITY;
  const last = Math.ceil(region.to * perUnit);
  for (let k = Math.floor(region.from * perUnit); k <= last; k++) {
    const rate = k / perUnit;
    let count = 0;
    for (const [lo, hi] of intervals) if (lo <= rate && rate <= hi) count++;
    const distance = Math.abs(rate - middle);
    if (count > best.count || (count === best.count && count > 0 && distance < bestDistance)) {
      best = { from: rate, to: rate, count };
      bestDistance = distance;
    }
  }
  return best;
}

/** Writes daily rates as CSV: `day,rate,agreeing,trades`. */
export function dailyRatesCsv(rates: readonly DailyRate[]): string {
  const lines = ['day,rate,agreeing,trades'];
  for (const r of rates)
    lines.push(`${r.day},${r.rate.toPrecision(10)},${String(r.agreeing)},${String(r.trades)}`);
  return lines.join('\n') + '\n';
}

/** A problem in a rates file, with its line. */
export interface RatesProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * Reads a `day,rate[,…]` CSV into a lookup by UNIX ms: the rate of that UTC day, else of the latest
 * earlier day listed, else of the earliest day (a day TradingView's feed had no trade to show).
 */
export function parseDailyRates(
  text: string,
): { lookup: (timeMs: number) => number; days: number } | { problems: RatesProblem[] } {
  const problems: RatesProblem[] = [];
  const days: number[] = [];
  const rates: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || (i === 0 && /^day\b/i.test(line))) continue;
    const cells = line.split(',');
    const dayText = cells[0];
    const rateText = cells.length > 1 ? cells[1] : '';
    const day = Date.parse(`${dayText}T00:00:00Z`);
    const rate = Number(rateText);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dayText) || Number.isNaN(day)) {
      problems.push({ line: i + 1, message: `"${dayText}" is not a YYYY-MM-DD day` });
    } else if (!(rate > 0) || !Number.isFinite(rate)) {
      problems.push({ line: i + 1, message: `rate "${rateText}" is not a positive number` });
    } else if (days.length > 0 && day <= days[days.length - 1]) {
      problems.push({ line: i + 1, message: `${dayText} is not after the day before it (days must ascend)` });
    } else {
      days.push(day);
      rates.push(rate);
    }
  }
  if (problems.length > 0) return { problems };
  if (days.length === 0) return { problems: [{ line: 1, message: 'no rates in the file' }] };
  const lookup = (timeMs: number): number => {
    // Binary search for the last day ≤ timeMs.
    let lo = 0;
    let hi = days.length - 1;
    if (timeMs < days[0]) return rates[0];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid] <= timeMs) lo = mid;
      else hi = mid - 1;
    }
    return rates[lo];
  };
  return { lookup, days: days.length };
}
