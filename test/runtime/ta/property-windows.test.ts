import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as ta from '../../../src/runtime/ta/index.js';
import { check, expectSameSeries, lengths, series } from './property-helpers.js';
import {
  naiveCog,
  naiveCorrelation,
  naiveDev,
  naiveEma,
  naiveExtreme,
  naiveLinearInterpolation,
  naiveLinreg,
  naiveMedian,
  naiveMode,
  naiveNearestRank,
  naivePercentrank,
  naiveRci,
  naiveSma,
  naiveVariance,
  naiveWma,
} from './naive.js';

// Every windowed built-in equals its plain O(length) definition (naive.ts) on random series with na
// gaps and with constant or per-bar-changing lengths.
const input = fc.tuple(series, lengths);

describe('windowed ta.* equal their naive definitions', () => {
  it('sma', () => {
    check(input, ([xs, len]) => {
      const s = new ta.Sma();
      expectSameSeries(
        xs.length,
        (i) => s.update(xs[i], len(i)),
        (i) => naiveSma(xs, i, len(i)),
      );
    });
  });

  it('ema and rma (constant length: both are recursions seeded once)', () => {
    check(fc.tuple(series, fc.integer({ min: 1, max: 12 })), ([xs, n]) => {
      const e = new ta.Ema();
      const r = new ta.Rma();
      expectSameSeries(
        xs.length,
        (i) => e.update(xs[i], n),
        (i) => naiveEma(xs, i, n, 'ema'),
      );
      expectSameSeries(
        xs.length,
        (i) => r.update(xs[i], n),
        (i) => naiveEma(xs, i, n, 'rma'),
      );
    });
  });

  it('wma', () => {
    check(input, ([xs, len]) => {
      const w = new ta.Wma();
      expectSameSeries(
        xs.length,
        (i) => w.update(xs[i], len(i)),
        (i) => naiveWma(xs, i, len(i)),
      );
    });
  });

  it('variance (biased and unbiased), stdev, dev', () => {
    check(input, ([xs, len]) => {
      const biased = new ta.Variance();
      const unbiased = new ta.Variance();
      const stdev = new ta.Stdev();
      const dev = new ta.Dev();
      // Variance is q/n − m² (TradingView's form): its cancellation error is ~1e-15 absolute on these
      // magnitudes, far inside the tolerance; a square root would magnify it, so stdev is checked squared.
      expectSameSeries(
        xs.length,
        (i) => biased.update(xs[i], len(i)),
        (i) => naiveVariance(xs, i, len(i), true),
      );
      expectSameSeries(
        xs.length,
        (i) => unbiased.update(xs[i], len(i), false),
        (i) => naiveVariance(xs, i, len(i), false),
      );
      expectSameSeries(
        xs.length,
        (i) => stdev.update(xs[i], len(i)) ** 2,
        (i) => naiveVariance(xs, i, len(i), true),
      );
      expectSameSeries(
        xs.length,
        (i) => dev.update(xs[i], len(i)),
        (i) => naiveDev(xs, i, len(i)),
      );
    });
  });

  it('highest, lowest, highestbars, lowestbars, range', () => {
    check(input, ([xs, len]) => {
      const hi = new ta.Highest();
      const lo = new ta.Lowest();
      const hib = new ta.Highestbars();
      const lob = new ta.Lowestbars();
      const range = new ta.Range();
      const warm = (i: number, v: number): number => (i + 1 < len(i) ? NaN : v);
      expectSameSeries(
        xs.length,
        (i) => hi.update(xs[i], len(i)),
        (i) => warm(i, naiveExtreme(xs, i, len(i), true, false).value),
      );
      expectSameSeries(
        xs.length,
        (i) => lo.update(xs[i], len(i)),
        (i) => warm(i, naiveExtreme(xs, i, len(i), false, false).value),
      );
      expectSameSeries(
        xs.length,
        (i) => hib.update(xs[i], len(i)),
        (i) => warm(i, -naiveExtreme(xs, i, len(i), true, false).offset),
      );
      expectSameSeries(
        xs.length,
        (i) => lob.update(xs[i], len(i)),
        (i) => warm(i, -naiveExtreme(xs, i, len(i), false, false).offset),
      );
      expectSameSeries(
        xs.length,
        (i) => range.update(xs[i], len(i)),
        (i) =>
          Number.isNaN(xs[i])
            ? NaN
            : warm(
                i,
                naiveExtreme(xs, i, len(i), true, false).value -
                  naiveExtreme(xs, i, len(i), false, false).value,
              ),
      );
    });
  });

  it('pivothigh and pivotlow', () => {
    const strengths = fc.tuple(series, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));
    check(strengths, ([xs, left, right]) => {
      const ph = new ta.Pivothigh();
      const pl = new ta.Pivotlow();
      const expected = (i: number, high: boolean): number => {
        if (i < left + right || Number.isNaN(xs[i])) return NaN;
        const e = naiveExtreme(xs, i, left + right + 1, high, true);
        return e.offset === right ? e.value : NaN;
      };
      expectSameSeries(
        xs.length,
        (i) => ph.update(xs[i], left, right),
        (i) => expected(i, true),
      );
      expectSameSeries(
        xs.length,
        (i) => pl.update(xs[i], left, right),
        (i) => expected(i, false),
      );
    });
  });

  it('median and mode', () => {
    check(input, ([xs, len]) => {
      const median = new ta.Median();
      const mode = new ta.Mode();
      expectSameSeries(
        xs.length,
        (i) => median.update(xs[i], len(i)),
        (i) => naiveMedian(xs, i, len(i)),
      );
      expectSameSeries(
        xs.length,
        (i) => mode.update(xs[i], len(i)),
        (i) => naiveMode(xs, i, len(i)),
      );
    });
  });

  it('percentile_nearest_rank, percentile_linear_interpolation, percentrank', () => {
    const pct = fc.constantFrom(0, 10, 25, 33, 50, 70, 90, 100);
    check(fc.tuple(series, lengths, pct), ([xs, len, p]) => {
      const nr = new ta.PercentileNearestRank();
      const li = new ta.PercentileLinearInterpolation();
      const pr = new ta.Percentrank();
      expectSameSeries(
        xs.length,
        (i) => nr.update(xs[i], len(i), p),
        (i) => naiveNearestRank(xs, i, len(i), p),
      );
      expectSameSeries(
        xs.length,
        (i) => li.update(xs[i], len(i), p),
        (i) => naiveLinearInterpolation(xs, i, len(i), p),
      );
      expectSameSeries(
        xs.length,
        (i) => pr.update(xs[i], len(i)),
        (i) => naivePercentrank(xs, i, len(i)),
      );
    });
  });

  it('linreg and cog (an na bar repeats the last value)', () => {
    const holdOnNa = (xs: number[], f: (i: number) => number) => (i: number) => {
      let k = i;
      while (k > 0 && Number.isNaN(xs[k])) k--;
      return f(k);
    };
    check(
      fc.tuple(series, fc.integer({ min: 2, max: 12 }), fc.integer({ min: -3, max: 5 })),
      ([xs, n, offset]) => {
        const lr = new ta.Linreg();
        const cog = new ta.Cog();
        expectSameSeries(
          xs.length,
          (i) => lr.update(xs[i], n, offset),
          holdOnNa(xs, (k) => naiveLinreg(xs, k, n, offset)),
          1e-8,
        );
        expectSameSeries(
          xs.length,
          (i) => cog.update(xs[i], n),
          holdOnNa(xs, (k) => naiveCog(xs, k, n)),
        );
      },
    );
  });

  it('correlation', () => {
    const pair = fc.tuple(
      series,
      fc.array(fc.double({ min: 0.5, max: 4, noNaN: true }), { minLength: 60, maxLength: 60 }),
    );
    check(fc.tuple(pair, fc.integer({ min: 2, max: 12 })), ([[xs, raw], n]) => {
      const ys = xs.map((x, i) => (Number.isNaN(x) ? NaN : raw[i]));
      const corr = new ta.Correlation();
      expectSameSeries(
        xs.length,
        (i) => corr.update(xs[i], ys[i], n),
        (i) => naiveCorrelation(xs, ys, i, n),
        1e-6,
      );
    });
  });

  it('rci', () => {
    check(fc.tuple(series, fc.integer({ min: 2, max: 12 })), ([xs, n]) => {
      const rci = new ta.Rci();
      expectSameSeries(
        xs.length,
        (i) => rci.update(xs[i], n),
        (i) => naiveRci(xs, i, n),
      );
    });
  });
});
