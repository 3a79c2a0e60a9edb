import { functions, variables } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Technical analysis, `ta.*`. Signatures from the Pine v6 reference manual; v5 lists the same ones (several
// lengths became `series int` during v5's life; the catalogue keeps the v6 qualifiers for v5 too).
// Version 4 means "in v4 under its v4 name" (`sma`, see v4-names.ts); v4 lengths were `simple int` (v4's
// "Cannot call 'sma' with arguments (series[float], series[integer])"), except highest/lowest and their
// *bars forms, which v4 documented as series (UNVERIFIED from memory of the v4 manual).
// Every ta function keeps per-call-site history except `ta.tr()`, which only reads `close[1]`.
export const TA: readonly CatalogueBlock[] = [
  functions(
    { versions: '456', stateful: true },
    `
    ta.alma(series: series float, length: simple int @4, length: series int @56, offset: simple float, sigma: simple float, floor: simple bool = false): series float
    ta.atr(length: simple int): series float
    ta.barssince(condition: series bool): series int
    ta.bb(series: series float, length: simple int @4, length: series int @56, mult: simple float): [series float, series float, series float]
    ta.bbw(series: series float, length: simple int @4, length: series int @56, mult: simple float): series float
    ta.cci(source: series float, length: simple int @4, length: series int @56): series float
    ta.change(source: series int, length: simple int = 1 @4, length: series int = 1 @56): series int
    ta.change(source: series float, length: simple int = 1 @4, length: series int = 1 @56): series float
    ta.change(source: series bool, length: simple int = 1 @4, length: series int = 1 @56): series bool
    ta.cmo(series: series float, length: simple int @4, length: series int @56): series float
    ta.cog(source: series float, length: simple int @4, length: series int @56): series float
    ta.correlation(source1: series float, source2: series float, length: simple int @4, length: series int @56): series float
    ta.cross(source1: series float, source2: series float): series bool
    ta.crossover(source1: series float, source2: series float): series bool
    ta.crossunder(source1: series float, source2: series float): series bool
    ta.cum(source: series float): series float
    ta.dev(source: series float, length: simple int @4, length: series int @56): series float
    ta.dmi(diLength: simple int, adxSmoothing: simple int): [series float, series float, series float]
    ta.ema(source: series float, length: simple int): series float
    ta.falling(source: series float, length: simple int @4, length: series int @56): series bool
    ta.highest(source: series float, length: series int): series float
    # The one-argument forms (source = high/low) are in the v5 manual; the v6 copy lists only two arguments.
    ta.highest(length: series int): series float
    ta.highestbars(source: series float, length: series int): series int
    ta.highestbars(length: series int): series int
    ta.hma(source: series float, length: simple int): series float
    ta.kc(series: series float, length: simple int, mult: simple float, useTrueRange: simple bool = true): [series float, series float, series float]
    ta.kcw(series: series float, length: simple int, mult: simple float, useTrueRange: simple bool = true): series float
    ta.linreg(source: series float, length: simple int @4, length: series int @56, offset: simple int): series float
    ta.lowest(source: series float, length: series int): series float
    ta.lowest(length: series int): series float
    ta.lowestbars(source: series float, length: series int): series int
    ta.lowestbars(length: series int): series int
    ta.macd(source: series float, fastlen: simple int, slowlen: simple int, siglen: simple int): [series float, series float, series float]
    ta.max(source: series float): series float @56
    ta.median(source: series N, length: simple int @4, length: series int @56): series N
    ta.mfi(series: series float, length: simple int @4, length: series int @56): series float
    ta.min(source: series float): series float @56
    ta.mode(source: series N, length: simple int @4, length: series int @56): series N
    ta.mom(source: series float, length: simple int @4, length: series int @56): series float
    ta.percentile_linear_interpolation(source: series float, length: simple int @4, length: series int @56, percentage: simple float): series float
    ta.percentile_nearest_rank(source: series float, length: simple int @4, length: series int @56, percentage: simple float): series float
    ta.percentrank(source: series float, length: simple int @4, length: series int @56): series float
    ta.pivot_point_levels(type: series string, anchor: series bool, developing: series bool = false): array<float> @56
    ta.pivothigh(leftbars: series float, rightbars: series float): series float
    ta.pivothigh(source: series float, leftbars: series float, rightbars: series float): series float
    ta.pivotlow(leftbars: series float, rightbars: series float): series float
    ta.pivotlow(source: series float, leftbars: series float, rightbars: series float): series float
    ta.range(source: series N, length: simple int @4, length: series int @56): series N
    ta.rci(source: series float, length: simple int): series float @56
    ta.rising(source: series float, length: simple int @4, length: series int @56): series bool
    ta.rma(source: series float, length: simple int): series float
    ta.roc(source: series float, length: simple int @4, length: series int @56): series float
    ta.rsi(source: series float, length: simple int): series float
    ta.sar(start: simple float, inc: simple float, max: simple float): series float
    ta.sma(source: series float, length: simple int @4, length: series int @56): series float
    ta.stdev(source: series float, length: simple int @4, length: series int @56, biased: series bool = true): series float
    ta.stoch(source: series float, high: series float, low: series float, length: simple int @4, length: series int @56): series float
    ta.supertrend(factor: series float, atrPeriod: simple int): [series float, series float]
    ta.swma(source: series float): series float
    ta.tsi(source: series float, short_length: simple int, long_length: simple int): series float
    ta.valuewhen(condition: series bool, source: series T, occurrence: simple int): series T
    ta.variance(source: series float, length: simple int @4, length: series int @56, biased: series bool = true): series float
    # anchor defaults to a new session (timeframe.change("1D")); no literal default
    ta.vwap(source: series float, anchor?: series bool @56): series float
    ta.vwap(source: series float, anchor: series bool, stdev_mult: series float): [series float, series float, series float] @56
    ta.vwma(source: series float, length: simple int @4, length: series int @56): series float
    ta.wma(source: series float, length: simple int @4, length: series int @56): series float
    ta.wpr(length: simple int @4, length: series int @56): series float
    `,
  ),
  functions(
    { versions: '456' },
    `
    ta.tr(handle_na: simple bool): series float
    `,
  ),
  variables(
    { versions: '456' },
    `
    ta.accdist: series float
    ta.iii: series float
    ta.nvi: series float
    ta.obv: series float
    ta.pvi: series float
    ta.pvt: series float
    ta.tr: series float
    ta.vwap: series float
    ta.wad: series float
    ta.wvad: series float
    `,
  ),
];
