import { describe, expect, it } from 'vitest';
import * as ta from '../../../src/runtime/ta/index.js';

// Pine halts on a length below 1 or na; the built-ins yield na for such a bar and keep their state, so
// the bars around it compute exactly as if it had not happened.
describe('invalid lengths', () => {
  const closes = [1, 2, 3, 4, 5, 6];
  const cases: Record<string, () => (x: number, n: number) => number> = {
    sma: () => {
      const s = new ta.Sma();
      return (x, n) => s.update(x, n);
    },
    ema: () => {
      const s = new ta.Ema();
      return (x, n) => s.update(x, n);
    },
    wma: () => {
      const s = new ta.Wma();
      return (x, n) => s.update(x, n);
    },
    stdev: () => {
      const s = new ta.Stdev();
      return (x, n) => s.update(x, n);
    },
    highest: () => {
      const s = new ta.Highest();
      return (x, n) => s.update(x, n);
    },
    median: () => {
      const s = new ta.Median();
      return (x, n) => s.update(x, n);
    },
    linreg: () => {
      const s = new ta.Linreg();
      return (x, n) => s.update(x, n, 0);
    },
    rci: () => {
      const s = new ta.Rci();
      return (x, n) => s.update(x, n);
    },
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: na for length 0, -3 and na; later bars unaffected`, () => {
      const clean = make();
      const interrupted = make();
      const expected = closes.map((x) => clean(x, 3));
      const got: number[] = [];
      closes.forEach((x, i) => {
        if (i === 3) {
          expect(interrupted(x, 0)).toBeNaN();
          expect(interrupted(x, -3)).toBeNaN();
          expect(interrupted(x, NaN)).toBeNaN();
        }
        got.push(interrupted(x, 3));
      });
      expect(got).toEqual(expected);
    });
  }

  it('valuewhen with an na occurrence is na', () => {
    const v = new ta.Valuewhen();
    v.update(true, 5, 0);
    expect(v.update(true, 6, NaN)).toBeNaN();
    // The condition was true on that bar, so 6 is still recorded: occurrence 1 is the older 5.
    expect(v.update(false, 7, 1)).toBe(5);
  });
});
