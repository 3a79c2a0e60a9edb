import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  div,
  divConstIntV5,
  eq,
  ge,
  gt,
  le,
  lt,
  math,
  mod,
  roundToMintick,
  str,
  symbolInfo,
} from '../../../src/runtime/index.js';

describe("TradingView's comparison tolerance (absolute 1e-10, boundary equal)", () => {
  it('treats differences up to 1e-10 as equal at any magnitude', () => {
    expect(eq(0.1 + 0.2, 0.3)).toBe(true); // differ by 5.6e-17
    expect(eq(0, 1e-10)).toBe(true); // a difference of exactly 1e-10 is still equal
    expect(eq(1, 1 + 1e-10)).toBe(false); // 1 + 1e-10 is stored 1.0000000827e-10 above 1: just outside
    expect(eq(1e6, 1e6 + 5e-11)).toBe(true);
    expect(eq(1, 1 + 3e-10)).toBe(false);
    expect(eq(NaN, NaN)).toBe(false); // na compares false
    expect(lt(1, 1 + 5e-11)).toBe(false); // within tolerance: not less
    expect(le(1 + 5e-11, 1)).toBe(true);
    expect(gt(1 + 2e-10, 1)).toBe(true);
    expect(ge(1 - 5e-11, 1)).toBe(true);
  });
});

describe('division and remainder', () => {
  it('gives na on a zero divisor and truncates v5 const-int division', () => {
    expect(div(1, 0)).toBeNaN();
    expect(div(5, 2)).toBe(2.5); // v6 (and any non-const int in v5)
    expect(divConstIntV5(5, 2)).toBe(2);
    expect(divConstIntV5(-5, 2)).toBe(-2); // toward zero
    expect(mod(-5, 3)).toBe(-2); // sign of the dividend
    expect(mod(5.5, 2)).toBe(1.5);
    expect(mod(1, 0)).toBeNaN();
  });
});

describe('math.round', () => {
  it('rounds half away from zero', () => {
    expect([0.5, 1.5, 2.5, -0.5, -2.5, 2.4999].map((x) => math.round(x))).toEqual([1, 2, 3, -1, -3, 2]);
    expect(math.round(NaN)).toBeNaN();
  });

  it('counts a scaled value within 1e-10 of the tie as the tie', () => {
    // 1.005 is stored as 1.00499999999999989…; ×100 = 100.49999999999999 is 1e-14 short of the tie → 1.01.
    expect(math.round(1.005, 2)).toBe(1.01);
    // PyneCore's measured TradingView case: 118152.265 → 118152.27 (5.8e-11 short of the tie).
    expect(math.round(118152.265, 2)).toBe(118152.27);
    // 2.675 (2.67499999999999982) → 2.68 by the same rule; 2.6749 stays 2.67.
    expect(math.round(2.675, 2)).toBe(2.68);
    expect(math.round(2.6749, 2)).toBe(2.67);
    expect(math.round(-1.005, 2)).toBe(-1.01);
  });

  it('round_to_mintick follows int(x / mintick + 0.5) · minmove / pricescale', () => {
    const tick01 = symbolInfo({ mintick: 0.01 });
    expect(tick01.pricescale).toBe(100);
    // 1.235 / 0.01 = 123.50000000000001 → +0.5 → trunc 124 → 1.24
    expect(math.round_to_mintick(1.235, tick01)).toBe(1.24);
    expect(math.round_to_mintick(1.2349, tick01)).toBe(1.23);
    // QM1!-style tick 0.025 = 25 / 1000: 10.0124 → 400.496 + 0.5 → 400 → 10.0; 10.013 → 401 → 10.025
    const quarter = symbolInfo({ mintick: 0.025 });
    expect([quarter.minmove, quarter.pricescale]).toEqual([25, 1000]);
    expect(math.round_to_mintick(10.0124, quarter)).toBe(10);
    expect(math.round_to_mintick(10.013, quarter)).toBe(10.025);
    expect(roundToMintick(NaN, 1, 100)).toBeNaN();
  });
});

describe('other math.*', () => {
  it('propagates na through max/min/avg and keeps pow shortcuts exact', () => {
    expect(math.max(1, 5, 3)).toBe(5);
    expect(math.max(1, NaN)).toBeNaN();
    expect(math.min2(2, -1)).toBe(-1);
    expect(math.avg(1, 2, 3, 4)).toBe(2.5);
    expect(math.avg(1, NaN)).toBeNaN();
    expect(math.pow(3, 2)).toBe(9);
    expect(math.pow(2, 0.5)).toBe(Math.SQRT2);
    expect(math.sign(-3)).toBe(-1);
    expect(math.todegrees(Math.PI)).toBe(180);
  });

  it('math.random follows java.util.Random: seed 42 gives 0.7275636800328681, then 0.6832234717598454', () => {
    // The first two nextDouble() values of `new java.util.Random(42)` (Java SE spec LCG).
    const r = new math.PineRandom();
    expect(r.next(0, 1, 42)).toBe(0.7275636800328681);
    expect(r.next(0, 1, 42)).toBe(0.6832234717598454);
    const scaled = new math.PineRandom();
    expect(scaled.next(10, 20, 42)).toBeCloseTo(17.27563680032868, 12);
  });

  it('math.sum is a rolling sum of the last `length` non-na values', () => {
    const sum = new math.MathSum();
    const xs = [1, 2, NaN, 3, NaN, 4, 5];
    // na bars are skipped and repeat the last sum: [1,2,3] = 6 at x=3 and on the na after it, [2,3,4] = 9, [3,4,5] = 12
    expect(xs.map((x) => sum.update(x, 3))).toEqual([NaN, NaN, NaN, 6, 6, 9, 12]);
  });

  it('math.sum and ta.sma hold their value on na bars (TradingView log, PyneCore test_002_math_sum_na.txt)', () => {
    // src = bar_index % 3 == 2 ? 1 : na; log of ta.sma(src, 2) and math.sum(src, 2) for bars 0..9
    const sum = new math.MathSum();
    const logged: string[] = [];
    for (let bar = 0; bar < 10; bar++) {
      const src = bar % 3 === 2 ? 1 : NaN;
      const t2 = sum.update(src, 2);
      logged.push(str.strFormat('t2: {0}', [t2]));
    }
    expect(logged).toEqual([...Array<string>(5).fill('t2: NaN'), ...Array<string>(5).fill('t2: 2')]);
  });
});

describe('math.sum property', () => {
  it('equals a naive sum of the last `length` non-na values on random series with gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 30 }),
        (xs, length) => {
          const sum = new math.MathSum();
          const kept: number[] = [];
          let previous = NaN;
          for (const x of xs) {
            const got = sum.update(x, length);
            const last = previous;
            previous = got;
            if (x !== x) {
              // An na bar repeats the previous result (na during warm-up).
              if (kept.length < length) expect(got).toBeNaN();
              else expect(got).toBe(last);
              continue;
            }
            kept.push(x);
            if (kept.length < length) {
              expect(got).toBeNaN();
              continue;
            }
            let naive = 0;
            let scale = 0;
            for (const v of kept.slice(-length)) {
              naive += v;
              scale += Math.abs(v);
            }
            expect(Math.abs(got - naive)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
          }
        },
      ),
    );
  });
});
