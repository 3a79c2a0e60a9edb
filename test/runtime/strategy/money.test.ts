import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../src/runtime/strategy/summary.js';
import { tradeListLines } from '../../../src/runtime/strategy/trade-list.js';
import { PineStrategy } from '../../../src/runtime/strategy/strategy.js';
import { BAR_MS, fills, runTape, T0 } from './tape.js';
import type { StrategySettings } from '../../../src/runtime/strategy/settings.js';
import type { Bar } from './tape.js';

const FLAT: Bar = [100, 100.5, 99.5, 100];
const UP: Bar = [110, 110.5, 109.5, 110];

/** Long 2 contracts at 100 (bar 1 open), closed at 110 (bar 3 open). */
function roundTrip(settings: Parameters<typeof runTape>[0]) {
  return runTape(settings, [FLAT, FLAT, UP, UP], (s, i) => {
    if (i === 0) s.entry('L', 'long', { qty: 2 });
    if (i === 2) s.close('L');
  });
}

describe('commission', () => {
  it('percent of the fill value, on entry and exit', () => {
    // 0.1 % × (100 × 2) = 0.2 at entry, 0.1 % × (110 × 2) = 0.22 at exit: profit 20 − 0.42.
    expect(roundTrip({ commissionType: 'percent', commissionValue: 0.1 }).netprofit).toBeCloseTo(19.58, 10);
  });
  it('cash per contract', () => {
    // 0.5 × 2 contracts, twice.
    expect(roundTrip({ commissionType: 'cash_per_contract', commissionValue: 0.5 }).netprofit).toBeCloseTo(
      18,
      10,
    );
  });
  it('cash per order', () => {
    expect(roundTrip({ commissionType: 'cash_per_order', commissionValue: 3 }).netprofit).toBeCloseTo(14, 10);
  });
});

/**
 * A long of `qty` bought at bar 1's open 100 and sold at bar 3's open 110, with the quote→account
 * currency rate `rate` (by bar time).
 */
function convertedRoundTrip(
  settings: StrategySettings,
  rate: (timeMs: number) => number,
  qty: number,
): PineStrategy {
  const s = new PineStrategy(
    { initialCapital: 100_000, ...settings },
    { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 },
    { quoteToAccountRate: rate },
  );
  const bars: Bar[] = [FLAT, FLAT, UP, UP];
  bars.forEach(([o, h, l, c], i) => {
    s.beginBar(i, T0 + i * BAR_MS, o, h, l, c);
    if (i === 0) s.entry('L', 'long', { qty });
    if (i === 2) s.close('L');
    s.endBar();
  });
  return s;
}

describe('account currency', () => {
  it('converts P&L at the exit rate and excursions at the rate of their moment', () => {
    // Rate 0.5 until bar 2, 0.25 from bar 3 (the exit bar): profit 20 × 0.25 = 5. Run-up: each price
    // converts at its moment: bar 2's high 110.5 → 21 × 0.5 = 10.5 beats bar 3's 21 × 0.25.
    const s = convertedRoundTrip({}, (t) => (t >= T0 + 3 * BAR_MS ? 0.25 : 0.5), 2);
    const t = s.broker.closedTrades[0];
    expect(t.profit).toBeCloseTo(5, 10);
    expect(t.runUp()).toBeCloseTo(10.5, 10);
  });
});

describe('cash commission in an account currency', () => {
  it('is an account-currency amount, not converted at the rate (corpus order-percent-equity-cash-commission-01)', () => {
    // 1.5 USD per order on a USDT pair at 0.999 USD/USDT: 100 contracts 100 → 110 make 1,000 USDT =
    // 999 USD, less 2 × 1.5 USD = 996 (not (1,000 − 3) × 0.999 = 996.003).
    const s = convertedRoundTrip(
      { commissionType: 'cash_per_order', commissionValue: 1.5 },
      () => 0.999,
      100,
    );
    expect(s.broker.closedTrades[0].profit).toBeCloseTo(996, 9);
    expect(s.broker.commissionPaid).toBeCloseTo(3, 9);
  });
});

describe('slippage', () => {
  it('moves market fills against the trader by N ticks', () => {
    // Buy at 100 + 2 × 0.01, sell at 110 − 0.02.
    expect(fills(roundTrip({ slippage: 2 }))).toEqual(['L 2 100.02@1 -> 109.98@3 Close entry(s) order L']);
  });
  it('leaves limit fills alone', () => {
    const s = runTape({ slippage: 5 }, [FLAT, [100, 100.2, 98, 99]], (s, i) => {
      if (i === 0) s.entry('L', 'long', { limit: 99 });
    });
    expect(s.positionAvgPrice).toBe(99);
  });
});

