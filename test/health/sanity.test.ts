import { describe, expect, it } from 'vitest';
import { healthCodes } from '../../src/diagnostics/codes/health.js';
import {
  checkHealth,
  identicalRuns,
  sanityFigures,
  type Snapshot,
  type TradeRow,
} from '../../src/health/index.js';
import { lastFillDifference, tradesUpTo } from '../../src/health/compare.js';
import { variations } from '../../src/health/inputs.js';
import { ethBars, fixture } from './feed.js';

function row(entryBar: number, exitBar: number, qty = 1, entryId = 'L'): TradeRow {
  return {
    entryBar,
    entryId,
    direction: 1,
    entryPrice: 100 + entryBar,
    qty,
    exitBar,
    exitId: exitBar < 0 ? '' : 'X',
    exitPrice: exitBar < 0 ? Number.NaN : 200 + exitBar,
  };
}

function snapshot(trades: TradeRow[], plots: number[][], to = 10): Snapshot {
  return {
    from: 0,
    to,
    trades,
    plotTitles: plots.map((_, i) => `p${i}`),
    plots: plots.map((p) => Float64Array.from(p)),
    error: undefined,
    marginCalls: 0,
    brokerCodes: [],
  };
}

describe('trade comparison at a cut', () => {
  it('parts of one entry split by partial exits after the cut merge into one open trade', () => {
    // Full run: one entry of 2 at bar 3, half closed at bar 5, half at bar 8. A run cut after bar 4
    // holds a single open trade of 2; cut after bar 6, the closed half and an open half.
    const full = [row(3, 5), row(3, 8)];
    expect(tradesUpTo(full, 4)).toEqual([{ ...row(3, -1), qty: 2 }]);
    expect(tradesUpTo(full, 6)).toEqual([row(3, 5), row(3, -1)]);
  });

  it('warm-up fills: disagreement before matching fills settles, at the last fill it does not', () => {
    const reference = [row(1, 2), row(4, 6), row(7, 9)];
    // The later run missed the first trade only: the last difference is the exit at bar 2.
    const settled = lastFillDifference(reference, [row(4, 6), row(7, 9)], 0);
    expect(settled?.difference.bar).toBe(2);
    expect(settled?.tailMatched).toBe(true);
    // Its last exit differs: nothing agrees after the difference.
    const unsettled = lastFillDifference(reference, [row(1, 2), row(4, 6), row(7, 8)], 0);
    expect(unsettled?.difference.bar).toBe(9);
    expect(unsettled?.tailMatched).toBe(false);
    expect(lastFillDifference(reference, reference, 0)).toBeUndefined();
  });
});

describe('sanity figures', () => {
  it('exposure counts bars held at their close; na and infinite plot values are counted', () => {
    // Bars 2..4 held by the first trade (exit on bar 5), 4..9 by the open one: 8 of 10 bars.
    const run = snapshot([row(2, 5), row(4, -1)], [[1, Number.NaN, Infinity, -Infinity, 5, 6, 7, 8, 9, 10]]);
    const figures = sanityFigures(run, 3);
    expect(figures.exposure).toBe(0.8);
    expect(figures.closedTrades).toBe(1);
    expect(figures.openTrades).toBe(1);
    expect(figures.tradesInWarmup).toBe(1);
    expect(figures.plots).toEqual([{ title: 'p0', values: 9, na: 1, infinite: 2 }]);
  });

  it('identical runs are identical; one changed plot value is not', () => {
    const a = snapshot([row(1, 2)], [[1, 2, 3]], 3);
    expect(identicalRuns(a, snapshot([row(1, 2)], [[1, 2, 3]], 3))).toBe(true);
    expect(identicalRuns(a, snapshot([row(1, 2)], [[1, 2, 3.0000001]], 3))).toBe(false);
    expect(identicalRuns(a, snapshot([row(1, 3)], [[1, 2, 3]], 3))).toBe(false);
  });
});

describe('dead inputs', () => {
  it('values tried: min, max, midpoint (rounded for ints), the other bool, other options', () => {
    const base = { name: 'n', variable: 'n', function: 'input.int', title: 'n', line: 1, key: 'n' } as const;
    expect(variations({ ...base, type: 'int', default: 20, minval: 5, maxval: 50 }, 20)).toEqual([5, 50, 28]);
    // No bounds: half and double the value, midpoint of those.
    expect(variations({ ...base, type: 'float', default: 2 }, 2)).toEqual([1, 4, 2.5]);
    expect(variations({ ...base, type: 'bool', default: true }, true)).toEqual([false]);
    expect(
      variations({ ...base, type: 'string', default: 'EMA', options: ['SMA', 'EMA', 'WMA'] }, 'EMA'),
    ).toEqual(['SMA', 'WMA']);
    expect(variations({ ...base, type: 'color', default: '#ff0000' }, '#ff0000')).toEqual([]);
  });

  it('an unread input and a colour-only input are dead, the SMA length is not', async () => {
    const { file, source } = fixture('dead-input');
    const { report } = await checkHealth(source, ethBars(800), { file, maxCuts: 0, offsets: [0] });
    expect(report?.sanity?.inputs?.tested).toEqual(['len', 'unused', 'showRed']);
    expect(report?.sanity?.inputs?.dead).toEqual(['unused', 'showRed']);
    const dead = report?.findings.filter((d) => d.code === healthCodes.deadInput.code) ?? [];
    expect(dead.map((d) => d.span?.line)).toEqual([6, 7]);
  });
});
