import { describe, expect, it } from 'vitest';
import { PineStrategy } from '../../../src/runtime/strategy/strategy.js';
import { computeSummary, monthlyReturns } from '../../../src/runtime/strategy/summary.js';

/** Runs bars at explicit UTC times: [time, open, high, low, close]. */
function runDated(
  bars: readonly (readonly [number, number, number, number, number])[],
  script: (s: PineStrategy, i: number) => void,
): PineStrategy {
  const s = new PineStrategy({ initialCapital: 100_000 }, { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 });
  bars.forEach(([t, o, h, l, c], i) => {
    s.beginBar(i, t, o, h, l, c);
    script(s, i);
    s.endBar();
  });
  return s;
}

describe('Sharpe and Sortino on monthly realised returns', () => {
  it('match a hand computation', () => {
    // Long 100 @ 100 (Feb 1) → 110 (Feb 15): +1,000 = +1 % in February. Long 101 @ 110 (Mar 1) →
    // 100 (Mar 15): −1,010 = −1 % of 101,000 in March. January and April: 0.
    const d = (m: number, day: number): number => Date.UTC(2025, m, day);
    const s = runDated(
      [
        [d(0, 1), 100, 100, 100, 100],
        [d(1, 1), 100, 100, 100, 100],
        [d(1, 15), 110, 110, 110, 110],
        [d(2, 1), 110, 110, 110, 110],
        [d(2, 15), 100, 100, 100, 100],
        [d(3, 1), 100, 100, 100, 100],
      ],
      (s, i) => {
        if (i === 0) s.entry('A', 'long', { qty: 100 });
        if (i === 1) s.close('A');
        if (i === 2) s.entry('B', 'long', { qty: 101 });
        if (i === 3) s.close('B');
      },
    );
    const results = s.finish();
    const r = monthlyReturns(results);
    expect(r.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 1, -1, 0]);
    // rf = 2/12 % a month; mean 0; population sd √0.5 → Sharpe −0.1667/0.7071 = −0.235702.
    // Downside deviation √((0.1667² + 0 + 1.1667² + 0.1667²)/4) = 0.595119 → Sortino −0.280056.
    const sum = computeSummary(results);
    expect(sum.sharpeRatio).toBeCloseTo(-0.235702, 6);
    expect(sum.sortinoRatio).toBeCloseTo(-0.280056, 6);
    // Buy & hold: first open 100 → last close 100: 0. Bars in trades are inclusive: 2 each.
    expect(sum.buyAndHoldReturn).toBe(0);
    expect(sum.all.avgBarsInTrades).toBe(2);
    expect(sum.all.netProfit).toBeCloseTo(-10, 9);
  });
});
