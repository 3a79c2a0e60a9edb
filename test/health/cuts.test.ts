import { describe, expect, it } from 'vitest';
import { chooseCuts, type Snapshot } from '../../src/health/index.js';

function run(to: number, entries: number[]): Snapshot {
  return {
    from: 0,
    to,
    trades: entries.map((bar) => ({
      entryBar: bar,
      entryId: 'L',
      direction: 1,
      entryPrice: 1,
      qty: 1,
      exitBar: bar + 3,
      exitId: 'X',
      exitPrice: 2,
    })),
    plotTitles: [],
    plots: [],
    error: undefined,
    marginCalls: 0,
    brokerCodes: [],
  };
}

describe('look-ahead cuts', () => {
  it('seeded: the same seed gives the same cuts, another seed other random ones', () => {
    const full = run(1000, [100, 400]);
    expect(chooseCuts(full, 20, 7)).toEqual(chooseCuts(full, 20, 7));
    expect(chooseCuts(full, 20, 7)).not.toEqual(chooseCuts(full, 20, 8));
  });

  it('every signal bar (entry, exit and the bar before each) is cut when the budget allows', () => {
    const cuts = chooseCuts(run(1000, [100, 400]), 20, 1);
    expect(cuts).toHaveLength(20);
    for (const bar of [99, 100, 102, 103, 399, 400, 402, 403]) expect(cuts).toContain(bar);
    // Never bar 0 (nothing before it) nor the last bar (that cut is the full run).
    expect(Math.min(...cuts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...cuts)).toBeLessThanOrEqual(998);
  });

  it('a feed too short to cut gives no cuts instead of looping', () => {
    expect(chooseCuts(run(2, []), 50, 1)).toEqual([]);
    expect(chooseCuts(run(5, []), 50, 1)).toEqual([1, 2, 3]);
    expect(chooseCuts(run(1000, []), 0, 1)).toEqual([]);
  });
});
