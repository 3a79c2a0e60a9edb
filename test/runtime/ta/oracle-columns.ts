import * as ta from '../../../src/runtime/ta/index.js';
import type { Bars } from './oracle-csv.js';
import { perBar } from './oracle-csv.js';
import { sessionStarts, timeframeChange } from './exchange-time.js';

/** How one oracle column is reproduced: a function of the export's bars, one value per bar. */
export type ColumnRecipe = (b: Bars) => Float64Array;

/**
 * Every indicator column of test/data/oracles/ta/*.csv, by file and column title. Titles that are
 * plain Pine expressions over price/volume built-ins and literals map to the matching call. Titles that
 * name script-local variables, encode a bool as a number, or are mislabelled were resolved from the
 * public script that produced the export: PyneSys/pynecore tests/t01_lib/t20_ta/test_*.py (snapshot
 * 401cd39), cited per file below.
 */
export const ORACLE_COLUMNS: Readonly<Record<string, Readonly<Record<string, ColumnRecipe>>>> = {
  'accdist+pvi+pvt+wad+wvad.csv': {
    'ta.accdist': (b) =>
      step(
        b,
        () => new ta.Accdist(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], b.volume[i]),
      ),
    'ta.pvi': (b) =>
      step(
        b,
        () => new ta.Pvi(),
        (s, i) => s.update(b.close[i], b.volume[i]),
      ),
    'ta.pvt': (b) =>
      step(
        b,
        () => new ta.Pvt(),
        (s, i) => s.update(b.close[i], b.volume[i]),
      ),
    'ta.wad': (b) =>
      step(
        b,
        () => new ta.Wad(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i]),
      ),
    'ta.wvad': (b) =>
      perBar(b.length, () => (i) => ta.wvad(b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i])),
  },
  'bb.csv': {
    'ta.bb(close, 20, 2).base': (b) =>
      step(
        b,
        () => new ta.Bb(),
        (s, i) => s.update(b.close[i], 20, 2),
      ),
    'ta.bb(close, 20, 2).upper': (b) =>
      step(
        b,
        () => new ta.Bb(),
        (s, i) => (s.update(b.close[i], 20, 2), s.upper),
      ),
    'ta.bb(close, 20, 2).lower': (b) =>
      step(
        b,
        () => new ta.Bb(),
        (s, i) => (s.update(b.close[i], 20, 2), s.lower),
      ),
    'ta.bbw(close, 20, 2.1)': (b) =>
      step(
        b,
        () => new ta.Bbw(),
        (s, i) => s.update(b.close[i], 20, 2.1),
      ),
  },
  'cci+cmo+cog.csv': {
    'ta.cmo(close, 20)': (b) =>
      step(
        b,
        () => new ta.Cmo(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.cci(close, 20)': (b) =>
      step(
        b,
        () => new ta.Cci(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.cog(close, 21)': (b) =>
      step(
        b,
        () => new ta.Cog(),
        (s, i) => s.update(b.close[i], 21),
      ),
  },
  // test_101_correlation.py: correlation = ta.correlation(ta.sma(close, 20), ta.ema(close, 10), 20)
  'correlation.csv': {
    correlation: (b) =>
      perBar(b.length, () => {
        const sma = new ta.Sma();
        const ema = new ta.Ema();
        const corr = new ta.Correlation();
        return (i) => corr.update(sma.update(b.close[i], 20), ema.update(b.close[i], 10), 20);
      }),
  },
  // test_111_cross.py: ema1 = ta.ema(close, 5), ema2 = ta.ema(close, 11); plotted as 0.5 / 1 / -1 when true, else 0
  'cross.csv': {
    'ta.cross(ema1, ema2)': (b) => emaPairEvent(b, () => new ta.Cross(), 0.5),
    'ta.crossover(ema1, ema2)': (b) => emaPairEvent(b, () => new ta.Crossover(), 1),
    'ta.crossunder(ema1, ema2)': (b) => emaPairEvent(b, () => new ta.Crossunder(), -1),
  },
  'dmi.csv': {
    'ta.dmi(17, 14).dip': (b) =>
      step(
        b,
        () => new ta.Dmi(),
        (s, i) => (s.update(b.high[i], b.low[i], b.close[i], 17, 14), s.diplus),
      ),
    'ta.dmi(17, 14).dim': (b) =>
      step(
        b,
        () => new ta.Dmi(),
        (s, i) => (s.update(b.high[i], b.low[i], b.close[i], 17, 14), s.diminus),
      ),
    'ta.dmi(17, 14).adx': (b) =>
      step(
        b,
        () => new ta.Dmi(),
        (s, i) => (s.update(b.high[i], b.low[i], b.close[i], 17, 14), s.adx),
      ),
  },
  // test_131_falling+rising.py: ema = ta.ema(close, 20); plotted as -1 / 1 when true, else 0
  'falling+rising.csv': {
    'ta.falling(ema, 5)': (b) => emaTrend(b, () => new ta.Falling(), -1),
    'ta.rising(ema, 5)': (b) => emaTrend(b, () => new ta.Rising(), 1),
  },
  'highest+lowest.csv': {
    'ta.highest(10)': (b) =>
      step(
        b,
        () => new ta.Highest(),
        (s, i) => s.update(b.high[i], 10),
      ),
    'ta.highest(close, 10)': (b) =>
      step(
        b,
        () => new ta.Highest(),
        (s, i) => s.update(b.close[i], 10),
      ),
    'ta.lowest(10)': (b) =>
      step(
        b,
        () => new ta.Lowest(),
        (s, i) => s.update(b.low[i], 10),
      ),
    'ta.lowest(close, 10)': (b) =>
      step(
        b,
        () => new ta.Lowest(),
        (s, i) => s.update(b.close[i], 10),
      ),
    'ta.highestbars(10)': (b) =>
      step(
        b,
        () => new ta.Highestbars(),
        (s, i) => s.update(b.high[i], 10),
      ),
    'ta.highestbars(close, 10)': (b) =>
      step(
        b,
        () => new ta.Highestbars(),
        (s, i) => s.update(b.close[i], 10),
      ),
    'ta.lowestbars(10)': (b) =>
      step(
        b,
        () => new ta.Lowestbars(),
        (s, i) => s.update(b.low[i], 10),
      ),
    'ta.lowestbars(close, 10)': (b) =>
      step(
        b,
        () => new ta.Lowestbars(),
        (s, i) => s.update(b.close[i], 10),
      ),
  },
  'iii+nvi+obv.csv': {
    'ta.iii': (b) => perBar(b.length, () => (i) => ta.iii(b.high[i], b.low[i], b.close[i], b.volume[i])),
    'ta.nvi': (b) =>
      step(
        b,
        () => new ta.Nvi(),
        (s, i) => s.update(b.close[i], b.volume[i]),
      ),
    'ta.obv': (b) =>
      step(
        b,
        () => new ta.Obv(),
        (s, i) => s.update(b.close[i], b.volume[i]),
      ),
  },
  'kc.csv': {
    'ta.kc(close, 20, 2).base': (b) =>
      step(
        b,
        () => new ta.Kc(),
        (s, i) => s.update(b.close[i], b.high[i], b.low[i], b.close[i], 20, 2),
      ),
    'ta.kc(close, 20, 2).upper': (b) =>
      step(
        b,
        () => new ta.Kc(),
        (s, i) => (s.update(b.close[i], b.high[i], b.low[i], b.close[i], 20, 2), s.upper),
      ),
    'ta.kc(close, 20, 2).lower': (b) =>
      step(
        b,
        () => new ta.Kc(),
        (s, i) => (s.update(b.close[i], b.high[i], b.low[i], b.close[i], 20, 2), s.lower),
      ),
    'ta.kcw(close, 20, 2.1, useTrueRange=false)': (b) =>
      step(
        b,
        () => new ta.Kcw(),
        (s, i) => s.update(b.close[i], b.high[i], b.low[i], b.close[i], 20, 2.1, false),
      ),
  },
  'linreg.csv': {
    'ta.linreg(close, 20, 0)': (b) =>
      step(
        b,
        () => new ta.Linreg(),
        (s, i) => s.update(b.close[i], 20, 0),
      ),
    'ta.linreg(close, 20, 10)': (b) =>
      step(
        b,
        () => new ta.Linreg(),
        (s, i) => s.update(b.close[i], 20, 10),
      ),
  },
  'ma.csv': {
    'ta.sma(close, 10)': (b) =>
      step(
        b,
        () => new ta.Sma(),
        (s, i) => s.update(b.close[i], 10),
      ),
    'ta.sma(hl2, 20)': (b) =>
      step(
        b,
        () => new ta.Sma(),
        (s, i) => s.update(hl2(b, i), 20),
      ),
    'ta.sma(hlc3, 15)': (b) =>
      step(
        b,
        () => new ta.Sma(),
        (s, i) => s.update(hlc3(b, i), 15),
      ),
    'ta.ema(close, 20)': (b) =>
      step(
        b,
        () => new ta.Ema(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.ema(ohlc4, 10)': (b) =>
      step(
        b,
        () => new ta.Ema(),
        (s, i) => s.update(ohlc4(b, i), 10),
      ),
    'ta.rma(hlcc4, 5)': (b) =>
      step(
        b,
        () => new ta.Rma(),
        (s, i) => s.update(hlcc4(b, i), 5),
      ),
    'ta.rma(high, 15)': (b) =>
      step(
        b,
        () => new ta.Rma(),
        (s, i) => s.update(b.high[i], 15),
      ),
    'ta.alma(close, 5, 0.85, 6)': (b) =>
      step(
        b,
        () => new ta.Alma(),
        (s, i) => s.update(b.close[i], 5, 0.85, 6),
      ),
    'ta.alma(close, 10, 0.55, 12)': (b) =>
      step(
        b,
        () => new ta.Alma(),
        (s, i) => s.update(b.close[i], 10, 0.55, 12),
      ),
    'ta.wma(close, 5)': (b) =>
      step(
        b,
        () => new ta.Wma(),
        (s, i) => s.update(b.close[i], 5),
      ),
    'ta.wma(close, 20)': (b) =>
      step(
        b,
        () => new ta.Wma(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.hma(close, 9)': (b) =>
      step(
        b,
        () => new ta.Hma(),
        (s, i) => s.update(b.close[i], 9),
      ),
    'ta.hma(close, 20)': (b) =>
      step(
        b,
        () => new ta.Hma(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.swma(hlc3)': (b) =>
      step(
        b,
        () => new ta.Swma(),
        (s, i) => s.update(hlc3(b, i)),
      ),
    'ta.vwma(close, 20)': (b) =>
      step(
        b,
        () => new ta.Vwma(),
        (s, i) => s.update(b.close[i], b.volume[i], 20),
      ),
  },
  'macd.csv': {
    'ta.macd(close, 12, 26, 9).macd': (b) =>
      step(
        b,
        () => new ta.Macd(),
        (s, i) => s.update(b.close[i], 12, 26, 9),
      ),
    'ta.macd(close, 12, 26, 9).signal': (b) =>
      step(
        b,
        () => new ta.Macd(),
        (s, i) => (s.update(b.close[i], 12, 26, 9), s.signal),
      ),
    'ta.macd(close, 12, 26, 9).hist': (b) =>
      step(
        b,
        () => new ta.Macd(),
        (s, i) => (s.update(b.close[i], 12, 26, 9), s.hist),
      ),
  },
  'mfi+rsi+stoch.csv': {
    'ta.mfi(close, 14)': (b) =>
      step(
        b,
        () => new ta.Mfi(),
        (s, i) => s.update(b.close[i], b.volume[i], 14),
      ),
    'ta.rsi(close, 14)': (b) =>
      step(
        b,
        () => new ta.Rsi(),
        (s, i) => s.update(b.close[i], 14),
      ),
    'ta.stoch(close, high, low, 20)': (b) =>
      step(
        b,
        () => new ta.Stoch(),
        (s, i) => s.update(b.close[i], b.high[i], b.low[i], 20),
      ),
  },
  // test_201_min+max+median+mode.py: ta.min(close), ta.max(close), ta.median(close, 20), ta.mode(close, 20)
  'min+max+median+mode.csv': {
    'min(close)': (b) =>
      step(
        b,
        () => new ta.Min(),
        (s, i) => s.update(b.close[i]),
      ),
    'max(close)': (b) =>
      step(
        b,
        () => new ta.Max(),
        (s, i) => s.update(b.close[i]),
      ),
    'median(close)': (b) =>
      step(
        b,
        () => new ta.Median(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'mode(close)': (b) =>
      step(
        b,
        () => new ta.Mode(),
        (s, i) => s.update(b.close[i], 20),
      ),
  },
  'pivot.csv': {
    'ta.pivothigh(10, 5)': (b) =>
      step(
        b,
        () => new ta.Pivothigh(),
        (s, i) => s.update(b.high[i], 10, 5),
      ),
    'ta.pivothigh(close, 10, 5)': (b) =>
      step(
        b,
        () => new ta.Pivothigh(),
        (s, i) => s.update(b.close[i], 10, 5),
      ),
    'ta.pivotlow(10, 5)': (b) =>
      step(
        b,
        () => new ta.Pivotlow(),
        (s, i) => s.update(b.low[i], 10, 5),
      ),
    'ta.pivotlow(close, 10, 5)': (b) =>
      step(
        b,
        () => new ta.Pivotlow(),
        (s, i) => s.update(b.close[i], 10, 5),
      ),
  },
  // test_235_pivot_point_levels.py: ta.pivot_point_levels(<type>, timeframe.change("D"), false)[k]
  'pivot_point_levels.csv': {
    P_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.P),
    R1_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.R1),
    S1_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.S1),
    R2_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.R2),
    S2_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.S2),
    R3_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.R3),
    S3_trad: (b) => pivotLevel(b, 'Traditional', ta.PIVOT_LEVEL.S3),
    P_fib: (b) => pivotLevel(b, 'Fibonacci', ta.PIVOT_LEVEL.P),
    R1_fib: (b) => pivotLevel(b, 'Fibonacci', ta.PIVOT_LEVEL.R1),
    S1_fib: (b) => pivotLevel(b, 'Fibonacci', ta.PIVOT_LEVEL.S1),
    P_dm: (b) => pivotLevel(b, 'DM', ta.PIVOT_LEVEL.P),
    R1_dm: (b) => pivotLevel(b, 'DM', ta.PIVOT_LEVEL.R1),
    S1_dm: (b) => pivotLevel(b, 'DM', ta.PIVOT_LEVEL.S1),
    P_cam: (b) => pivotLevel(b, 'Camarilla', ta.PIVOT_LEVEL.P),
    R4_cam: (b) => pivotLevel(b, 'Camarilla', ta.PIVOT_LEVEL.R4),
    S4_cam: (b) => pivotLevel(b, 'Camarilla', ta.PIVOT_LEVEL.S4),
    P_woodie: (b) => pivotLevel(b, 'Woodie', ta.PIVOT_LEVEL.P),
  },
  // test_221_pli+pnr+pr.py: the titles say percentages 30 and 0, but the script computed both with 20
  'ppp.csv': {
    'ta.percentile_linear_interpolation(close, 20, 30)': (b) =>
      step(
        b,
        () => new ta.PercentileLinearInterpolation(),
        (s, i) => s.update(b.close[i], 20, 20),
      ),
    'ta.percentile_nearest_rank(close, 20, 0)': (b) =>
      step(
        b,
        () => new ta.PercentileNearestRank(),
        (s, i) => s.update(b.close[i], 20, 20),
      ),
    'ta.percentrank(close, 33)': (b) =>
      step(
        b,
        () => new ta.Percentrank(),
        (s, i) => s.update(b.close[i], 33),
      ),
  },
  'range.csv': {
    'ta.range(close, 20)': (b) =>
      step(
        b,
        () => new ta.Range(),
        (s, i) => s.update(b.close[i], 20),
      ),
  },
  'rci.csv': {
    'ta.rci(close, 5)': (b) =>
      step(
        b,
        () => new ta.Rci(),
        (s, i) => s.update(b.close[i], 5),
      ),
    'ta.rci(close, 20)': (b) =>
      step(
        b,
        () => new ta.Rci(),
        (s, i) => s.update(b.close[i], 20),
      ),
    'ta.rci(hl2, 20)': (b) =>
      step(
        b,
        () => new ta.Rci(),
        (s, i) => s.update(hl2(b, i), 20),
      ),
    hl2: (b) => perBar(b.length, () => (i) => hl2(b, i)),
  },
  'sar.csv': {
    'ta.sar(0.02, 0.02, 0.2)': (b) =>
      step(
        b,
        () => new ta.Sar(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], 0.02, 0.02, 0.2),
      ),
  },
  // test_271_supertrend.py: .up plots the line where direction < 0, .down where direction > 0
  'supertrend.csv': {
    'ta.supertrend(3, 10).up': (b) => supertrendSide(b, -1),
    'ta.supertrend(3, 10).down': (b) => supertrendSide(b, 1),
  },
  'tr.csv': {
    'ta.tr(false)': (b) =>
      step(
        b,
        () => new ta.Tr(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], false),
      ),
    'ta.tr(true)': (b) =>
      step(
        b,
        () => new ta.Tr(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], true),
      ),
    'ta.tr': (b) => perBar(b.length, () => (i) => ta.tr(b.high[i], b.low[i], i > 0 ? b.close[i - 1] : NaN)),
    'ta.atr(14)': (b) =>
      step(
        b,
        () => new ta.Atr(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], 14),
      ),
  },
  'tsi.csv': {
    'ta.tsi(close, 12, 26)': (b) =>
      step(
        b,
        () => new ta.Tsi(),
        (s, i) => s.update(b.close[i], 12, 26),
      ),
  },
  // test_321_valuewhen.py: slow = ta.sma(close, 7), fast = ta.sma(close, 14)
  'valuewhen.csv': {
    'ta.valuewhen(ta.cross(slow, fast), close, 1)': (b) =>
      perBar(b.length, () => {
        const slow = new ta.Sma();
        const fast = new ta.Sma();
        const cross = new ta.Cross();
        const when = new ta.Valuewhen();
        return (i) =>
          when.update(cross.update(slow.update(b.close[i], 7), fast.update(b.close[i], 14)), b.close[i], 1);
      }),
  },
  // test_322_valuewhen_na.py: cond = bar_index % 3 == 0, src = bar_index % 2 == 0 ? na : close
  'valuewhen_na.csv': {
    v0: (b) => valuewhenNa(b, 0, true),
    v1: (b) => valuewhenNa(b, 1, true),
    v2: (b) => valuewhenNa(b, 2, true),
    w0: (b) => valuewhenNa(b, 0, false),
  },
  // test_301_vwap.py; anchors from the exchange calendar in vwap.toml (see exchange-time.ts)
  'vwap.csv': {
    'ta.vwap(close)': (b) => vwapColumn(b, sessionStarts(b.time), NaN, 'vwap'),
    'ta.vwap(close, timeframe.change("240"))': (b) =>
      vwapColumn(b, timeframeChange(b.time, 240), NaN, 'vwap'),
    'ta.vwap(close, timeframe.change("360"), 2.0).vwap': (b) =>
      vwapColumn(b, timeframeChange(b.time, 360), 2, 'vwap'),
    'ta.vwap(close, timeframe.change("360"), 2.0).upper_band': (b) =>
      vwapColumn(b, timeframeChange(b.time, 360), 2, 'upper'),
    'ta.vwap(close, timeframe.change("360"), 2.0).lower_band': (b) =>
      vwapColumn(b, timeframeChange(b.time, 360), 2, 'lower'),
  },
  'wpr.csv': {
    'ta.wpr(20)': (b) =>
      step(
        b,
        () => new ta.Wpr(),
        (s, i) => s.update(b.high[i], b.low[i], b.close[i], 20),
      ),
  },
};

/**
 * Columns deliberately not reproduced, with the reason (file → column → reason). Empty today: every
 * script-local column was resolved from its producing script (see ORACLE_COLUMNS).
 */
export const SKIPPED_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

function step<S>(b: Bars, make: () => S, fn: (state: S, i: number) => number): Float64Array {
  return perBar(b.length, () => {
    const state = make();
    return (i) => fn(state, i);
  });
}

const hl2 = (b: Bars, i: number): number => (b.high[i] + b.low[i]) / 2;
const hlc3 = (b: Bars, i: number): number => (b.high[i] + b.low[i] + b.close[i]) / 3;
const ohlc4 = (b: Bars, i: number): number => (b.open[i] + b.high[i] + b.low[i] + b.close[i]) / 4;
// hlcc4 as (h + l + 2c)/4: the order that reproduces TradingView's ta.rma(hlcc4, 5) bit for bit.
const hlcc4 = (b: Bars, i: number): number => (b.high[i] + b.low[i] + 2 * b.close[i]) / 4;

interface PairEvent {
  update(a: number, b: number): boolean;
}

function emaPairEvent(b: Bars, make: () => PairEvent, trueValue: number): Float64Array {
  return perBar(b.length, () => {
    const ema1 = new ta.Ema();
    const ema2 = new ta.Ema();
    const event = make();
    return (i) => (event.update(ema1.update(b.close[i], 5), ema2.update(b.close[i], 11)) ? trueValue : 0);
  });
}

interface Trend {
  update(source: number, length: number): boolean;
}

function emaTrend(b: Bars, make: () => Trend, trueValue: number): Float64Array {
  return perBar(b.length, () => {
    const ema = new ta.Ema();
    const trend = make();
    return (i) => (trend.update(ema.update(b.close[i], 20), 5) ? trueValue : 0);
  });
}

function pivotLevel(b: Bars, type: string, level: number): Float64Array {
  const daily = timeframeChange(b.time, 24 * 60);
  return step(
    b,
    () => new ta.PivotPointLevels(),
    (s, i) => {
      s.update(b.open[i], b.high[i], b.low[i], b.close[i], type, daily[i], false);
      return s.levels[level];
    },
  );
}

function supertrendSide(b: Bars, direction: number): Float64Array {
  return step(
    b,
    () => new ta.Supertrend(),
    (s, i) => {
      const line = s.update(b.high[i], b.low[i], b.close[i], 3, 10);
      return s.direction === direction ? line : NaN;
    },
  );
}

function valuewhenNa(b: Bars, occurrence: number, gappedSource: boolean): Float64Array {
  return step(
    b,
    () => new ta.Valuewhen(),
    (s, i) => {
      const source = gappedSource && i % 2 === 0 ? NaN : b.close[i];
      return s.update(i % 3 === 0, source, occurrence);
    },
  );
}

function vwapColumn(
  b: Bars,
  anchors: boolean[],
  mult: number,
  output: 'vwap' | 'upper' | 'lower',
): Float64Array {
  return step(
    b,
    () => new ta.Vwap(),
    (s, i) => {
      s.update(b.close[i], b.volume[i], anchors[i], mult);
      return s[output];
    },
  );
}
