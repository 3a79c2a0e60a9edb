import { roundHalfAway, roundToMintick } from '../core/numeric.js';
import type { SymbolInfo } from '../core/symbol.js';
import { RollingSum } from '../ta/rolling-sum.js';

/**
 * `math.*`. Numbers in, numbers out; `na` is NaN and any na operand gives na (reference manual:
 * "na values are ignored" is only for `ta.*`; math functions propagate na).
 */

/** `math.pi`, `math.e`, `math.phi`, `math.rphi`. */
export const pi = Math.PI;
export const e = Math.E;
export const phi = (1 + Math.sqrt(5)) / 2;
export const rphi = phi - 1;

/** `math.abs`. */
export const abs = Math.abs;
/** `math.acos`, `asin`, `atan`, `cos`, `sin`, `tan`, `exp`, `log` (natural), `log10`, `sqrt`. */
export const acos = Math.acos;
export const asin = Math.asin;
export const atan = Math.atan;
export const cos = Math.cos;
export const sin = Math.sin;
export const tan = Math.tan;
export const exp = Math.exp;
export const log = Math.log;
export const log10 = Math.log10;
export const sqrt = Math.sqrt;
/** `math.ceil`, `math.floor` (int results; na stays na). */
export const ceil = Math.ceil;
export const floor = Math.floor;

/**
 * `math.pow`. Evidence for the special cases: PyneCore `lib/math.py` measured on TradingView that
 * `pow(x, 2)` equals `x * x` and `pow(x, 0.5)` equals `sqrt(x)` bit for bit, which the platform
 * pow does not always give.
 */
export function pow(base: number, exponent: number): number {
  if (exponent === 2) return base * base;
  if (exponent === 0.5) return Math.sqrt(base);
  if (exponent === 1) return base;
  if (exponent === 0) return base === base ? 1 : NaN;
  return Math.pow(base, exponent);
}

/** `math.sign`: -1, 0 or 1; na for na. */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
}

/** `math.max(a, b, …)`: na when any argument is na (exact comparison). */
export function max(...xs: number[]): number {
  let m = -Infinity;
  for (const x of xs) {
    if (x !== x) return NaN;
    if (x > m) m = x;
  }
  return m;
}

/** `math.min(a, b, …)`: na when any argument is na. */
export function min(...xs: number[]): number {
  let m = Infinity;
  for (const x of xs) {
    if (x !== x) return NaN;
    if (x < m) m = x;
  }
  return m;
}

/** Two-argument `math.max` without rest-array allocation (codegen's hot path). */
export function max2(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a > b ? a : b;
}

/** Two-argument `math.min` without rest-array allocation. */
export function min2(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a < b ? a : b;
}

/**
 * `math.avg(a, b, …)`. Two terms are summed plainly; from three on TradingView uses a Kahan
 * compensated sum whose correction is folded back before dividing (PyneCore `lib/math.py`, probes
 * m569–m576 measured bit-exact on TradingView).
 */
export function avg(...xs: number[]): number {
  for (const x of xs) if (x !== x) return NaN;
  if (xs.length <= 2) {
    let s = 0;
    for (const x of xs) s += x;
    return s / xs.length;
  }
  let sum = 0;
  let c = 0;
  for (const x of xs) {
    const y = x - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return (sum - c) / xs.length;
}

/**
 * `math.round(x)` / `math.round(x, precision)`: half away from zero with TradingView's 1e-10 tie
 * tolerance (see {@link roundHalfAway}).
 */
export function round(x: number, precision = 0): number {
  return roundHalfAway(x, precision);
}

/** `math.round_to_mintick(x)` for a symbol (see {@link roundToMintick}). */
export function round_to_mintick(x: number, syminfo: SymbolInfo): number {
  return roundToMintick(x, syminfo.minmove, syminfo.pricescale);
}

/** `math.todegrees`. */
export function todegrees(radians: number): number {
  return (radians * 180) / Math.PI;
}

/** `math.toradians`. */
export function toradians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

const TWO_24 = 16_777_216;
const MULT_HI = 0x5de;
const MULT_LO = 0xece66d;

/**
 * `math.random(min, max, seed)` at one call site: java.util.Random's 48-bit LCG and `nextDouble`
 * (the algorithm the Java SE API specification publishes), which is what TradingView's JVM engine
 * uses (PyneCore `core/random.py` reproduces TradingView with the same generator). The 48-bit state
 * is kept as two 24-bit halves so every product is exact in doubles. Without a seed the call site
 * uses the run's fallback seed, so backtests stay reproducible.
 */
export class PineRandom {
  private hi: number;
  private lo: number;
  private seeded: boolean;
  private readonly fallbackSeed: number;

  constructor(fallbackSeed = 0) {
    this.hi = 0;
    this.lo = 0;
    this.seeded = false;
    this.fallbackSeed = fallbackSeed;
  }

  /** The next value in [min, max). */
  next(min = 0, max = 1, seed = NaN): number {
    if (!this.seeded) {
      this.setSeed(seed === seed ? seed : this.fallbackSeed);
      this.seeded = true;
    }
    const a = this.bits(26);
    const b = this.bits(27);
    return min + ((a * 134_217_728 + b) / 9_007_199_254_740_992) * (max - min);
  }

  private setSeed(seed: number): void {
    const s = Math.trunc(Math.abs(seed)) % 281_474_976_710_656;
    this.hi = (Math.floor(s / TWO_24) ^ MULT_HI) & 0xffffff;
    this.lo = ((s % TWO_24) ^ MULT_LO) & 0xffffff;
  }

  /** java.util.Random.next(bits). */
  private bits(bits: number): number {
    const loProduct = MULT_LO * this.lo + 0xb;
    const carry = Math.floor(loProduct / TWO_24);
    const lo = loProduct - carry * TWO_24;
    const hi = (MULT_HI * this.lo + MULT_LO * this.hi + carry) % TWO_24;
    this.hi = hi;
    this.lo = lo;
    return Math.floor((hi * TWO_24 + lo) / 2 ** (48 - bits));
  }
}

/**
 * `math.sum(source, length)` at one call site: the sum of the last `length` non-na values, na until
 * there are `length` of them; an na bar stores nothing and repeats the last sum. Evidence: TradingView
 * log recorded by PyneSys/pynecore (`tests/t01_lib/t04_math/data/test_002_math_sum_na.txt`: with a
 * source that is 1 every third bar, `math.sum(src, 2)` reads 2 on the na bars after the second 1).
 * The accumulation is the `ta` module's {@link RollingSum} — TradingView's compensated rolling
 * machine — so `math.sum(x, n) / n` and `ta.sma(x, n)` agree to the bit.
 */
export class MathSum {
  private readonly rolling: RollingSum;

  constructor() {
    this.rolling = new RollingSum();
  }

  /** Feeds this bar's value and returns the sum. */
  update(source: number, length: number): number {
    const n = Math.trunc(length);
    if (!(n >= 1)) return NaN;
    return this.rolling.update(source, n);
  }
}
