// request.security on a higher timeframe: resampling of the chart feed and the lookahead rule.
// Every expected number below is worked by hand from the small feeds built here.
import { describe, expect, it } from 'vitest';
import { Feed, PineContext, Security, parseTimeframe, resampleFeed } from '../../../src/runtime/index.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 1); // Monday 2024-01-01 00:00 UTC

/** `count` 15-minute bars from `start`: close = 1, 2, 3 …; open = close − 0.5; high = close + 1; low = close − 1; volume 10. */
function bars15(count: number, start = T0): Feed {
  return Feed.fromBars(
    Array.from({ length: count }, (_, i) => ({
      time: start + i * 15 * MIN,
      open: i + 0.5,
      high: i + 2,
      low: i,
      close: i + 1,
      volume: 10,
    })),
  );
}

function chart(feed: Feed, timezone = 'Etc/UTC'): PineContext {
  return new PineContext(feed, { timeframe: '15', symbol: { timezone } });
}

/** Runs `value` on every chart bar and collects the results. */
function series(
  ctx: PineContext,
  security: Security,
  lookahead: boolean,
  gaps: boolean,
  evaluate: (h: PineContext) => number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < ctx.feed.length; i++) {
    ctx.setBar(i);
    out.push(security.value(ctx, lookahead, gaps, evaluate));
  }
  return out;
}

describe('resampleFeed', () => {
  // 9 bars 00:00 … 02:00: hours 00 (closes 1–4), 01 (closes 5–8), 02 (close 9, still open).
  it('aggregates OHLCV per hour and marks the bars that close an hour', () => {
    const tf = parseTimeframe('60');
    if (tf === null) throw new Error('unreachable');
    const r = resampleFeed(chart(bars15(9)), tf);
    expect(Array.from(r.feed.time)).toEqual([T0, T0 + 60 * MIN, T0 + 120 * MIN]);
    expect(Array.from(r.feed.open)).toEqual([0.5, 4.5, 8.5]); // first open of each hour
    expect(Array.from(r.feed.high)).toEqual([5, 9, 10]); // max of closes + 1
    expect(Array.from(r.feed.low)).toEqual([0, 4, 8]); // min of closes − 1
    expect(Array.from(r.feed.close)).toEqual([4, 8, 9]); // last close
    expect(Array.from(r.feed.volume)).toEqual([40, 40, 10]); // 4 × 10, 4 × 10, 1 × 10
    expect(Array.from(r.htfIndex)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
    // The 02:00 bar is the feed's last but its hour runs to 03:00: not a confirmed close.
    expect(Array.from(r.closesPeriod)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it('confirms the feed’s last bar when its close reaches the period end', () => {
    const tf = parseTimeframe('60');
    if (tf === null) throw new Error('unreachable');
    // 8 bars: the last opens 01:45 and closes 02:00, the end of the 01:00 hour.
    expect(Array.from(resampleFeed(chart(bars15(8)), tf).closesPeriod)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('starts daily periods at midnight of the exchange zone', () => {
    const tf = parseTimeframe('D');
    if (tf === null) throw new Error('unreachable');
    // Asia/Tokyo is UTC+9 all year: local midnight of Jan 2 is 15:00 UTC on Jan 1. Bars 14:30,
    // 14:45 belong to Tokyo's Jan 1; 15:00, 15:15 to Jan 2.
    const r = resampleFeed(chart(bars15(4, T0 + (14 * 60 + 30) * MIN), 'Asia/Tokyo'), tf);
    expect(Array.from(r.feed.time)).toEqual([T0 - 9 * 60 * MIN, T0 + 15 * 60 * MIN]);
    expect(Array.from(r.feed.close)).toEqual([2, 4]);
    expect(Array.from(r.htfIndex)).toEqual([0, 0, 1, 1]);
  });
});

describe('Security.value', () => {
  // Hourly closes of bars15(9): 4, 8, 9 (the last hour still open).
  const close = (h: PineContext): number => h.close;

  it('lookahead off: the hour’s close from its last 15m bar on, the previous hour before', () => {
    const ctx = chart(bars15(9));
    expect(series(ctx, new Security(ctx, '60'), false, false, close)).toEqual([
      NaN,
      NaN,
      NaN,
      4,
      4,
      4,
      4,
      8,
      8,
    ]);
  });

  it('lookahead on: the hour’s close on every bar of the hour (the open hour gives its close so far)', () => {
    const ctx = chart(bars15(9));
    expect(series(ctx, new Security(ctx, '60'), true, false, close)).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 9]);
  });

  it('gaps on: na except where the value is new', () => {
    const ctx = chart(bars15(9));
    expect(series(ctx, new Security(ctx, '60'), false, true, close)).toEqual([
      NaN,
      NaN,
      NaN,
      4,
      NaN,
      NaN,
      NaN,
      8,
      NaN,
    ]);
    const ctx2 = chart(bars15(9));
    expect(series(ctx2, new Security(ctx2, '60'), true, true, close)).toEqual([
      4,
      NaN,
      NaN,
      NaN,
      8,
      NaN,
      NaN,
      NaN,
      9,
    ]);
  });

  it('evaluates each hour once, in order, with the hourly history', () => {
    const ctx = chart(bars15(9));
    const seen: number[] = [];
    // close − close[1] on hourly bars: na, 8 − 4 = 4, 9 − 8 = 1.
    const change = (h: PineContext): number => {
      seen.push(h.bar_index);
      return h.close - h.closeAt(1);
    };
    expect(series(ctx, new Security(ctx, '60'), true, false, change)).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
      4,
      4,
      4,
      4,
      1,
    ]);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe('Security.row (tuples)', () => {
  it('keeps several numbers per hour and hands out one reused row', () => {
    const ctx = chart(bars15(9));
    const security = new Security(ctx, '60', 2);
    // (high, low) of each hour: (5, 0), (9, 4), (10, 8); lookahead off as in Security.value.
    const pair = (h: PineContext, out: Float64Array): void => {
      out[0] = h.high;
      out[1] = h.low;
    };
    const rows: number[][] = [];
    let first: Float64Array | undefined;
    for (let i = 0; i < 9; i++) {
      ctx.setBar(i);
      const row = security.row(ctx, false, false, pair);
      first ??= row;
      expect(row).toBe(first);
      rows.push(Array.from(row));
    }
    const none = [NaN, NaN];
    expect(rows).toEqual([none, none, none, [5, 0], [5, 0], [5, 0], [5, 0], [9, 4], [9, 4]]);
  });
});

describe('Security timeframes', () => {
  it('computes the chart timeframe itself bar by bar (each 15m bar closes its own period)', () => {
    const ctx = chart(bars15(3));
    expect(series(ctx, new Security(ctx, '15'), false, false, (h) => h.close)).toEqual([1, 2, 3]);
  });
  it('rejects lower timeframes and malformed ones as runtime errors', () => {
    const ctx = chart(bars15(3));
    ctx.setBar(0);
    const close = (h: PineContext): number => h.close;
    // Thrown on the first read, inside the bar loop, where the runner turns it into a diagnostic.
    expect(() => new Security(ctx, '5').value(ctx, false, false, close)).toThrow(/intrabar/);
    expect(() => new Security(ctx, 'x1').value(ctx, false, false, close)).toThrow(/invalid timeframe/);
  });
});
