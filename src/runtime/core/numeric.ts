/**
 * TradingView's numeric laws that generated code and built-ins share.
 *
 * Comparison tolerance — evidence: PyneCore `core/pine_compare.py` (measured on TradingView over
 * four decades of magnitude, restated in shared/docs/TV-BROKER.md §4.2): user-code float
 * comparisons are tolerant with an ABSOLUTE epsilon of 1e-10, and a difference of exactly 1e-10
 * still counts as equal. The tolerance is a property of the operators in user code and of a few
 * measured built-ins (ta.rising/falling, ta.cmo, ta.mfi direction, array.indexof family); most
 * built-ins (ta.highest, pivots, math.max …) compare exactly and must not use these helpers.
 * Comparisons between two ints are already exact (a difference is 0 or ≥ 1), so codegen may emit a
 * plain operator when both operands are int-typed.
 */

/** TradingView's absolute comparison tolerance. */
export const EPSILON = 1e-10;

/** Pine `a == b` on floats: |a − b| ≤ 1e-10; anything compared with na is false. */
export function eq(a: number, b: number): boolean {
  if (a === b) return true;
  const d = a - b;
  return d <= EPSILON && d >= -EPSILON;
}

/**
 * Pine `a != b` on floats: the negation of {@link eq} for numbers, and false when either side is
 * na (a comparison with na is na, which a condition reads as false). Evidence: corpus case
 * ta-kama-style-efficiency-ratio-01 takes the else branch of `volatilitySum != 0 ? … : 0` while
 * `volatilitySum` is still na, which puts its first entry on the chart's third bar as in the export.
 */
export function ne(a: number, b: number): boolean {
  if (a !== a || b !== b) return false;
  return !eq(a, b);
}

/** Pine `a < b` on floats: a is below b by more than the tolerance. */
export function lt(a: number, b: number): boolean {
  return a - b < -EPSILON;
}

/** Pine `a > b` on floats. */
export function gt(a: number, b: number): boolean {
  return a - b > EPSILON;
}

/** Pine `a <= b` on floats (the raw test first keeps equal infinities equal). */
export function le(a: number, b: number): boolean {
  return a <= b || a - b <= EPSILON;
}

/** Pine `a >= b` on floats. */
export function ge(a: number, b: number): boolean {
  return a >= b || a - b >= -EPSILON;
}

/**
 * Pine `/`. Pine has no infinities: dividing by zero yields na (PyneCore `lib/math.py`: "Pine has
 * no non-finite values (1/0 is na)"). Since v5 the quotient of two non-const ints is fractional;
 * for v5 const-int operands codegen uses {@link divConstIntV5}.
 */
export function div(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

/**
 * v5 `const int / const int`: truncated toward zero. Evidence: the v6 migration guide
 * (tradingview.com/pine-script-docs/migration-guides/to-pine-version-6, "Dividing two 'const int'
 * values can return a fractional value"): v5 folded `5 / 2` to 2, v6 gives 2.5 and uses {@link div}.
 */
export function divConstIntV5(a: number, b: number): number {
  return b === 0 ? NaN : Math.trunc(a / b);
}

/**
 * Pine `%`: the remainder with the sign of the dividend (truncated division, as in C and JS),
 * na on a zero divisor like `/`.
 */
export function mod(a: number, b: number): number {
  return b === 0 ? NaN : a % b;
}

/** Pine `int(x)`: truncation toward zero; na stays na. */
export function toInt(x: number): number {
  return Math.trunc(x);
}

/**
 * Pine's rounding of `value · 10^precision` to an integer: ties away from zero, where a scaled value
 * within 1e-10 below the .5 tie already counts as the tie. Evidence: PyneCore `lib/math.py`
 * `round` (measured on 141,985 TradingView values: `118152.265` rounds to 2 decimals as
 * `118152.27`). The scale is done in doubles, whose error (≤ 1 ulp of the scaled value) stays
 * far below the tolerance for the magnitudes prices and indicators have.
 */
export function roundHalfAway(value: number, precision = 0): number {
  if (value !== value || !Number.isFinite(value)) return value;
  const negative = value < 0;
  const magnitude = negative ? -value : value;
  const scale = precision === 0 ? 1 : 10 ** precision;
  const scaled = magnitude * scale;
  let units = Math.floor(scaled);
  if (scaled - units >= 0.5 - EPSILON) units += 1;
  const rounded = precision === 0 ? units : units / scale;
  return negative ? -rounded : rounded;
}

/**
 * `math.round_to_mintick(x)`: `int(x / mintick + 0.5) · minmove / pricescale`. Evidence: PyneCore
 * `lib/math.py` (`int()` truncates, so negative values round toward +∞ on ties, as TradingView).
 * Rebuilding the tick from `minmove / pricescale` keeps symbols like QM1! (mintick 0.025) exact.
 */
export function roundToMintick(value: number, minmove: number, pricescale: number): number {
  if (value !== value) return NaN;
  const mintick = minmove / pricescale;
  return (Math.trunc(value / mintick + 0.5) * minmove) / pricescale;
}
