import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../../src/runtime/core/time/zone.js';
import { PineStrategy } from '../../../src/runtime/strategy/strategy.js';
import { BAR_MS, fills, runTape, T0 } from './tape.js';
import type { Bar } from './tape.js';

// Quirks measured on the TradingView corpus (see src/runtime/strategy/README.md), on tiny tapes.
const FLAT: Bar = [100, 100.5, 99.5, 100];

describe('priced entries net a size frozen when placed', () => {
  it('a flat-armed stop filling against a sibling position only closes it', () => {
    // Long stop 101 and short stop 99 placed while flat. Bar 1: O=100 H=101.5 L=98; 1.5 < 2 so the
    // path is O→H→L→C: long at 101, then the short stop at 99 closes it and opens nothing
    // (corpus order-dual-stop-both-touch-priority-01).
    const s = runTape({}, [FLAT, [100, 101.5, 98, 99]], (s, i) => {
      if (i === 0) {
        s.entry('LE', 'long', { stop: 101 });
        s.entry('SE', 'short', { stop: 99 });
      }
    });
    expect(fills(s)).toEqual(['L 1 101@1 -> 99@1 SE']);
    expect(s.positionSize).toBe(0);
  });

  it('a reversal whose source position was closed first opens qty + carry', () => {
    // Long 1 open. Bar 1's script: short stop entry far above (fills at any open: gap) while long,
    // then strategy.close — the close fills first at bar 2's open, the short then opens 1 + 1.
    const s = runTape({}, [FLAT, FLAT, FLAT], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (i === 1) {
        s.entry('S', 'short', { stop: 1000 });
        s.close('L');
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 100@2 Close entry(s) order L']);
    expect(s.positionSize).toBe(-2);
  });
});

describe('closes', () => {
  it('freeze their quantity when called, so a same-run entry survives', () => {
    const s = runTape({ pyramiding: 3 }, [FLAT, FLAT, FLAT], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (i === 1) {
        s.entry('L', 'long');
        s.closeAll();
      }
    });
    expect(s.positionSize).toBe(1);
    expect(s.opentradesInfo.entryBarIndex(0)).toBe(2);
  });
});

describe('exits', () => {
  it('gapped exits fill nearest level first', () => {
    // Two 1-lot take-profits at 101 (A, placed first) and 102 (B); bar 2 opens at 103: both fill at
    // the open, B (nearer the open) first.
    const s = runTape({}, [FLAT, FLAT, [103, 103.5, 102.5, 103]], (s, i) => {
      if (i === 0) s.entry('L', 'long', { qty: 2 });
      if (i === 1) {
        s.exit('A', { fromEntry: 'L', qty: 1, limit: 101 });
        s.exit('B', { fromEntry: 'L', qty: 1, limit: 102 });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 103@2 B', 'L 1 100@1 -> 103@2 A']);
  });

  it('a trail without offset fires at the activation level, measured from the entry fill', () => {
    // Placed while flat with trail_points 50 → activation 100.5 above the 100 entry; bar 1 rises to
    // 100.8 after the entry at its open → exit 100.5 on the entry bar.
    const s = runTape(
      {},
      [
        [99, 99.2, 98.9, 99.1],
        [100, 100.8, 99.9, 100.2],
      ],
      (s, i) => {
        if (i === 0) {
          s.entry('L', 'long');
          s.exit('T', { fromEntry: 'L', trailPoints: 50 });
        }
      },
    );
    expect(fills(s)).toEqual(['L 1 100@1 -> 100.5@1 T']);
  });

  it('a wrong-side stop waits a bar, unless the bar magnifier is on', () => {
    // Stop 100.2 above the 100 entry: without the magnifier it fills at bar 2's open (gap);
    // with it, at once at the entry price.
    const bars: Bar[] = [FLAT, [100, 100.1, 99.9, 100], [99.95, 100, 99.9, 99.95]];
    const script = (s: Parameters<Parameters<typeof runTape>[2]>[0], i: number): void => {
      if (i === 0) {
        s.entry('L', 'long');
        s.exit('X', { fromEntry: 'L', stop: 100.2 });
      }
    };
    expect(fills(runTape({}, bars, script))).toEqual(['L 1 100@1 -> 99.95@2 X']);
    expect(fills(runTape({ useBarMagnifier: true }, bars, script))).toEqual(['L 1 100@1 -> 100@1 X']);
  });
});

describe('strategy.risk', () => {
  it('max_intraday_filled_orders undoes the capping fill at its price', () => {
    const s = runTape({}, [FLAT, [101, 101, 101, 101], [102, 102, 102, 102], FLAT], (s, i) => {
      if (i === 0) s.risk.setMaxIntradayFilledOrders(2);
      if (i === 0) s.entry('L', 'long');
      if (i === 1) s.entry('S', 'short');
      if (i === 2) s.entry('L2', 'long');
    });
    // Fill 1: long at 101 (bar 1). Fill 2: the short reversal at 102 (bar 2) reaches the cap → closed
    // at once at 102; the later entry is blocked for the day.
    expect(fills(s)).toEqual([
      'L 1 101@1 -> 102@2 S',
      'S 1 102@2 -> 102@2 Close Position (Max number of filled orders in one day)',
    ]);
    expect(s.positionSize).toBe(0);
  });

  it("the intraday day ends at the exchange's midnight, not the chart's", () => {
    // Bars at 15:30, 15:45, 16:00, 16:15 UTC; 16:00 UTC is midnight in UTC+8. Cap 2 fills: the long
    // fills at 15:45, the short reversal at 16:00. On a UTC exchange both fills fall on one day and
    // the second is undone; on a UTC+8 exchange the reversal is the first fill of a new day.
    const bars: Bar[] = [FLAT, FLAT, FLAT, FLAT];
    const script = (s: PineStrategy, i: number): void => {
      if (i === 0) {
        s.risk.setMaxIntradayFilledOrders(2);
        s.entry('L', 'long');
      }
      if (i === 1) s.entry('S', 'short');
    };
    const firstBarTime = Date.UTC(2025, 0, 1, 15, 30);
    const symbol = { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 };
    const utc = runTape({}, bars, script, symbol, { firstBarTime });
    expect(fills(utc)).toEqual([
      'L 1 100@1 -> 100@2 S',
      'S 1 100@2 -> 100@2 Close Position (Max number of filled orders in one day)',
    ]);
    const utc8 = { offsetAt: (): number => 8 * 3_600_000 };
    const east = runTape({}, bars, script, symbol, { firstBarTime, exchangeZone: utc8 });
    expect(fills(east)).toEqual(['L 1 100@1 -> 100@2 S']);
    expect(east.positionSize).toBe(-1);
  });

  it('the intraday day follows the exchange zone across a DST switch', () => {
    // New York exchange, bars from 2024-03-10 03:00 UTC (22:00 EST on the 9th). Clocks go forward at
    // 07:00 UTC, so the next midnight is 04:00 UTC on the 11th (EDT), not 05:00 (EST). Cap 2 fills:
    // the long fills at 03:45 UTC (23:45 on the 10th), the short reversal at 04:00 UTC, the first
    // fill of the 11th, so nothing is undone.
    const firstBarTime = Date.UTC(2024, 2, 10, 3, 0);
    const longBar = (Date.UTC(2024, 2, 11, 3, 30) - firstBarTime) / BAR_MS;
    const bars: Bar[] = Array.from({ length: longBar + 4 }, () => FLAT);
    const script = (s: PineStrategy, i: number): void => {
      if (i === 0) s.risk.setMaxIntradayFilledOrders(2);
      if (i === longBar) s.entry('L', 'long');
      if (i === longBar + 1) s.entry('S', 'short');
    };
    const symbol = { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 };
    const exchangeZone = resolveZone('America/New_York');
    const s = runTape({}, bars, script, symbol, { firstBarTime, exchangeZone });
    expect(fills(s)).toEqual([`L 1 100@${String(longBar + 1)} -> 100@${String(longBar + 2)} S`]);
    expect(s.positionSize).toBe(-1);
  });

  it('allow_entry_in turns a forbidden entry into a close', () => {
    const s = runTape({}, [FLAT, FLAT, FLAT], (s, i) => {
      if (i === 0) {
        s.risk.allowEntryIn('long');
        s.entry('L', 'long');
      }
      if (i === 1) s.entry('S', 'short', { comment: 'blocked' });
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 100@2 blocked']);
    expect(s.positionSize).toBe(0);
  });
});

describe('more tie and timing rules', () => {
  it('opposite entry stops reached at the same tick: the long goes first', () => {
    // Both stops at 100 placed short-first; bar 1 opens at 100: the long fills, the short closes it.
    const s = runTape({}, [FLAT, FLAT], (s, i) => {
      if (i === 0) {
        s.entry('SE', 'short', { stop: 100 });
        s.entry('LE', 'long', { stop: 100 });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 100@1 SE']);
  });

  it('process_orders_on_close fills a price order whose condition holds at the close', () => {
    // A sell stop at 1000 (far above) placed on bar 0 fills at bar 0's close 100.
    const s = runTape({ processOrdersOnClose: true }, [FLAT, FLAT], (s, i) => {
      if (i === 0) s.entry('S', 'short', { stop: 1000 });
    });
    expect(s.opentradesInfo.entryBarIndex(0)).toBe(0);
    expect(s.positionAvgPrice).toBe(100);
  });
});

describe('entries and closes around reversals', () => {
  it('an entry call while pyramiding is full places nothing', () => {
    // Short 1 (pyramiding 1). A short stop issued now is dropped, so after a market long reverses
    // the position it does not fill when price falls through it.
    const s = runTape({}, [FLAT, FLAT, FLAT, [100, 100.2, 98, 98.5]], (s, i) => {
      if (i === 0) s.entry('S', 'short');
      if (i === 1) s.entry('S2', 'short', { stop: 99 });
      if (i === 1) s.entry('L', 'long');
    });
    expect(s.positionSize).toBe(1);
  });

  it('a close only touches trades open when it was placed', () => {
    // Short 1 open; the same run places a market long (reversal) and close_all: at the next open the
    // reversal fills first and the close finds its short already gone, leaving the new long.
    const s = runTape({}, [FLAT, FLAT, FLAT], (s, i) => {
      if (i === 0) s.entry('S', 'short');
      if (i === 1) {
        s.entry('L', 'long');
        s.closeAll();
      }
    });
    expect(s.positionSize).toBe(1);
  });

  it('a priced entry placed after a same-run market entry carries its expected position', () => {
    // Flat; market long then a short stop at 99 in the same run. The long fills at bar 1's open; the
    // stop later reverses it (closes 1, opens 1) instead of only closing it.
    const s = runTape({}, [FLAT, FLAT, [99.5, 99.6, 98, 98.5]], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long');
        s.entry('S', 'short', { stop: 99 });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 99@2 S']);
    expect(s.positionSize).toBe(-1);
  });

  it('the intraday cap closes an intrabar fill at the end of its leg', () => {
    // Cap 1 fill. Buy stop 100.3 fills on bar 1's rise (O=100 L=99.9 H=100.6: low first); the cap
    // close happens at the high 100.6.
    const s = runTape({}, [FLAT, [100, 100.6, 99.9, 100.2]], (s, i) => {
      if (i === 0) {
        s.risk.setMaxIntradayFilledOrders(1);
        s.entry('L', 'long', { stop: 100.3 });
      }
    });
    expect(fills(s)).toEqual([
      'L 1 100.3@1 -> 100.6@1 Close Position (Max number of filled orders in one day)',
    ]);
  });
});

describe('calc_on_order_fills', () => {
  it('calls the re-execution hook after each fill with the fill price, and its orders join the walk', () => {
    // Entry at bar 1's open 100; the hook places a take-profit at fill + 0.5. Bar 1 (O=100 H=100.6
    // L=99.5, open nearer the low) walks O→L→H→C, so the rise to 100.6 fills it at 100.5 and the
    // hook runs again with that price.
    const seen: number[] = [];
    const s = new PineStrategy(
      { initialCapital: 100_000, calcOnOrderFills: true },
      { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 },
      {
        reexecute: (price) => {
          seen.push(price);
          if (s.positionSize > 0) s.exit('TP', { fromEntry: 'L', limit: price + 0.5 });
        },
      },
    );
    const bars: Bar[] = [FLAT, [100, 100.6, 99.5, 100.2]];
    bars.forEach(([o, h, l, c], i) => {
      s.beginBar(i, T0 + i * BAR_MS, o, h, l, c);
      if (i === 0) s.entry('L', 'long');
      s.endBar();
    });
    expect(seen).toEqual([100, 100.5]);
    expect(fills(s)).toEqual(['L 1 100@1 -> 100.5@1 TP']);
  });
});

describe('order prices a hair off a tick', () => {
  // A level 7e-5 ticks past a tick counts as on it (corpus analyzer-parity-stop-limit-timing-01: an
  // ATR take-profit of 3760.4800006 filled at 3760.48), one 1.1e-4 ticks short of a tick is rounded
  // to the side's first satisfying tick (corpus pyramid-deferred-flip-close-all-01: a sell stop of
  // 1843.6899989 filled at 1843.68). See PRICE_TICK_EPSILON in src/runtime/broker/symbol.ts.
  it('keep a take-profit 7e-5 ticks above a tick on that tick', () => {
    // Long from bar 1's open 100. Sell limit 101.0000007: on the tick 101.00, which bar 2's high
    // reaches exactly (ceil to the next tick would make it 101.01, never reached).
    const s = runTape({}, [FLAT, FLAT, [100, 101, 99.8, 100.5]], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long');
        s.exit('X', { fromEntry: 'L', limit: 101.0000007 });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 101@2 X']);
  });

  it('round a sell stop 1.1e-4 ticks below a tick down to the tick below', () => {
    // Sell stop 98.9999989 floors to 98.99: bar 1 dips to 98.995 only, bar 2 to 98.99.
    const s = runTape({}, [FLAT, [99.5, 99.6, 98.995, 99.2], [99.2, 99.3, 98.99, 99]], (s, i) => {
      if (i === 0) s.entry('S', 'short', { stop: 98.9999989 });
    });
    expect(s.broker.openTrades.map((t) => `${String(t.entryPrice)}@${String(t.entryBar)}`)).toEqual([
      '98.99@2',
    ]);
  });
});

describe('explicit quantities', () => {
  it('are floored to the quantity step (corpus composite-ies-equity-feedback-sizing-01)', () => {
    // qty 302.93059109 with step 0.0001 trades 302.9305; the 5th decimal 9 does not round it up.
    const s = runTape({}, [FLAT, FLAT], (s, i) => {
      if (i === 0) s.entry('L', 'long', { qty: 302.93059109 });
    });
    expect(s.positionSize).toBe(302.9305);
  });
});
