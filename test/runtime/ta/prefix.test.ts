import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ta from '../../../src/runtime/ta/index.js';
import { check, denseSeries, series } from './property-helpers.js';

/** One bar of input: a gappy source plus gap-free OHLCV. */
interface Bar {
  src: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  flag: boolean;
  len: number;
}

/** A call site: built fresh, then fed bar after bar; returns every output of the bar. */
type Site = () => (bar: Bar) => readonly number[];

const b = (v: boolean): number => (v ? 1 : 0);

// Every stateful built-in, with all its outputs; lengths vary per bar where Pine allows a series length.
const SITES: Readonly<Record<string, Site>> = {
  sma: () => {
    const s = new ta.Sma();
    return (x) => [s.update(x.src, x.len)];
  },
  ema: () => {
    const s = new ta.Ema();
    return (x) => [s.update(x.src, x.len)];
  },
  rma: () => {
    const s = new ta.Rma();
    return (x) => [s.update(x.src, x.len)];
  },
  wma: () => {
    const s = new ta.Wma();
    return (x) => [s.update(x.src, x.len)];
  },
  vwma: () => {
    const s = new ta.Vwma();
    return (x) => [s.update(x.src, x.volume, x.len)];
  },
  swma: () => {
    const s = new ta.Swma();
    return (x) => [s.update(x.src)];
  },
  alma: () => {
    const s = new ta.Alma();
    return (x) => [s.update(x.src, x.len, 0.85, 6)];
  },
  hma: () => {
    const s = new ta.Hma();
    return (x) => [s.update(x.src, x.len)];
  },
  linreg: () => {
    const s = new ta.Linreg();
    return (x) => [s.update(x.src, x.len, 1)];
  },
  variance: () => {
    const s = new ta.Variance();
    return (x) => [s.update(x.src, x.len, false)];
  },
  stdev: () => {
    const s = new ta.Stdev();
    return (x) => [s.update(x.src, x.len)];
  },
  dev: () => {
    const s = new ta.Dev();
    return (x) => [s.update(x.src, x.len)];
  },
  cci: () => {
    const s = new ta.Cci();
    return (x) => [s.update(x.src, x.len)];
  },
  median: () => {
    const s = new ta.Median();
    return (x) => [s.update(x.src, x.len)];
  },
  mode: () => {
    const s = new ta.Mode();
    return (x) => [s.update(x.src, x.len)];
  },
  percentileNearestRank: () => {
    const s = new ta.PercentileNearestRank();
    return (x) => [s.update(x.src, x.len, 40)];
  },
  percentileLinear: () => {
    const s = new ta.PercentileLinearInterpolation();
    return (x) => [s.update(x.src, x.len, 40)];
  },
  percentrank: () => {
    const s = new ta.Percentrank();
    return (x) => [s.update(x.src, x.len)];
  },
  correlation: () => {
    const s = new ta.Correlation();
    return (x) => [s.update(x.src, x.close, x.len)];
  },
  rci: () => {
    const s = new ta.Rci();
    return (x) => [s.update(x.src, x.len)];
  },
  highest: () => {
    const s = new ta.Highest();
    return (x) => [s.update(x.src, x.len)];
  },
  lowest: () => {
    const s = new ta.Lowest();
    return (x) => [s.update(x.src, x.len)];
  },
  highestbars: () => {
    const s = new ta.Highestbars();
    return (x) => [s.update(x.src, x.len)];
  },
  lowestbars: () => {
    const s = new ta.Lowestbars();
    return (x) => [s.update(x.src, x.len)];
  },
  range: () => {
    const s = new ta.Range();
    return (x) => [s.update(x.src, x.len)];
  },
  max: () => {
    const s = new ta.Max();
    return (x) => [s.update(x.src)];
  },
  min: () => {
    const s = new ta.Min();
    return (x) => [s.update(x.src)];
  },
  pivothigh: () => {
    const s = new ta.Pivothigh();
    return (x) => [s.update(x.src, 2, 2)];
  },
  pivotlow: () => {
    const s = new ta.Pivotlow();
    return (x) => [s.update(x.src, 2, 2)];
  },
  change: () => {
    const s = new ta.Change();
    return (x) => [s.update(x.src, x.len)];
  },
  changeBool: () => {
    const s = new ta.ChangeBool();
    return (x) => [b(s.update(x.flag, x.len))];
  },
  mom: () => {
    const s = new ta.Mom();
    return (x) => [s.update(x.src, x.len)];
  },
  roc: () => {
    const s = new ta.Roc();
    return (x) => [s.update(x.src, x.len)];
  },
  rsi: () => {
    const s = new ta.Rsi();
    return (x) => [s.update(x.src, 5)];
  },
  mfi: () => {
    const s = new ta.Mfi();
    return (x) => [s.update(x.src, x.volume, x.len)];
  },
  cmo: () => {
    const s = new ta.Cmo();
    return (x) => [s.update(x.src, x.len)];
  },
  cog: () => {
    const s = new ta.Cog();
    return (x) => [s.update(x.src, x.len)];
  },
  tsi: () => {
    const s = new ta.Tsi();
    return (x) => [s.update(x.src, 3, 5)];
  },
  stoch: () => {
    const s = new ta.Stoch();
    return (x) => [s.update(x.close, x.high, x.low, x.len)];
  },
  wpr: () => {
    const s = new ta.Wpr();
    return (x) => [s.update(x.high, x.low, x.close, x.len)];
  },
  tr: () => {
    const s = new ta.Tr();
    return (x) => [s.update(x.high, x.low, x.close, true)];
  },
  atr: () => {
    const s = new ta.Atr();
    return (x) => [s.update(x.high, x.low, x.close, 4)];
  },
  bb: () => {
    const s = new ta.Bb();
    return (x) => [s.update(x.src, x.len, 2), s.upper, s.lower];
  },
  bbw: () => {
    const s = new ta.Bbw();
    return (x) => [s.update(x.src, x.len, 2)];
  },
  kc: () => {
    const s = new ta.Kc();
    return (x) => [s.update(x.close, x.high, x.low, x.close, 4, 1.5), s.upper, s.lower];
  },
  kcw: () => {
    const s = new ta.Kcw();
    return (x) => [s.update(x.close, x.high, x.low, x.close, 4, 1.5, false)];
  },
  supertrend: () => {
    const s = new ta.Supertrend();
    return (x) => [s.update(x.high, x.low, x.close, 2, 4), s.direction];
  },
  sar: () => {
    const s = new ta.Sar();
    return (x) => [s.update(x.high, x.low, x.close, 0.02, 0.02, 0.2)];
  },
  dmi: () => {
    const s = new ta.Dmi();
    return (x) => [s.update(x.high, x.low, x.close, 4, 3), s.diminus, s.adx];
  },
  macd: () => {
    const s = new ta.Macd();
    return (x) => [s.update(x.src, 3, 6, 2), s.signal, s.hist];
  },
  vwap: () => {
    const s = new ta.Vwap();
    return (x) => [s.update(x.src, x.volume, x.flag, 1.5), s.upper, s.lower];
  },
  obv: () => {
    const s = new ta.Obv();
    return (x) => [s.update(x.close, x.volume)];
  },
  accdist: () => {
    const s = new ta.Accdist();
    return (x) => [s.update(x.high, x.low, x.close, x.volume)];
  },
  nvi: () => {
    const s = new ta.Nvi();
    return (x) => [s.update(x.close, x.volume)];
  },
  pvi: () => {
    const s = new ta.Pvi();
    return (x) => [s.update(x.close, x.volume)];
  },
  pvt: () => {
    const s = new ta.Pvt();
    return (x) => [s.update(x.close, x.volume)];
  },
  wad: () => {
    const s = new ta.Wad();
    return (x) => [s.update(x.high, x.low, x.close)];
  },
  crossover: () => {
    const s = new ta.Crossover();
    return (x) => [b(s.update(x.src, x.close))];
  },
  crossunder: () => {
    const s = new ta.Crossunder();
    return (x) => [b(s.update(x.src, x.close))];
  },
  cross: () => {
    const s = new ta.Cross();
    return (x) => [b(s.update(x.src, x.close))];
  },
  rising: () => {
    const s = new ta.Rising();
    return (x) => [b(s.update(x.src, x.len))];
  },
  falling: () => {
    const s = new ta.Falling();
    return (x) => [b(s.update(x.src, x.len))];
  },
  barssince: () => {
    const s = new ta.Barssince();
    return (x) => [s.update(x.flag)];
  },
  valuewhen: () => {
    const s = new ta.Valuewhen();
    return (x) => [s.update(x.flag, x.src, 1)];
  },
  cum: () => {
    const s = new ta.Cum();
    return (x) => [s.update(x.src)];
  },
  pivotPointLevels: () => {
    const s = new ta.PivotPointLevels();
    return (x) => [
      s.update(x.open, x.high, x.low, x.close, 'Camarilla', x.flag, x.len % 2 === 0),
      ...s.levels,
    ];
  },
};

