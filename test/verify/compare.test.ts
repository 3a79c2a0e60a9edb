import { describe, expect, it } from 'vitest';
import { makeTrade, type Trade } from '../../src/exports/index.js';
import { compareTrades, decideGrade, p90 } from '../../src/verify/index.js';

const M15 = 900_000;
const T0 = Date.UTC(2025, 3, 1);

/** A closed trade entering `bars` 15-minute bars after T0 and holding `hold` bars. */
function trade(number: number, bars: number, overrides: Partial<Trade> = {}): Trade {
  const entryPrice = 1800 + number;
  return makeTrade({
    number,
    direction: number % 2 === 0 ? 'short' : 'long',
    entryTime: T0 + bars * M15,
    entryPrice,
    exitTime: T0 + (bars + 4) * M15,
    exitPrice: entryPrice + 10,
    qty: 1,
    profit: number % 2 === 0 ? -10 : 10,
    ...overrides,
  });
}

const tv = [trade(1, 0), trade(2, 10), trade(3, 20)];
const opts = { mintick: 0.01 };

describe('compareTrades on hand-made pairs', () => {
  it('identical lists are exact with no divergence', () => {
    const report = compareTrades(
      tv,
      tv.map((t) => ({ ...t })),
      opts,
    );
    expect([report.grade, report.paired, report.exactPairs, report.firstDivergence]).toEqual([
      'exact',
      3,
      3,
      undefined,
    ]);
    expect(report.metrics).toEqual({
      countDelta: 0,
      unpaired: 0,
      entryPriceP90: 0,
      exitPriceP90: 0,
      pnlP90: 0,
    });
  });

  it('a price within half a tick is still exact (fills round to the tick)', () => {
    const ours = [tv[0], { ...tv[1], exitPrice: tv[1].exitPrice + 0.004 }, tv[2]];
    expect(compareTrades(tv, ours, opts).grade).toBe('exact');
  });

  it('one shifted exit: first divergence at that trade, field exitTime named, still excellent', () => {
    const ours = [tv[0], { ...tv[1], exitTime: tv[1].exitTime + M15 }, tv[2]];
    const report = compareTrades(tv, ours, opts);
    expect(report.grade).toBe('excellent');
    const d = report.firstDivergence!;
    expect([d.kind, d.expected?.number, d.time]).toEqual(['fields', 2, T0 + 10 * M15]);
    expect(d.differences).toEqual([
      { field: 'exitTime', expected: T0 + 14 * M15, actual: T0 + 15 * M15, tolerance: 0 },
    ]);
    expect(d.expectedNearby.map((t) => t.number)).toEqual([1, 2, 3]);
  });

  it('a one-tick entry price change is excellent, with entryPrice named', () => {
    const ours = [tv[0], tv[1], { ...tv[2], entryPrice: tv[2].entryPrice + 0.01 }];
    const report = compareTrades(tv, ours, opts);
    expect(report.grade).toBe('excellent');
    expect(report.firstDivergence?.differences.map((x) => x.field)).toEqual(['entryPrice']);
    // 0.01 / 1803 relative, the largest of three deltas, so the p90.
    expect(report.metrics.entryPriceP90).toBeCloseTo(0.01 / 1803, 12);
  });

  it('a missing trade is a mismatch, divergence kind missing', () => {
    const report = compareTrades(tv, [tv[0], tv[2]], opts);
    expect(report.grade).toBe('mismatch');
    expect([report.firstDivergence?.kind, report.firstDivergence?.expected?.number]).toEqual(['missing', 2]);
    expect(report.unmatchedExpected.map((t) => t.number)).toEqual([2]);
  });

  it('an extra trade of ours between two of TradingView is the first divergence', () => {
    const extra = trade(9, 5, { direction: 'long' });
    const report = compareTrades(tv, [tv[0], extra, tv[1], tv[2]], opts);
    expect([report.firstDivergence?.kind, report.firstDivergence?.actual?.number]).toEqual(['extra', 9]);
  });

  it('pairs an entry one bar late (same direction, within the hour) and names entryTime', () => {
    const ours = [tv[0], { ...tv[1], entryTime: tv[1].entryTime + M15 }, tv[2]];
    const report = compareTrades(tv, ours, opts);
    expect(report.paired).toBe(3);
    expect(report.firstDivergence?.differences.map((x) => x.field)).toEqual(['entryTime']);
  });

  it('does not pair across directions', () => {
    const ours = [tv[0], { ...tv[1], direction: 'long' as const }, tv[2]];
    const report = compareTrades(tv, ours, opts);
    expect([report.paired, report.unmatchedExpected.length, report.unmatchedActual.length]).toEqual([
      2, 1, 1,
    ]);
  });

  it('pairs pyramided entries that share an entry bar in order', () => {
    const a = trade(1, 0, { qty: 1 });
    const b = trade(2, 0, { direction: 'long', qty: 2 });
    const report = compareTrades([a, b], [a, b], opts);
    expect(report.grade).toBe('exact');
  });
});

