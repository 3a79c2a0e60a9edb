import type { BuiltinEmitContext, EmitterTable } from './types.js';

/**
 * `ta.*` calls: one runtime indicator instance per call site (state), updated once per bar with
 * every input passed explicitly (src/runtime/ta: `new rt.ta.Sma().update(src, len)`). Functions
 * that read the bar implicitly in Pine (`ta.atr(14)`) get `ctx.high`… here.
 */
function indicator(
  className: string,
  args: (c: BuiltinEmitContext) => string[],
): (c: BuiltinEmitContext) => string {
  return (c) => {
    const site = c.state(className.toLowerCase(), `${c.rt}.ta.${className}`, `new ${c.rt}.ta.${className}()`);
    return `${site}.update(${args(c).join(', ')})`;
  };
}

const src = (c: BuiltinEmitContext): string => c.arg('source') ?? c.arg('series') ?? `${c.ctx}.close`;
const len = (c: BuiltinEmitContext): string => c.argOr('length', '1');
const hlc = (c: BuiltinEmitContext): string[] => [`${c.ctx}.high`, `${c.ctx}.low`, `${c.ctx}.close`];

const srcLen = (className: string): ((c: BuiltinEmitContext) => string) =>
  indicator(className, (c) => [src(c), len(c)]);

export const taEmitters: EmitterTable = {
  'ta.sma': srcLen('Sma'),
  'ta.ema': srcLen('Ema'),
  'ta.rma': srcLen('Rma'),
  'ta.wma': srcLen('Wma'),
  'ta.hma': srcLen('Hma'),
  'ta.vwma': indicator('Vwma', (c) => [src(c), `${c.ctx}.volume`, len(c)]),
  'ta.swma': indicator('Swma', (c) => [src(c)]),
  'ta.alma': indicator('Alma', (c) => [
    src(c),
    len(c),
    c.argOr('offset', '0.85'),
    c.argOr('sigma', '6'),
    c.argOr('floor', 'false'),
  ]),
  'ta.variance': indicator('Variance', (c) => [src(c), len(c), c.argOr('biased', 'true')]),
  'ta.stdev': indicator('Stdev', (c) => [src(c), len(c), c.argOr('biased', 'true')]),
  'ta.dev': srcLen('Dev'),
  'ta.cci': srcLen('Cci'),
  'ta.median': srcLen('Median'),
  'ta.mode': srcLen('Mode'),
  'ta.percentrank': srcLen('Percentrank'),
  'ta.rci': srcLen('Rci'),
  'ta.percentile_nearest_rank': indicator('PercentileNearestRank', (c) => [
    src(c),
    len(c),
    c.argOr('percentage', '50'),
  ]),
  'ta.percentile_linear_interpolation': indicator('PercentileLinearInterpolation', (c) => [
    src(c),
    len(c),
    c.argOr('percentage', '50'),
  ]),
  'ta.linreg': indicator('Linreg', (c) => [src(c), len(c), c.argOr('offset', '0')]),
  'ta.correlation': indicator('Correlation', (c) => [
    c.argOr('source1', 'NaN'),
    c.argOr('source2', 'NaN'),
    len(c),
  ]),
  'ta.highest': indicator('Highest', (c) => [c.arg('source') ?? `${c.ctx}.high`, len(c)]),
  'ta.lowest': indicator('Lowest', (c) => [c.arg('source') ?? `${c.ctx}.low`, len(c)]),
  'ta.highestbars': indicator('Highestbars', (c) => [c.arg('source') ?? `${c.ctx}.high`, len(c)]),
  'ta.lowestbars': indicator('Lowestbars', (c) => [c.arg('source') ?? `${c.ctx}.low`, len(c)]),
  'ta.range': srcLen('Range'),
  'ta.max': indicator('Max', (c) => [src(c)]),
  'ta.min': indicator('Min', (c) => [src(c)]),
  'ta.pivothigh': indicator('Pivothigh', (c) => [
    c.arg('source') ?? `${c.ctx}.high`,
    c.argOr('leftbars', '1'),
    c.argOr('rightbars', '1'),
  ]),
  'ta.pivotlow': indicator('Pivotlow', (c) => [
    c.arg('source') ?? `${c.ctx}.low`,
    c.argOr('leftbars', '1'),
    c.argOr('rightbars', '1'),
  ]),
  'ta.change': (c) => {
    const bool = c.argTypes[0]?.type.kind === 'primitive' && c.argTypes[0].type.name === 'bool';
    return indicator(bool ? 'ChangeBool' : 'Change', (cc) => [src(cc), len(cc)])(c);
  },
  'ta.mom': srcLen('Mom'),
  'ta.roc': srcLen('Roc'),
  'ta.rsi': srcLen('Rsi'),
  'ta.cmo': srcLen('Cmo'),
  'ta.cog': srcLen('Cog'),
  'ta.mfi': indicator('Mfi', (c) => [src(c), `${c.ctx}.volume`, len(c)]),
  'ta.tsi': indicator('Tsi', (c) => [src(c), c.argOr('short_length', '13'), c.argOr('long_length', '25')]),
  'ta.stoch': indicator('Stoch', (c) => [
    src(c),
    c.argOr('high', `${c.ctx}.high`),
    c.argOr('low', `${c.ctx}.low`),
    len(c),
  ]),
  'ta.wpr': indicator('Wpr', (c) => [...hlc(c), len(c)]),
  'ta.tr': indicator('Tr', (c) => [...hlc(c), c.argOr('handle_na', 'false')]),
  'ta.atr': indicator('Atr', (c) => [...hlc(c), len(c)]),
  'ta.bb': indicator('Bb', (c) => [src(c), len(c), c.argOr('mult', '2')]),
  'ta.bbw': indicator('Bbw', (c) => [src(c), len(c), c.argOr('mult', '2')]),
  'ta.kc': indicator('Kc', (c) => [
    src(c),
    ...hlc(c),
    len(c),
    c.argOr('mult', '1.5'),
    c.argOr('useTrueRange', 'true'),
  ]),
  'ta.kcw': indicator('Kcw', (c) => [
    src(c),
    ...hlc(c),
    len(c),
    c.argOr('mult', '1.5'),
    c.argOr('useTrueRange', 'true'),
  ]),
  'ta.supertrend': indicator('Supertrend', (c) => [
    ...hlc(c),
    c.argOr('factor', '3'),
    c.argOr('atrPeriod', '10'),
  ]),
  'ta.dmi': indicator('Dmi', (c) => [...hlc(c), c.argOr('diLength', '14'), c.argOr('adxSmoothing', '14')]),
  'ta.macd': indicator('Macd', (c) => [
    src(c),
    c.argOr('fastlen', '12'),
    c.argOr('slowlen', '26'),
    c.argOr('siglen', '9'),
  ]),
  'ta.sar': indicator('Sar', (c) => [
    ...hlc(c),
    c.argOr('start', '0.02'),
    c.argOr('inc', '0.02'),
    c.argOr('max', '0.2'),
  ]),
  'ta.vwap': (c) => {
    const site = c.state('vwap', `${c.rt}.ta.Vwap`, `new ${c.rt}.ta.Vwap()`);
    const anchor = c.arg('anchor') ?? `${c.ctx}.sessionIsFirstBar()`;
    return `${site}.update(${src(c)}, ${c.ctx}.volume, ${anchor}, ${c.argOr('stdev_mult', 'NaN')})`;
  },
  'ta.cross': indicator('Cross', (c) => [c.argOr('source1', 'NaN'), c.argOr('source2', 'NaN')]),
  'ta.crossover': indicator('Crossover', (c) => [c.argOr('source1', 'NaN'), c.argOr('source2', 'NaN')]),
  'ta.crossunder': indicator('Crossunder', (c) => [c.argOr('source1', 'NaN'), c.argOr('source2', 'NaN')]),
  'ta.rising': srcLen('Rising'),
  'ta.falling': srcLen('Falling'),
  'ta.barssince': indicator('Barssince', (c) => [c.argOr('condition', 'false')]),
  'ta.valuewhen': indicator('Valuewhen', (c) => [
    c.argOr('condition', 'false'),
    src(c),
    c.argOr('occurrence', '0'),
  ]),
  'ta.cum': indicator('Cum', (c) => [src(c)]),
  // Pine returns a fresh array<float> [P, R1, S1, R2, S2 … R5, S5] (the runtime's `levels` order); a
  // copy per call keeps a script that stores the array from seeing later bars' levels.
  'ta.pivot_point_levels': (c) => {
    const site = c.state(
      'pivotpointlevels',
      `${c.rt}.ta.PivotPointLevels`,
      `new ${c.rt}.ta.PivotPointLevels()`,
    );
    const x = c.ctx;
    return `(${site}.update(${x}.open, ${x}.high, ${x}.low, ${x}.close, ${c.argOr('type', '"Traditional"')}, ${c.argOr('anchor', 'false')}, ${c.argOr('developing', 'false')}), ${c.rt}.PineArray.wrap(Array.from(${site}.levels), true))`;
  },
};

