import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as ta from '../../../src/runtime/ta/index.js';
import { check, denseSeries, expectSameSeries, series } from './property-helpers.js';
import { barWindow, compacted, naiveEma, naiveExtreme, naiveSma } from './naive.js';

// The bar-to-bar built-ins against their plain definitions on random series with na gaps.
const len = fc.integer({ min: 1, max: 10 });
const bool = (b: boolean): number => (b ? 1 : 0);
const rmaOf = (values: number[], n: number): number => naiveEma(values, values.length - 1, n, 'rma');

describe('bar-to-bar ta.* equal their naive definitions', () => {
  it('change, mom, roc', () => {
    check(fc.tuple(series, len), ([xs, n]) => {
      const change = new ta.Change();
      const mom = new ta.Mom();
      const roc = new ta.Roc();
      const past = (i: number): number => (i >= n ? xs[i - n] : NaN);
      expectSameSeries(
        xs.length,
        (i) => change.update(xs[i], n),
        (i) => xs[i] - past(i),
      );
      expectSameSeries(
        xs.length,
        (i) => mom.update(xs[i], n),
        (i) => xs[i] - past(i),
      );
      expectSameSeries(
        xs.length,
        (i) => roc.update(xs[i], n),
        (i) => (100 * (xs[i] - past(i))) / past(i),
      );
    });
  });

  it('rsi: rma of gains over rma of losses between consecutive non-na values', () => {
    check(fc.tuple(series, len), ([xs, n]) => {
      const rsi = new ta.Rsi();
      const expected = (i: number): number => {
        if (Number.isNaN(xs[i])) return NaN;
        const v = compacted(xs, i);
        const deltas = v.slice(1).map((x, k) => x - v[k]);
        const up = rmaOf(
          deltas.map((d) => Math.max(d, 0)),
          n,
        );
        const down = rmaOf(
          deltas.map((d) => Math.max(-d, 0)),
          n,
        );
        if (deltas.length === 0 || Number.isNaN(up)) return NaN;
        return down === 0 ? 100 : up === 0 ? 0 : 100 - 100 / (1 + up / down);
      };
      expectSameSeries(xs.length, (i) => rsi.update(xs[i], n), expected);
    });
  });

  it('cmo: signed momentum sums over the last length momenta', () => {
    check(fc.tuple(series, len), ([xs, n]) => {
      const cmo = new ta.Cmo();
      const expected = (i: number): number => {
        const m = xs.slice(0, i + 1).map((x, k) => (k === 0 ? NaN : x - xs[k - 1]));
        if (Number.isNaN(m[i])) return NaN;
        const window = compacted(m, i).slice(-n);
        if (window.length < n) return NaN;
        const up = window.filter((d) => d >= 0).reduce((a, b) => a + b, 0);
        const down = -window.filter((d) => d < 0).reduce((a, b) => a + b, 0);
        return up + down === 0 ? NaN : (100 * (up - down)) / (up + down);
      };
      expectSameSeries(xs.length, (i) => cmo.update(xs[i], n), expected);
    });
  });

  it('stoch, wpr, atr, swma on gap-free bars', () => {
    const bars = fc.tuple(
      denseSeries,
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }),
    );
    check(fc.tuple(bars, len), ([[close, spread], n]) => {
      const high = close.map((c, i) => c + spread[i] / 16);
      const low = close.map((c, i) => c - spread[(i * 7) % 60] / 16);
      const stoch = new ta.Stoch();
      const wpr = new ta.Wpr();
      const atr = new ta.Atr();
      const swma = new ta.Swma();
      const hh = (i: number): number => (i + 1 < n ? NaN : naiveExtreme(high, i, n, true, false).value);
      const ll = (i: number): number => (i + 1 < n ? NaN : naiveExtreme(low, i, n, false, false).value);
      expectSameSeries(
        close.length,
        (i) => stoch.update(close[i], high[i], low[i], n),
        (i) => (100 * (close[i] - ll(i))) / (hh(i) - ll(i)),
      );
      expectSameSeries(
        close.length,
        (i) => wpr.update(high[i], low[i], close[i], n),
        (i) => (100 * (close[i] - hh(i))) / (hh(i) - ll(i)),
      );
      const trueRange = close.map((_, i) =>
        i === 0
          ? high[0] - low[0]
          : Math.max(high[i] - low[i], Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])),
      );
      expectSameSeries(
        close.length,
        (i) => atr.update(high[i], low[i], close[i], n),
        (i) => rmaOf(trueRange.slice(0, i + 1), n),
      );
      expectSameSeries(
        close.length,
        (i) => swma.update(close[i]),
        (i) => (i < 3 ? NaN : (close[i - 3] + 2 * close[i - 2] + 2 * close[i - 1] + close[i]) / 6),
      );
    });
  });

  it('alma and vwma', () => {
    check(
      fc.tuple(
        series,
        len,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
      ),
      ([xs, n, offset, sigma]) => {
        const alma = new ta.Alma();
        const vwma = new ta.Vwma();
        const volume = xs.map((_, i) => 1 + (i % 5));
        const expectedAlma = (i: number): number => {
          const w = barWindow(xs, i, n);
          if (w.length < n) return NaN;
          const m = offset * (n - 1);
          const s = n / sigma;
          let sum = 0;
          let norm = 0;
          w.forEach((x, k) => {
            const weight = Math.exp(-((k - m) ** 2) / (2 * s * s));
            sum += weight * x;
            norm += weight;
          });
          return sum / norm;
        };
        expectSameSeries(xs.length, (i) => alma.update(xs[i], n, offset, sigma), expectedAlma);
        const pv = xs.map((x, i) => x * volume[i]);
        expectSameSeries(
          xs.length,
          (i) => vwma.update(xs[i], volume[i], n),
          (i) => naiveSma(pv, i, n) / naiveSma(volume, i, n),
        );
      },
    );
  });

  it('crossover, crossunder, cross compare with the last bar where both were defined', () => {
    check(fc.tuple(series, series), ([a, b]) => {
      const count = Math.min(a.length, b.length);
      const over = new ta.Crossover();
      const under = new ta.Crossunder();
      const cross = new ta.Cross();
      const previous = (i: number): number => {
        for (let k = i - 1; k >= 0; k--) if (!Number.isNaN(a[k]) && !Number.isNaN(b[k])) return k;
        return -1;
      };
      const side = (i: number): number => {
        for (let k = i - 1; k >= 0; k--) {
          const d = a[k] - b[k];
          if (d > 1e-10) return 1;
          if (d < -1e-10) return -1;
        }
        return 0;
      };
      expectSameSeries(
        count,
        (i) => bool(over.update(a[i], b[i])),
        (i) => {
          const j = previous(i);
          return bool(j >= 0 && a[i] > b[i] && a[j] <= b[j]);
        },
      );
      expectSameSeries(
        count,
        (i) => bool(under.update(a[i], b[i])),
        (i) => {
          const j = previous(i);
          return bool(j >= 0 && a[i] < b[i] && a[j] >= b[j]);
        },
      );
      expectSameSeries(
        count,
        (i) => bool(cross.update(a[i], b[i])),
        (i) => bool((side(i) < 0 && a[i] > b[i]) || (side(i) > 0 && a[i] < b[i])),
      );
    });
  });

  it('rising and falling: length consecutive steps beyond 1e-10', () => {
    check(fc.tuple(series, len), ([xs, n]) => {
      const rising = new ta.Rising();
      const falling = new ta.Falling();
      const run = (i: number, sign: number): boolean => {
        for (let k = i; k > i - n; k--) if (!(k >= 1 && (xs[k] - xs[k - 1]) * sign > 1e-10)) return false;
        return true;
      };
      expectSameSeries(
        xs.length,
        (i) => bool(rising.update(xs[i], n)),
        (i) => bool(run(i, 1)),
      );
      expectSameSeries(
        xs.length,
        (i) => bool(falling.update(xs[i], n)),
        (i) => bool(run(i, -1)),
      );
    });
  });

  it('barssince, valuewhen, cum, max, min', () => {
    check(fc.tuple(series, fc.integer({ min: 0, max: 3 })), ([xs, occurrence]) => {
      const cond = xs.map((x) => !Number.isNaN(x) && x > 2);
      const since = new ta.Barssince();
      const when = new ta.Valuewhen();
      const cum = new ta.Cum();
      const max = new ta.Max();
      const min = new ta.Min();
      expectSameSeries(
        xs.length,
        (i) => since.update(cond[i]),
        (i) => {
          const last = cond.slice(0, i + 1).lastIndexOf(true);
          return last < 0 ? NaN : i - last;
        },
      );
      expectSameSeries(
        xs.length,
        (i) => when.update(cond[i], xs[i], occurrence),
        (i) => {
          const hits = xs.slice(0, i + 1).filter((_, k) => cond[k]);
          return hits.length > occurrence ? hits[hits.length - 1 - occurrence] : NaN;
        },
      );
      expectSameSeries(
        xs.length,
        (i) => cum.update(xs[i]),
        (i) => (Number.isNaN(xs[i]) ? NaN : compacted(xs, i).reduce((a, b) => a + b, 0)),
      );
      expectSameSeries(
        xs.length,
        (i) => max.update(xs[i]),
        (i) => naiveExtreme(xs, i, i + 1, true, false).value,
      );
      expectSameSeries(
        xs.length,
        (i) => min.update(xs[i]),
        (i) => naiveExtreme(xs, i, i + 1, false, false).value,
      );
    });
  });

  it('obv and anchored vwap with bands', () => {
    check(
      fc.tuple(denseSeries, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })),
      ([close, anchors]) => {
        const volume = close.map((_, i) => 1 + ((i * 3) % 7));
        const obv = new ta.Obv();
        const vwap = new ta.Vwap();
        expectSameSeries(
          close.length,
          (i) => obv.update(close[i], volume[i]),
          (i) => {
            if (i === 0) return NaN;
            let total = 0;
            for (let k = 1; k <= i; k++) total += Math.sign(close[k] - close[k - 1]) * volume[k];
            return total;
          },
        );
        const periodStart = (i: number): number => anchors.slice(0, i + 1).lastIndexOf(true);
        const bands = (i: number): [number, number] => {
          const start = periodStart(i);
          if (start < 0) return [NaN, NaN];
          let v = 0;
          let pv = 0;
          for (let k = start; k <= i; k++) {
            v += volume[k];
            pv += close[k] * volume[k];
          }
          const mean = pv / v;
          let variance = 0;
          for (let k = start; k <= i; k++) variance += (volume[k] * (close[k] - mean) ** 2) / v;
          return [mean, mean + 2 * Math.sqrt(variance)];
        };
        expectSameSeries(
          close.length,
          (i) => vwap.update(close[i], volume[i], anchors[i], 2),
          (i) => bands(i)[0],
        );
        const vwap2 = new ta.Vwap();
        expectSameSeries(
          close.length,
          (i) => (vwap2.update(close[i], volume[i], anchors[i], 2), vwap2.upper),
          (i) => bands(i)[1],
          1e-6,
        );
      },
    );
  });
});
