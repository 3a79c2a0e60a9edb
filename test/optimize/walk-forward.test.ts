import { describe, expect, it } from 'vitest';
import {
  addDuration,
  createSampler,
  parseWindowLength,
  runWalkForward,
  stitchEquity,
  walkForwardWindows,
} from '../../src/optimize/index.js';
import type { BarRange, TrialMetrics, WindowLength } from '../../src/optimize/index.js';
import { objective, space } from './helpers.js';

const bars = (n: number): WindowLength => ({ bars: n });
const spans = (w: ReturnType<typeof walkForwardWindows>['windows']): number[][] =>
  w.map((x) => [x.train.from, x.train.to, x.test.from, x.test.to, x.warmupFrom]);

describe('walk-forward windows', () => {
  it('rolling and anchored windows by bars (hand-checked)', () => {
    const times = Array.from({ length: 100 }, (_, i) => i * 60_000);
    // Train 40, test 20: tests at [40,60), [60,80), [80,100); rolling trains start 0, 20, 40.
    expect(spans(walkForwardWindows(times, { train: bars(40), test: bars(20) }).windows)).toEqual([
      [0, 40, 40, 60, 0],
      [20, 60, 60, 80, 20],
      [40, 80, 80, 100, 40],
    ]);
    expect(
      spans(
        walkForwardWindows(times, { train: bars(40), test: bars(20), anchored: true, warmupBars: 10 })
          .windows,
      ),
    ).toEqual([
      [0, 40, 40, 60, 30],
      [0, 60, 60, 80, 50],
      [0, 80, 80, 100, 70],
    ]);
    // 99 bars: the last test window would be incomplete and is dropped.
    expect(walkForwardWindows(times.slice(0, 99), { train: bars(40), test: bars(20) }).windows).toHaveLength(
      2,
    );
    expect(
      walkForwardWindows(times.slice(0, 50), { train: bars(40), test: bars(20) }).diagnostics[0].code,
    ).toBe('PP7051');
  });

  it('calendar windows: 3M train, 1M test over the daily bars of 2024', () => {
    const day = 86_400_000;
    const jan1 = Date.UTC(2024, 0, 1);
    const times = Array.from({ length: 366 }, (_, i) => jan1 + i * day);
    const { windows } = walkForwardWindows(times, {
      train: { duration: { amount: 3, unit: 'M' } },
      test: { duration: { amount: 1, unit: 'M' } },
    });
    // Day-of-year indexes of the 1st of each month in 2024 (a leap year): Feb 31, Mar 60, Apr 91,
    // May 121, Jun 152, Jul 182, Aug 213, Sep 244, Oct 274, Nov 305, Dec 335, next Jan 366.
    const firsts = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];
    expect(windows).toHaveLength(9);
    windows.forEach((w, k) => {
      expect([w.train.from, w.train.to, w.test.from, w.test.to]).toEqual([
        firsts[k],
        firsts[k + 3],
        firsts[k + 3],
        firsts[k + 4],
      ]);
    });
    const anchored = walkForwardWindows(times, {
      train: { duration: { amount: 3, unit: 'M' } },
      test: { duration: { amount: 2, unit: 'W' } },
      anchored: true,
    });
    expect(anchored.windows[0].test).toEqual({ from: 91, to: 105 });
    expect(anchored.windows[1].train).toEqual({ from: 0, to: 105 });
  });

  it('parses durations and adds calendar months with day clamping', () => {
    expect(parseWindowLength('6M').length).toEqual({ duration: { amount: 6, unit: 'M' } });
    expect(parseWindowLength('30d').length).toEqual({ duration: { amount: 30, unit: 'D' } });
    expect(parseWindowLength('90m').length).toEqual({ duration: { amount: 90, unit: 'm' } });
    expect(parseWindowLength('5000').length).toEqual({ bars: 5000 });
    expect(parseWindowLength('5000b').length).toEqual({ bars: 5000 });
    expect(parseWindowLength('six months').diagnostics[0]).toMatchObject({ code: 'PP7050' });
    expect(new Date(addDuration(Date.UTC(2024, 0, 31), { amount: 1, unit: 'M' })).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(new Date(addDuration(Date.UTC(2024, 1, 29), { amount: 1, unit: 'Y' })).toISOString()).toBe(
      '2025-02-28T00:00:00.000Z',
    );
  });
});

describe('walk-forward run', () => {
  it('optimises in sample, tests out of sample with warm-up, stitches and measures', async () => {
    const times = Array.from({ length: 100 }, (_, i) => i * 60_000);
    const { windows } = walkForwardWindows(times, { train: bars(40), test: bars(20) });
    const s = space([{ name: 'x', type: 'int', default: 0, minval: 0, maxval: 10 }]);
    const calls: BarRange[] = [];
    // The best x is the training start / 10 (0, 2, 4); out of sample earns half the in-sample rate.
    const evaluate = (p: Readonly<Record<string, unknown>>, range?: BarRange): TrialMetrics => {
      const r = range!;
      calls.push(r);
      const n = r.to - r.from;
      const fit = 1 - ((p.x as number) - r.warmupFrom / 10) ** 2 / 100;
      const oos = r.from !== r.warmupFrom;
      return {
        metrics: { net_profit_pct: (n / 10) * fit * (oos ? 0.5 : 1) },
        equity: Array.from({ length: n }, (_, i) => 100 * (1 + 0.01 * (i + 1))),
        trades: [{ at: r.from }],
      };
    };
    const result = await runWalkForward({
      windows,
      space: s,
      objectives: [objective('net_profit_pct')],
      evaluator: { evaluate },
      makeSampler: () => createSampler('grid', s, { seed: 0, directions: ['maximize'] }).sampler!,
      samplerName: 'grid',
      seed: 0,
      trials: 100,
      batchSize: 11,
    });
    expect(result.windows.map((w) => w.inSample?.params.x)).toEqual([0, 2, 4]);
    expect(result.windows.map((w) => w.trialsRun)).toEqual([11, 11, 11]);
    // In-sample ranges measure the training bars; out-of-sample ranges warm up from the training start.
    expect(calls.filter((c) => c.from !== c.warmupFrom)).toEqual([
      { warmupFrom: 0, from: 40, to: 60 },
      { warmupFrom: 20, from: 60, to: 80 },
      { warmupFrom: 40, from: 80, to: 100 },
    ]);
    expect(result.windows.map((w) => w.outOfSample?.values[0])).toEqual([1, 1, 1]);
    // (1 / 20 bars) / (4 / 40 bars) = 0.5 per window and pooled.
    expect(result.windows.map((w) => w.efficiency)).toEqual([0.5, 0.5, 0.5]);
    expect(result.efficiency).toBe(0.5);
    // x = 0, 2, 4: mean 2, sample std 2, CV 1.
    expect(result.stability).toEqual([
      { name: 'x', kind: 'numeric', values: [0, 2, 4], mean: 2, std: 2, cv: 1 },
    ]);
    expect(result.stitchedEquity).toHaveLength(60);
    expect(result.stitchedEquity[20]).toBeCloseTo(result.stitchedEquity[19], 12);
    expect(result.stitchedEquity[59]).toBeCloseTo(120 ** 3 / 101 ** 2, 9);
    expect(result.stitchedTrades).toEqual([
      { window: 0, trade: { at: 40 } },
      { window: 1, trade: { at: 60 } },
      { window: 2, trade: { at: 80 } },
    ]);
  });

  it('stitchEquity chains curves', () => {
    expect(stitchEquity([[100, 110], undefined, [50, 40]])).toEqual([100, 110, 110, 88]);
  });
});