describe('sizing', () => {
  it('percent_of_equity: closed equity × pct over the signal close, floored to the qty step', () => {
    // 50 % of 100,000 = 50,000 / 101.23 = 493.924726… → 493.9247 (step 0.0001).
    const s = runTape(
      { defaultQtyType: 'percent_of_equity', defaultQtyValue: 50 },
      [[101, 101.5, 100.9, 101.23], FLAT],
      (s, i) => {
        if (i === 0) s.entry('L', 'long');
      },
    );
    expect(s.positionSize).toBe(493.9247);
  });
  it('percent_of_equity reserves the percent commission', () => {
    // 100,000 / (100 × 1.01) = 990.0990099… → 990.099.
    const s = runTape(
      { defaultQtyType: 'percent_of_equity', defaultQtyValue: 100, commissionValue: 1, marginLong: 0 },
      [FLAT, FLAT],
      (s, i) => {
        if (i === 0) s.entry('L', 'long');
      },
    );
    expect(s.positionSize).toBe(990.099);
  });
  it('cash: value over the signal close', () => {
    const s = runTape(
      { defaultQtyType: 'cash', defaultQtyValue: 1000 },
      [[100, 100, 100, 30], FLAT],
      (s, i) => {
        if (i === 0) s.entry('L', 'long');
      },
    );
    expect(s.positionSize).toBe(33.3333);
  });
});

describe('margin call', () => {
  it('liquidates four times the contracts covering the deficit (manual → Margin)', () => {
    // Capital 1,200, margin 50 %, long 20 @ 100. Bar 2's low 75: equity 1,200 − 500 = 700, margin
    // 20 × 75 × 0.5 = 750, available −50 → loss 100 → cover trunc(100 / 75) = 1 → liquidate 4 at 75.
    const s = runTape(
      { initialCapital: 1200, marginLong: 50 },
      [FLAT, FLAT, [99, 99.5, 75, 80]],
      (s, i) => {
        if (i === 0) s.entry('L', 'long', { qty: 20 });
      },
      { mintick: 0.01, pointValue: 1, qtyStep: 1 },
    );
    expect(fills(s)).toEqual(['L 4 100@1 -> 75@2 Margin call']);
    expect(s.positionSize).toBe(16);
  });

  it('checks the rest of the bar after the entry fill that made the position', () => {
    // The same figures on the entry bar: long 20 fills at bar 1's open 100, the path goes on to the
    // high 100.5 (funds 1,210 − 1,005 ≥ 0) and the low 75 (700 − 750 = −50 → liquidate 4 at 75).
    // After a fill the broker re-tests the path's extremes before it skips the per-tick checks.
    const s = runTape(
      { initialCapital: 1200, marginLong: 50 },
      [FLAT, [100, 100.5, 75, 80]],
      (s, i) => {
        if (i === 0) s.entry('L', 'long', { qty: 20 });
      },
      { mintick: 0.01, pointValue: 1, qtyStep: 1 },
    );
    expect(fills(s)).toEqual(['L 4 100@1 -> 75@1 Margin call']);
    expect(s.positionSize).toBe(16);
  });
});

describe('margin checks in account currency', () => {
  it('admit an explicit-qty entry worth all the equity only when the rate makes it fit', () => {
    // 1,000 contracts × close 100 = 100,000 quote = the whole equity; at rate 0.999 it costs 99,900
    // USD and is admitted, at 1.001 it costs 100,100 and is dropped (corpus
    // anomaly-equity-mirror-strategy-equity-01: taken exactly on the days the USDT rate is < 1).
    const run = (rate: number): number => {
      const s = new PineStrategy(
        { initialCapital: 100_000 },
        { mintick: 0.01, pointValue: 1, qtyStep: 0.001 },
        {
          quoteToAccountRate: () => rate,
        },
      );
      s.beginBar(0, T0, 100, 100, 100, 100);
      s.entry('E', 'long', { qty: 1000 });
      s.endBar();
      s.beginBar(1, T0 + BAR_MS, 100, 100, 100, 100);
      s.endBar();
      return s.positionSize;
    };
    expect(run(0.999)).toBe(1000);
    expect(run(1.001)).toBe(0);
  });

  it('a deficit under one quantity step liquidates nothing', () => {
    // Capital 1,000, margin 100 %: 10 contracts pass the gate at the signal close 100 (1,000) but fill
    // at 100.05: 0.5 short of margin. Cover = truncate(0.5 / 100.05) to the step: 0 with step 1 (no
    // call), 0.004 with step 0.001 → 4 × 0.004 = 0.016 liquidated.
    const bars: Bar[] = [FLAT, [100.05, 100.05, 100.05, 100.05]];
    const script = (s: PineStrategy, i: number): void => {
      if (i === 0) s.entry('L', 'long', { qty: 10 });
    };
    const coarse = runTape({ initialCapital: 1000 }, bars, script, {
      mintick: 0.01,
      pointValue: 1,
      qtyStep: 1,
    });
    expect(coarse.broker.marginCalls).toBe(0);
    const fine = runTape({ initialCapital: 1000 }, bars, script, {
      mintick: 0.01,
      pointValue: 1,
      qtyStep: 0.001,
    });
    expect(fine.positionSize).toBeCloseTo(9.984, 9);
  });
});

