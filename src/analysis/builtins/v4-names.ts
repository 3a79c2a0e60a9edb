/**
 * Pine v4 names and their v5/v6 equivalents, as data. Source: TradingView's "To Pine Script version 5"
 * migration guide (tables "Renamed functions and parameters" and "Removed functions and variables").
 * The guide's table misspells `barssince` as `barsince`; the function is `barssince` in v4 and v5.
 * Checked against the guide: every row of its ta/math/request/ticker/str tables and the renames of study,
 * tickerid, time, time_close, nz, strategy.entry/order. Colour names without `color.` are Pine v3 spellings
 * that some v4-era scripts still carry; TradingView's v4 compiler may refuse them (UNVERIFIED), mapping them
 * costs nothing.
 */

/** How one v4 name maps onto the current catalogue. */
export interface V4Alias {
  /** The v4 spelling, e.g. `sma`. */
  readonly v4Name: string;
  readonly kind: 'function' | 'variable' | 'constant';
  /** The v5/v6 name, or undefined when the feature was removed (then `advice` says what replaces it). */
  readonly target: string | undefined;
  /** v4 parameter names and their v5 names, e.g. `security`'s resolution → timeframe. */
  readonly paramRenames: Readonly<Record<string, string>>;
  /** One sentence for diagnostics: "v4 `security()` is `request.security()` in v5+". */
  readonly advice: string;
}

const TA_FUNCTIONS = `alma atr bb bbw cci cmo cog dmi ema hma kc kcw linreg macd mfi mom rma roc rsi sar sma stoch
  supertrend swma tr tsi vwap vwma wma wpr barssince change correlation cross crossover crossunder cum dev falling
  highest highestbars lowest lowestbars median mode percentile_linear_interpolation percentile_nearest_rank
  percentrank pivothigh pivotlow range rising stdev valuewhen variance`;
const TA_VARIABLES = 'accdist iii nvi obv pvi pvt tr vwap wad wvad';
const MATH_FUNCTIONS = `abs acos asin atan avg ceil cos exp floor log log10 max min pow random round round_to_mintick
  sign sin sqrt sum tan todegrees toradians`;
const REQUEST_FUNCTIONS = 'financial quandl security splits dividends earnings';
const TICKER_FUNCTIONS = 'heikinashi kagi linebreak pointfigure renko';
const V3_COLORS =
  'aqua black blue fuchsia gray green lime maroon navy olive orange purple red silver teal white yellow';

/** Parameter renames of v4 functions that moved (rows of the guide that list parameters). */
const RENAMED_PARAMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  rsi: { x: 'source', y: 'length' },
  swma: { x: 'source' },
  vwap: { x: 'source' },
  correlation: { source_a: 'source1', source_b: 'source2' },
  cross: { x: 'source1', y: 'source2' },
  crossover: { x: 'source1', y: 'source2' },
  crossunder: { x: 'source1', y: 'source2' },
  cum: { x: 'source' },
  abs: { x: 'number' },
  acos: { x: 'angle' }, // the guide says `number`; the v6 manual names the parameter `angle`
  asin: { x: 'angle' },
  atan: { x: 'angle' },
  ceil: { x: 'number' },
  cos: { x: 'angle' },
  exp: { x: 'number' },
  floor: { x: 'number' },
  log: { x: 'number' },
  log10: { x: 'number' },
  round: { x: 'number' },
  round_to_mintick: { x: 'number' },
  sign: { x: 'number' },
  sin: { x: 'angle' },
  sqrt: { x: 'number' },
  tan: { x: 'angle' },
  security: { resolution: 'timeframe' },
  study: { resolution: 'timeframe', resolution_gaps: 'timeframe_gaps' },
  tostring: { x: 'value', y: 'format' },
  tonumber: { x: 'string' },
};

/**
 * Parameters renamed in v5 on functions that kept their name; a v4 call spelling the old name means the new one.
 */
export const V4_PARAM_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze({
  'strategy.entry': { long: 'direction' },
  'strategy.order': { long: 'direction' },
  time: { resolution: 'timeframe' },
  time_close: { resolution: 'timeframe' },
  nz: { x: 'source', y: 'replacement' },
});

/**
 * v4's `input(defval, type = input.integer, …)`: the value of `type` and the v5 function that replaces the call.
 * Without `type`, v4 `input()` infers the kind from `defval`, like v5's `input()`.
 */
export const V4_INPUT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  'input.bool': 'input.bool',
  'input.color': 'input.color',
  'input.float': 'input.float',
  'input.integer': 'input.int',
  'input.resolution': 'input.timeframe',
  'input.session': 'input.session',
  'input.source': 'input.source',
  'input.string': 'input.string',
  'input.symbol': 'input.symbol',
  'input.time': 'input.time',
});

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function alias(v4Name: string, kind: V4Alias['kind'], target: string | undefined, advice?: string): V4Alias {
  return Object.freeze({
    v4Name,
    kind,
    target,
    paramRenames: RENAMED_PARAMS[v4Name] ?? {},
    advice:
      advice ??
      (kind === 'function'
        ? `v4 \`${v4Name}()\` is \`${String(target)}()\` in Pine v5 and v6`
        : `v4 \`${v4Name}\` is \`${String(target)}\` in Pine v5 and v6`),
  });
}

/** Builds the full v4 alias table (called once by the catalogue). */
export function buildV4Aliases(): readonly V4Alias[] {
  const out: V4Alias[] = [];
  for (const n of words(TA_FUNCTIONS)) out.push(alias(n, 'function', `ta.${n}`));
  for (const n of words(TA_VARIABLES)) out.push(alias(n, 'variable', `ta.${n}`));
  for (const n of words(MATH_FUNCTIONS)) out.push(alias(n, 'function', `math.${n}`));
  for (const n of words(REQUEST_FUNCTIONS)) out.push(alias(n, 'function', `request.${n}`));
  for (const n of words(TICKER_FUNCTIONS)) out.push(alias(n, 'function', `ticker.${n}`));
  for (const n of words(V3_COLORS)) out.push(alias(n, 'constant', `color.${n}`));
  out.push(
    alias('study', 'function', 'indicator'),
    alias('tickerid', 'function', 'ticker.new'),
    alias('tostring', 'function', 'str.tostring'),
    alias('tonumber', 'function', 'str.tonumber'),
    alias(
      'offset',
      'function',
      undefined,
      'v4 `offset(x, n)` was removed in v5: use the history operator `x[n]`',
    ),
  );
  return Object.freeze(out);
}
