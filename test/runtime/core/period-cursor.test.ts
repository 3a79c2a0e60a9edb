// PeriodCursor must give exactly PineContext.periodStartLocal at every instant of a rising scan: it
// only skips recomputing inside the stretch periodEndLocal vouches for. Checked against the direct
// computation for every bar of random scans, across sessions (24x7, day, overnight, 24-hour from
// 17:00, two ranges), DST zones (local time repeats an hour in the autumn) and timeframes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Feed, PineContext, parseTimeframe } from '../../../src/runtime/index.js';
import { PeriodCursor } from '../../../src/runtime/core/time/period-cursor.js';

const SESSIONS = [
  '24x7',
  '0930-1600:23456',
  '1700-1600:23456',
  '1700-1700:123456',
  '0930-1200,1300-1600:23456',
  '1200-1300,0930-1600:23456', // overlapping: the first-listed range claims 12:00-13:00
];
const ZONES = ['Etc/UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata'];
const TIMEFRAMES = ['1', '5', '45', '60', '90', '240', '420', 'D', '2D', 'W', '2W', 'M', '3M'];
const T0 = Date.UTC(2023, 9, 20); // a week before the October/November DST changes
const MIN = 60_000;

function context(timezone: string, session: string): PineContext {
  const feed = Feed.fromBars([{ time: T0, open: 1, high: 1, low: 1, close: 1 }]);
  return new PineContext(feed, { timeframe: '1', symbol: { timezone, session } });
}

describe('PeriodCursor', () => {
  it('matches periodStartLocal at every instant of rising scans', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SESSIONS),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...TIMEFRAMES),
        // Steps of 1 minute to 3 days between bars: within periods, across them and across gaps.
        fc.array(fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 4320 })), {
          minLength: 1,
          maxLength: 400,
        }),
        (session, zoneName, period, steps) => {
          const ctx = context(zoneName, session);
          const tf = parseTimeframe(period);
          if (tf === null) throw new Error(period);
          const zone = ctx.exchangeZone;
          const cursor = new PeriodCursor();
          let t = T0;
          for (const step of steps) {
            t += step * MIN;
            const local = t + zone.offsetAt(t);
            expect(cursor.startOf(ctx, tf, local)).toBe(ctx.periodStartLocal(tf, local));
          }
        },
      ),
      { numRuns: 400, seed: 20261121 },
    );
  });

  it('reuses the start inside a period and moves at its end (hand-worked, 24x7 UTC, 60)', () => {
    const ctx = context('Etc/UTC', '24x7');
    const tf = parseTimeframe('60');
    if (tf === null) throw new Error('60');
    const cursor = new PeriodCursor();
    const hour = 60 * MIN;
    // 10:15 and 10:59 belong to the 10:00 hour; 11:00 opens the next one.
    expect(cursor.startOf(ctx, tf, T0 + 10 * hour + 15 * MIN)).toBe(T0 + 10 * hour);
    expect(cursor.startOf(ctx, tf, T0 + 10 * hour + 59 * MIN)).toBe(T0 + 10 * hour);
    expect(cursor.startOf(ctx, tf, T0 + 11 * hour)).toBe(T0 + 11 * hour);
    expect(ctx.periodEndLocal(tf, T0 + 11 * hour + 30 * MIN)).toBe(T0 + 12 * hour);
  });

  it('recomputes inside an overlapping session range (hand-worked, "1200-1300,0930-1600", 60)', () => {
    const ctx = context('Etc/UTC', '1200-1300,0930-1600:23456');
    const tf = parseTimeframe('60');
    if (tf === null) throw new Error('60');
    const cursor = new PeriodCursor();
    const hour = 60 * MIN;
    // Friday 11:45 is in the 09:30 range: its hour opened at 11:30. At 12:10 the first-listed
    // 12:00 range claims the instant, so its hour opened at 12:00, not 11:30.
    expect(cursor.startOf(ctx, tf, T0 + 11 * hour + 45 * MIN)).toBe(T0 + 11 * hour + 30 * MIN);
    expect(cursor.startOf(ctx, tf, T0 + 12 * hour + 10 * MIN)).toBe(T0 + 12 * hour);
  });

  it('cuts the last period of a session range at its close (hand-worked, "0930-1600", 90)', () => {
    const ctx = context('Etc/UTC', '0930-1600:23456');
    const tf = parseTimeframe('90');
    if (tf === null) throw new Error('90');
    const cursor = new PeriodCursor();
    const hour = 60 * MIN;
    // Friday: 90-minute periods from the 09:30 open: 09:30, 11:00, 12:30, 14:00, 15:30 (cut at 16:00).
    expect(cursor.startOf(ctx, tf, T0 + 10 * hour)).toBe(T0 + 9.5 * hour);
    expect(cursor.startOf(ctx, tf, T0 + 15 * hour + 45 * MIN)).toBe(T0 + 15.5 * hour);
    // 16:15 is outside the session: periods count from midnight there, so its period opened at 15:00.
    expect(cursor.startOf(ctx, tf, T0 + 16 * hour + 15 * MIN)).toBe(T0 + 15 * hour);
  });
});