/**
 * Fields of the multi-output indicators, in Pine's tuple order: `[m, s, h] = ta.macd(…)` reads
 * them from the call site's instance after its update, so no tuple is allocated.
 */
export const taTupleFields: Readonly<Partial<Record<string, readonly string[]>>> = {
  'ta.macd': ['macd', 'signal', 'hist'],
  'ta.bb': ['middle', 'upper', 'lower'],
  'ta.kc': ['middle', 'upper', 'lower'],
  'ta.dmi': ['diplus', 'diminus', 'adx'],
  'ta.supertrend': ['supertrend', 'direction'],
  'ta.vwap': ['vwap', 'upper', 'lower'],
};

/** `ta.*` values that Pine exposes as variables (`ta.tr`, `ta.obv` …): a state instance each. */
export function taVariable(
  name: string,
  c: { state: BuiltinEmitContext['state']; rt: string; ctx: string },
): string | undefined {
  const x = c.ctx;
  const make = (cls: string, args: string): string =>
    `${c.state(cls.toLowerCase(), `${c.rt}.ta.${cls}`, `new ${c.rt}.ta.${cls}()`)}.update(${args})`;
  switch (name) {
    case 'ta.tr':
      return make('Tr', `${x}.high, ${x}.low, ${x}.close, false`);
    case 'ta.obv':
      return make('Obv', `${x}.close, ${x}.volume`);
    case 'ta.nvi':
      return make('Nvi', `${x}.close, ${x}.volume`);
    case 'ta.pvi':
      return make('Pvi', `${x}.close, ${x}.volume`);
    case 'ta.pvt':
      return make('Pvt', `${x}.close, ${x}.volume`);
    case 'ta.accdist':
      return make('Accdist', `${x}.high, ${x}.low, ${x}.close, ${x}.volume`);
    case 'ta.wad':
      return make('Wad', `${x}.high, ${x}.low, ${x}.close`);
    case 'ta.iii':
      return `${c.rt}.ta.iii(${x}.high, ${x}.low, ${x}.close, ${x}.volume)`;
    case 'ta.wvad':
      return `${c.rt}.ta.wvad(${x}.open, ${x}.high, ${x}.low, ${x}.close, ${x}.volume)`;
    case 'ta.vwap':
      return make('Vwap', `${x}.hlc3, ${x}.volume, ${x}.sessionIsFirstBar(), NaN`);
    default:
      return undefined;
  }
}
