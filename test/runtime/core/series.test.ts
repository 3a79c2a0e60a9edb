import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOL_NA,
  BarClock,
  BoolSeries,
  FloatSeries,
  PineRuntimeError,
  RefSeries,
} from '../../../src/runtime/index.js';

/** One bar of a random script: the values assigned on that bar (none = the scope did not run). */
const barsArb = fc.array(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constant(NaN)), { maxLength: 3 }), {
  minLength: 1,
  maxLength: 200,
});

describe('FloatSeries equals a plain-array history', () => {
  it('for any pattern of assignments, repeated assignments and skipped bars', () => {
    fc.assert(
      fc.property(barsArb, fc.integer({ min: 1, max: 40 }), (bars, lookback) => {
        const clock = new BarClock();
        const s = new FloatSeries(clock, lookback);
        const reference: number[] = []; // one entry per bar on which the variable was assigned
        bars.forEach((assignments, bar) => {
          clock.bar = bar;
          // Before this bar's assignment, x[1] is the last assigned value.
          const before = reference.length > 0 ? reference[reference.length - 1] : NaN;
          expect(Object.is(s.get(1), before)).toBe(true);
          for (const v of assignments) s.set(v);
          if (assignments.length > 0) reference.push(assignments[assignments.length - 1]);
          // `current` (what generated code reads for `x`) is x[0] once the bar's value is assigned.
          if (assignments.length > 0) expect(Object.is(s.current, s.get(0))).toBe(true);
          for (let n = 0; n <= Math.min(lookback, s.capacity - 1); n++) {
            const written = assignments.length > 0;
            const k = written ? n : n - 1;
            const expected = k >= 0 && k < reference.length ? reference[reference.length - 1 - k] : NaN;
            expect(Object.is(s.get(n), expected)).toBe(true);
          }
        });
        expect(s.length).toBe(reference.length);
      }),
    );
  });

  it('carry() gives var semantics: the value persists across bars and history follows', () => {
    const clock = new BarClock();
    const count = new FloatSeries(clock, 3);
    // Pine: var count = 0; if bar_index % 2 == 0 { count += 1 }
    const seen: number[] = [];
    for (let bar = 0; bar < 6; bar++) {
      clock.bar = bar;
      if (bar === 0) count.set(0);
      count.carry();
      if (bar % 2 === 0) count.set(count.get(0) + 1);
      expect(count.current).toBe(count.get(0));
      seen.push(count.get(0), count.get(1));
    }
    // bar: 0 → 1 (prev na), 1 → 1 (prev 1), 2 → 2 (1), 3 → 2 (2), 4 → 3 (2), 5 → 3 (3)
    expect(seen).toEqual([1, NaN, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3]);
  });

  it("halts with TradingView's max_bars_back error beyond the kept history", () => {
    const clock = new BarClock();
    const s = new FloatSeries(clock, 3); // capacity 4
    for (let bar = 0; bar < 10; bar++) {
      clock.bar = bar;
      s.set(bar);
    }
    expect(s.get(3)).toBe(6);
    expect(() => s.get(4)).toThrow(PineRuntimeError);
    expect(s.get(-1)).toBeNaN();
  });
});

describe('BoolSeries and RefSeries', () => {
  it('bool history is false before the first bar in v6 and na in v5', () => {
    const clock = new BarClock();
    const v6 = new BoolSeries(clock, 2);
    const v5 = new BoolSeries(clock, 2, true);
    clock.bar = 0;
    v6.set(true);
    v5.set(true);
    expect(v6.get(1)).toBe(false);
    expect(v6.code(1)).toBe(0);
    expect(v5.code(1)).toBe(BOOL_NA);
    clock.bar = 1;
    v5.setCode(BOOL_NA);
    expect(v5.get(0)).toBe(false);
    expect(v5.current).toBe(false); // na reads as false, as get(0)
    expect(v5.code(0)).toBe(BOOL_NA);
    expect(v5.get(1)).toBe(true);
  });

  it('string history uses null for na', () => {
    const clock = new BarClock();
    const s = new RefSeries<string>(clock, 2);
    clock.bar = 0;
    s.set('a');
    clock.bar = 1;
    s.carry();
    expect(s.current).toBe('a'); // a carried `var` reads its last value
    clock.bar = 2;
    s.set('c');
    expect(s.current).toBe('c');
    expect([s.get(0), s.get(1), s.get(2), s.get(3)]).toEqual(['c', 'a', 'a', null]);
  });
});

describe('runtime.error', () => {
  it('halts with the user message', async () => {
    const { runtimeError } = await import('../../../src/runtime/index.js');
    expect(() => runtimeError('bad input')).toThrow(/bad input/);
  });
});