describe('compareTrades: the export window', () => {
  it("our trades before TradingView's first entry or after its last time are outside, not counted", () => {
    const early = trade(7, -20, { direction: 'long' });
    const late = trade(8, 100, { direction: 'short' });
    const report = compareTrades(tv, [early, ...tv, late], opts);
    expect(report.grade).toBe('exact');
    expect(report.outsideWindow).toEqual({ expected: 0, actual: 2 });
    expect(report.window).toEqual({ from: T0, to: T0 + 24 * M15 });
  });

  it('is clipped to the bars our run had: TradingView trades before our data are outside', () => {
    const report = compareTrades(tv, [tv[1], tv[2]], {
      ...opts,
      dataRange: { from: T0 + 5 * M15, to: T0 + 1000 * M15 },
    });
    expect([report.grade, report.expectedCount, report.outsideWindow.expected]).toEqual(['exact', 2, 1]);
  });
});

describe('compareTrades: open trades', () => {
  const open = {
    ...tv[2],
    open: true,
    exitSignal: 'Open',
    exitTime: T0 + 30 * M15,
    exitPrice: 1900,
    profit: 97,
  };
  it('TradingView open at its last bar, ours still open later: exit and P&L not compared', () => {
    const ours = { ...tv[2], open: true, exitTime: T0 + 50 * M15, exitPrice: 1950, profit: 147 };
    expect(compareTrades([tv[0], tv[1], open], [tv[0], tv[1], ours], opts).grade).toBe('exact');
  });
  it('ours closed inside the window while TradingView kept it open: field open differs', () => {
    const report = compareTrades([tv[0], tv[1], open], tv, opts);
    expect(report.firstDivergence?.differences).toEqual([
      { field: 'open', expected: 1, actual: 0, tolerance: 0 },
    ]);
  });
});

describe('grading thresholds', () => {
  const many = Array.from({ length: 100 }, (_, i) => trade(i + 1, i * 10));
  it('1 of 100 missing: count Δ 1 % → excellent; 3 missing → strong; 15 → weak; 25 → mismatch', () => {
    const grade = (missing: number) => compareTrades(many, many.slice(missing), opts).grade;
    expect([grade(1), grade(3), grade(15), grade(25)]).toEqual(['excellent', 'strong', 'weak', 'mismatch']);
  });
  it('P&L off by 2 % on every trade → strong (1 % < 2 % ≤ 5 %)', () => {
    const ours = many.map((t) => ({ ...t, profit: t.profit * 1.02 }));
    expect(compareTrades(many, ours, opts).grade).toBe('strong');
  });
  it('decideGrade and p90 (nearest rank)', () => {
    expect(p90([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([])).toBe(0);
    const zero = { countDelta: 0, unpaired: 0, entryPriceP90: 0, exitPriceP90: 0, pnlP90: 0 };
    expect(decideGrade({ ...zero, exitPriceP90: 0.0002 }, false, 1)).toBe('strong');
    expect(decideGrade({ ...zero, exitPriceP90: 0.001 }, false, 1)).toBe('weak');
  });
});