describe('List of Trades', () => {
  it('prints exit then entry rows with TradingView number formats', () => {
    const s = roundTrip({ commissionType: 'percent', commissionValue: 0.1 });
    const lines = tradeListLines(s.finish(), { utcOffsetMinutes: 480 });
    // Entry bar 1 = 00:15 UTC = 08:15 UTC+8; exit bar 3 = 08:45. Net 19.58 on a 200 entry value = 9.79 %;
    // run-up (110.5 − 100) × 2 = 21 less the 0.2 entry commission = 20.8 (10.4 %), drawdown
    // (99.5 − 100) × 2 − 0.2 = −1.2 (−0.6 %).
    expect(lines.slice(1)).toEqual([
      '1,Exit long,2025-01-01 08:45,Close entry(s) order L,110,2,200,19.58,9.79,20.8,10.40,-1.2,-0.60,19.58,0.02',
      '1,Entry long,2025-01-01 08:15,L,100,2,200,19.58,9.79,20.8,10.40,-1.2,-0.60,19.58,0.02',
    ]);
  });
});

describe('Performance Summary', () => {
  it('counts wins and losses and the profit factor', () => {
    // Trade 1: long 100 → 110 (+10); trade 2: long 110 → 105 (−5).
    const s = runTape({}, [FLAT, FLAT, UP, UP, [105, 105, 105, 105]], (s, i) => {
      if (i === 0 || i === 2) s.entry('L', 'long');
      if (i === 1 || i === 3) s.close('L');
    });
    const sum = computeSummary(s.finish());
    expect(sum.all.netProfit).toBeCloseTo(5, 10);
    expect(sum.all.profitFactor).toBeCloseTo(2, 10);
    expect(sum.all.percentProfitable).toBe(50);
    expect(sum.long.totalClosedTrades).toBe(2);
    expect(sum.short.totalClosedTrades).toBe(0);
    expect(sum.all.largestLosingTrade).toBeCloseTo(-5, 10);
  });
});

describe('diagnostics', () => {
  it('reports qty ≤ 0, exits without prices and unknown from_entry ids as data', () => {
    const s = runTape({}, [FLAT, FLAT], (s) => {
      s.entry('L', 'long', { qty: 0 });
      s.exit('X', { fromEntry: 'L' });
      s.exit('Y', { fromEntry: 'Nope', stop: 90 });
    });
    const codes = s.finish().diagnostics.map((d) => d.code);
    expect(codes).toEqual(['PP6001', 'PP6003', 'PP6002']);
  });
});

describe('bars with an open trade and no pending order', () => {
  it('keep excursions and intrabar equity extremes of the whole O→H→L→C path', () => {
    // Long 1 at 100 (bar 1 open), margin 0. Bar 2 [104, 108, 92, 95]: open nearer the high, so
    // equity walks 100,004 → 100,008 → 99,992 → 99,995. Run-up 8 (high), drawdown −8 (low); max
    // drawdown 100,008 − 99,992 = 16 (the peak at the high precedes the low); max run-up: from bar
    // 1's trough (its low 99.5 comes first on the O→L→H tie path: 99,999.5) to 100,008 = 8.5.
    const s = runTape({ marginLong: 0 }, [FLAT, FLAT, [104, 108, 92, 95]], (st, i) => {
      if (i === 0) st.entry('L', 'long', { qty: 1 });
    });
    const t = s.broker.openTrades[0];
    expect(t.runUp()).toBe(8);
    expect(t.drawdown()).toBe(-8);
    expect(s.maxDrawdown).toBe(16);
    expect(s.maxRunup).toBe(8.5);
  });

  it('still see an open outside the high–low range of a malformed bar', () => {
    // Bar 2 opens at 110 above its high 105: the path's first tick 110 is a traded price, so the
    // long from 100 ran up 10, not just to the high's 5.
    const s = runTape({ marginLong: 0 }, [FLAT, FLAT, [110, 105, 95, 100]], (st, i) => {
      if (i === 0) st.entry('L', 'long', { qty: 1 });
    });
    expect(s.broker.openTrades[0].runUp()).toBe(10);
  });
});
