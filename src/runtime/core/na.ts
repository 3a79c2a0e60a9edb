/**
 * Pine's `na`: NaN for `int`/`float` (and colors, which are numbers here), `null` for strings and
 * references. `nz` and `fixnan` follow the reference manual; `oracles/base/na.csv` (TradingView
 * export) checks all three on a series that is na on every other bar.
 */

/** The `na` value of numeric series. */
export const NA = NaN;

/** `na(x)` for numbers: true exactly when x is NaN. */
export function isNa(x: number): boolean {
  return x !== x;
}

/** `na(x)` for any value: NaN, null and undefined are na. */
export function isNaValue(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'number' && x !== x);
}

/** `nz(x, replacement)`: x, or `replacement` (default 0) when x is na. */
export function nz(x: number, replacement = 0): number {
  return x === x ? x : replacement;
}

/**
 * `fixnan(x)` at one call site: the last non-na value seen, na until there is one.
 * Oracle: na.csv `fixnan(val)` repeats the previous even bar's value on odd (na) bars.
 */
export class Fixnan {
  // Initialised where declared so V8 keeps it an unboxed double (see PineContext's bar fields).
  private last = NaN;

  /** Feeds this bar's value and returns the fixed value. */
  update(x: number): number {
    if (x === x) this.last = x;
    return this.last;
  }
}
