// `time(timeframe.period, "0930-1600", "America/New_York")` against TradingView's trades for the probe
// in test/data/base (see its README): entries fill on the bar after the session's first bar, exits on
// the bar after its last, every calendar day (a session without days trades all 7), across both DST
// changes of the window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Feed, FloatSeries, PineContext, runBars, splitCsvLine } from '../../../src/runtime/index.js';

const UTC8 = 8 * 3_600_000;
const BAR = 15 * 60_000;

/** "YYYY-MM-DD HH:MM" in UTC+8 → UNIX ms. */
function fromExport(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}:00Z`) - UTC8;
}

describe('time(timeframe.period, session, tz) reproduces a TradingView session probe', () => {
  it('opens and closes on the same bars as TradingView for a year of 15-minute bars', () => {
    const rows = readFileSync(
      new URL('../../data/base/session-ny-spring-forward-dst-01.tv_trades.csv', import.meta.url),
      'utf8',
    )
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map(splitCsvLine);
    const tvEntries = rows.filter((r) => r[1].startsWith('Entry')).map((r) => fromExport(r[2]));
    const tvExits = rows.filter((r) => r[1].startsWith('Exit')).map((r) => fromExport(r[2]));
    const first = Math.min(...tvEntries);
    const last = Math.max(...tvExits);

    // Contiguous 15-minute bars (ETH perpetual trades 24x7) from a day before the first entry.
    const start = first - 86_400_000 - (first % BAR);
    const n = Math.ceil((last + BAR - start) / BAR);
    const time = new Float64Array(n).map((_, i) => start + i * BAR);
    const ones = new Float64Array(n).fill(1);
    const ctx = new PineContext(
      new Feed({ time, open: ones, high: ones, low: ones, close: ones, volume: ones }),
      {
        timeframe: '15',
      },
    );

    const entries: number[] = [];
    const exits: number[] = [];
    const sessId = new FloatSeries(ctx.clock, 1);
    runBars(ctx, {
      step: (c) => {
        sessId.set(c.timeOf(c.timeframe.period, '0930-1600', 'America/New_York'));
        const inSess = sessId.get(0) === sessId.get(0);
        const wasInSess = sessId.get(1) === sessId.get(1);
        if (inSess && !wasInSess) entries.push(c.time + BAR); // market order fills at the next bar's open
        if (wasInSess && !inSess) exits.push(c.time + BAR);
      },
    });
    const inWindow = (t: number): boolean => t >= first && t <= last;
    expect(entries.filter(inWindow)).toEqual([...tvEntries].sort((a, b) => a - b));
    expect(exits.filter(inWindow)).toEqual([...tvExits].sort((a, b) => a - b));
    expect(tvEntries.length).toBeGreaterThan(390);
  });
});