const bars: fc.Arbitrary<Bar[]> = fc
  .tuple(
    series,
    denseSeries,
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 60, maxLength: 60 }),
    fc.boolean(),
  )
  .map(([src, close, noise, varying]) =>
    src.map((s, i) => {
      const c = close[i % close.length];
      return {
        src: s,
        open: c + ((noise[i] % 3) - 1) / 16,
        high: c + (noise[i] % 5) / 16 + 0.0625,
        low: c - (noise[(i * 7) % 60] % 5) / 16 - 0.0625,
        close: c,
        volume: 1 + noise[(i * 3) % 60],
        flag: noise[(i * 5) % 60] % 4 === 0,
        len: varying ? 1 + (noise[(i * 11) % 60] % 12) : 1 + (noise[0] % 12),
      };
    }),
  );

describe('rolling state after N bars equals a fresh instance fed the same prefix', () => {
  for (const [name, site] of Object.entries(SITES)) {
    it(name, () => {
      check(fc.tuple(bars, fc.nat()), ([input, pick]) => {
        const whole = site();
        const outputs = input.map((bar) => [...whole(bar)]);
        const n = pick % input.length;
        const fresh = site();
        let last: readonly number[] = [];
        for (let i = 0; i <= n; i++) last = fresh(input[i]);
        expect([...last]).toStrictEqual(outputs[n]);
      });
    });
  }

  it('covers every exported stateful class', () => {
    const classes = Object.entries(ta)
      .filter(([, v]) => typeof v === 'function' && /^[A-Z]/.test(v.name))
      .map(([k]) => k.toLowerCase());
    const covered = new Set(Object.keys(SITES).map((k) => k.toLowerCase()));
    const aliases: Record<string, string> = {
      percentilelinearinterpolation: 'percentilelinear',
    };
    expect(classes.filter((c) => !covered.has(aliases[c] ?? c))).toEqual([]);
  });
});
