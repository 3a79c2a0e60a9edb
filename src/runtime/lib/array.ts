import { PineRuntimeError } from '../core/errors.js';
import { ascending, isNaElement, sameValue } from './compare.js';
import { tostring } from './str.js';

/** `order.ascending` / `order.descending`. */
export type SortOrder = 'ascending' | 'descending';

/**
 * A Pine `array<T>`. Element na is NaN for numeric arrays and null otherwise.
 *
 * Behaviours taken from TradingView measurements documented by PyneCore (`lib/array.py`):
 * v6 negative indices for get/set/insert/remove (-1 = last), out-of-range index halts the script,
 * na sorts last in numeric arrays and first in string arrays, statistics skip na elements,
 * `indexof`/`includes` compare numbers with the 1e-10 tolerance while `binary_search` is exact,
 * and `slice` is a VIEW: writes through the slice change the original (reference manual: "If an
 * object from the slice changes, the changes are applied to both the new and the original arrays"),
 * pushes to a slice insert at the slice's end inside the original.
 */
export class PineArray<T> {
  private readonly base: T[];
  private readonly start: number;
  private viewSize: number;
  private readonly isView: boolean;
  /**
   * True for `array<float>`: TradingView prints such elements the way Java prints a double
   * (`0.0`, `1.5`), int elements without a fraction. Codegen sets it from the declared type.
   */
  readonly floatElements: boolean;

  private constructor(base: T[], start: number, viewSize: number, isView: boolean, floatElements: boolean) {
    this.base = base;
    this.start = start;
    this.viewSize = viewSize;
    this.isView = isView;
    this.floatElements = floatElements;
  }

  /** `array.new<type>(size, initial_value)`; an na size makes an empty array. */
  static create<T>(size: number, initial: T, floatElements = false): PineArray<T> {
    const n = size === size ? Math.max(0, Math.trunc(size)) : 0;
    return new PineArray<T>(new Array<T>(n).fill(initial), 0, 0, false, floatElements);
  }

  /** `array.from(a, b, …)` of ints, bools, strings or objects. */
  static from<T>(...items: T[]): PineArray<T> {
    return new PineArray<T>(items, 0, 0, false, false);
  }

  /** `array.from(a, b, …)` whose element type is float. */
  static fromFloats(...items: number[]): PineArray<number> {
    return new PineArray<number>(items, 0, 0, false, true);
  }

  /** Wraps a JS array (owned by the new Pine array from now on). */
  static wrap<T>(items: T[], floatElements = false): PineArray<T> {
    return new PineArray<T>(items, 0, 0, false, floatElements);
  }

  /** `array.size(id)`. */
  size(): number {
    return this.isView ? this.viewSize : this.base.length;
  }

  /** The elements as a fresh JS array (for tests and interop). */
  toArray(): T[] {
    return this.base.slice(this.start, this.start + this.size());
  }

  private index(i: number, allowEnd = false): number {
    const n = this.size();
    let k = Math.trunc(i);
    if (k < 0) k += n;
    if (!(k >= 0 && (allowEnd ? k <= n : k < n))) {
      throw new PineRuntimeError('array-index', `Index ${i} is out of bounds. Array size is ${n}.`);
    }
    return this.start + k;
  }

  /** `array.get(id, index)` (negative counts from the end). */
  get(i: number): T {
    return this.base[this.index(i)];
  }

  /** `array.set(id, index, value)`. */
  set(i: number, value: T): void {
    this.base[this.index(i)] = value;
  }

  /** `array.first(id)`; empty arrays halt. */
  first(): T {
    return this.get(0);
  }

  /** `array.last(id)`. */
  last(): T {
    return this.get(-1);
  }

  /** `array.push(id, value)`. */
  push(value: T): void {
    if (this.isView) this.insert(this.viewSize, value);
    else this.base.push(value);
  }

  /** `array.unshift(id, value)`. */
  unshift(value: T): void {
    this.insert(0, value);
  }

  /** `array.insert(id, index, value)`; index may equal the size (append). */
  insert(i: number, value: T): void {
    const k = Math.trunc(i) < 0 ? this.index(i) : this.index(i, true);
    this.base.splice(k, 0, value);
    if (this.isView) this.viewSize++;
  }

  /** `array.remove(id, index)`: the removed element. */
  remove(i: number): T {
    const k = this.index(i);
    const [removed] = this.base.splice(k, 1);
    if (this.isView) this.viewSize--;
    return removed;
  }

  /** `array.pop(id)`. */
  pop(): T {
    return this.remove(-1);
  }

  /** `array.shift(id)`. */
  shift(): T {
    return this.remove(0);
  }

  /** `array.clear(id)`. */
  clear(): void {
    this.base.splice(this.start, this.size());
    if (this.isView) this.viewSize = 0;
  }

  /** `array.fill(id, value, index_from, index_to)`. */
  fill(value: T, from = 0, to = this.size()): void {
    const n = this.size();
    const a = Math.max(0, Math.trunc(from === from ? from : 0));
    const b = Math.min(n, Math.trunc(to === to ? to : n));
    for (let k = a; k < b; k++) this.base[this.start + k] = value;
  }

  /** `array.copy(id)`: a shallow, independent copy. */
  copy(): PineArray<T> {
    return PineArray.wrap(this.toArray(), this.floatElements);
  }

  /** `array.slice(id, from, to)`: a view sharing elements with this array (na bounds = whole range). */
  slice(from: number, to: number): PineArray<T> {
    const n = this.size();
    const a = from === from ? Math.trunc(from) : 0;
    const b = to === to ? Math.trunc(to) : n;
    if (!(a >= 0 && a < n) || !(b >= 0 && b <= n) || a > b) {
      throw new PineRuntimeError('array-slice', `Invalid slice [${from}, ${to}) of an array of size ${n}.`);
    }
    return new PineArray<T>(this.base, this.start + a, b - a, true, this.floatElements);
  }

  /** `array.concat(id1, id2)`: appends `other` to this array and returns this array. */
  concat(other: PineArray<T>): this {
    for (const v of other.toArray()) this.push(v);
    return this;
  }

  /** `array.reverse(id)`. */
  reverse(): void {
    const items = this.toArray().reverse();
    items.forEach((v, k) => (this.base[this.start + k] = v));
  }

  /** `array.includes(id, value)` (tolerant for numbers). */
  includes(value: T): boolean {
    return this.indexof(value) >= 0;
  }

  /** `array.indexof(id, value)`: first index or -1. */
  indexof(value: T): number {
    const n = this.size();
    for (let k = 0; k < n; k++) if (sameValue(this.base[this.start + k], value)) return k;
    return -1;
  }

  /** `array.lastindexof(id, value)`. */
  lastindexof(value: T): number {
    for (let k = this.size() - 1; k >= 0; k--) if (sameValue(this.base[this.start + k], value)) return k;
    return -1;
  }

  /** `array.join(id, separator)`; numbers as `str.tostring` prints them. */
  join(separator = ''): string {
    return this.toArray()
      .map((v) => (typeof v === 'string' ? v : tostring(v as number | boolean | null)))
      .join(separator);
  }

  /** `array.every(id)`: all elements true. */
  every(): boolean {
    return this.toArray().every((v) => v === true);
  }

  /** `array.some(id)`: any element true. */
  some(): boolean {
    return this.toArray().some((v) => v === true);
  }

  /** `array.sort(id, order)`: na last for numbers, first for strings; descending = reversed ascending. */
  sort(order: SortOrder = 'ascending'): void {
    const sorted = this.sortedIndices(order).map((k) => this.base[this.start + k]);
    sorted.forEach((v, k) => (this.base[this.start + k] = v));
  }

  /** `array.sort_indices(id, order)`: indices in sorted order; the array is unchanged. */
  sort_indices(order: SortOrder = 'ascending'): PineArray<number> {
    return PineArray.wrap(this.sortedIndices(order));
  }

  private sortedIndices(order: SortOrder): number[] {
    const values = this.toArray();
    const present: number[] = [];
    const missing: number[] = [];
    values.forEach((v, k) => (isNaElement(v) ? missing : present).push(k));
    present.sort((a, b) => ascending(values[a], values[b]) || a - b);
    const naFirst = present.length > 0 && typeof values[present[0]] === 'string';
    const all = naFirst ? missing.concat(present) : present.concat(missing);
    return order === 'descending' ? all.reverse() : all;
  }

  /** `array.binary_search(id, value)`: index of an exactly equal element in an ascending array, or -1. */
  binary_search(value: T): number {
    let lo = 0;
    let hi = this.size() - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = ascending(this.base[this.start + mid], value);
      if (c === 0) return mid;
      if (c > 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** `array.binary_search_leftmost`: first equal index, else the last smaller index (0 if none). */
  binary_search_leftmost(value: T): number {
    const i = this.bound(value, false);
    if (i < this.size() && ascending(this.base[this.start + i], value) === 0) return i;
    return i > 0 ? i - 1 : 0;
  }

  /** `array.binary_search_rightmost`: last equal index, else the first greater index (size if none). */
  binary_search_rightmost(value: T): number {
    const i = this.bound(value, true);
    if (i > 0 && ascending(this.base[this.start + i - 1], value) === 0) return i - 1;
    return i;
  }

  private bound(value: T, upper: boolean): number {
    let lo = 0;
    let hi = this.size();
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = ascending(this.base[this.start + mid], value);
      if (c < 0 || (upper && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Non-na numeric elements (statistics skip na). */
  numbers(): number[] {
    return (this.toArray() as unknown[]).filter((v): v is number => typeof v === 'number' && v === v);
  }
}

/** A numeric Pine array; the statistics below accept it. */
export type NumArray = PineArray<number>;

/** `array.sum(id)`: sum of non-na elements; na when there are none. */
export function arraySum(a: NumArray): number {
  const xs = a.numbers();
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** `array.avg(id)`. */
export function arrayAvg(a: NumArray): number {
  const xs = a.numbers();
  return xs.length === 0 ? NaN : arraySum(a) / xs.length;
}

/** `array.max(id, nth)`: nth largest non-na (0 = max; na nth = 0); na when out of range. */
export function arrayMax(a: NumArray, nth = 0): number {
  const xs = a.numbers().sort((x, y) => y - x);
  const k = nth === nth ? Math.trunc(nth) : 0;
  return k >= 0 && k < xs.length ? xs[k] : NaN;
}

/** `array.min(id, nth)`. */
export function arrayMin(a: NumArray, nth = 0): number {
  const xs = a.numbers().sort((x, y) => x - y);
  const k = nth === nth ? Math.trunc(nth) : 0;
  return k >= 0 && k < xs.length ? xs[k] : NaN;
}

/** `array.range(id)`: max − min. */
export function arrayRange(a: NumArray): number {
  return arrayMax(a) - arrayMin(a);
}

/** `array.median(id)`: middle value, mean of the two middle ones for an even count. */
export function arrayMedian(a: NumArray): number {
  const xs = a.numbers().sort((x, y) => x - y);
  const n = xs.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

/** `array.mode(id)`: most frequent value; the smallest among equally frequent ones (reference manual). */
export function arrayMode(a: NumArray): number {
  const xs = a.numbers().sort((x, y) => x - y);
  let best = NaN;
  let bestCount = 0;
  for (let i = 0; i < xs.length;) {
    let j = i;
    while (j < xs.length && xs[j] === xs[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = xs[i];
    }
    i = j;
  }
  return best;
}

/** `array.variance(id, biased)`: population (biased, default) or sample variance of non-na values. */
export function arrayVariance(a: NumArray, biased = true): number {
  const xs = a.numbers();
  const n = xs.length;
  if (n === 0) return NaN;
  if (n < 2) return 0;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return ss / (biased ? n : n - 1);
}

/** `array.stdev(id, biased)`. */
export function arrayStdev(a: NumArray, biased = true): number {
  return Math.sqrt(arrayVariance(a, biased));
}

/** `array.covariance(id1, id2, biased)`: Welford co-moment over pairs where both are non-na. */
export function arrayCovariance(a: NumArray, b: NumArray, biased = true): number {
  const xs = a.toArray();
  const ys = b.toArray();
  let n = 0;
  let mx = 0;
  let my = 0;
  let co = 0;
  for (let k = 0; k < Math.min(xs.length, ys.length); k++) {
    const x = xs[k];
    const y = ys[k];
    if (x !== x || y !== y) continue;
    n++;
    const dx = x - mx;
    mx += dx / n;
    my += (y - my) / n;
    co += dx * (y - my);
  }
  if (n === 0) return NaN;
  const divisor = biased ? n : n - 1;
  return divisor === 0 ? 0 : co / divisor;
}

/** `array.standardize(id)`: z-scores against population mean/stdev; all-equal values give 1. */
export function arrayStandardize(a: NumArray): NumArray {
  const xs = a.numbers();
  const all = a.toArray();
  if (xs.length === 0)
    return PineArray.wrap(
      all.map(() => NaN),
      true,
    );
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / xs.length);
  return PineArray.wrap(
    all.map((v) => (v !== v ? NaN : sd === 0 ? 1 : (v - mean) / sd)),
    true,
  );
}

/** `array.abs(id)`: a new array of absolute values. */
export function arrayAbs(a: NumArray): NumArray {
  return PineArray.wrap(a.toArray().map(Math.abs), a.floatElements);
}

/**
 * `array.percentile_linear_interpolation(id, percentage)`: na values sort last and count in the
 * length; position `n·p/100 + 0.5` (1-based), weighted `lo·(1−f) + hi·f`; any na makes fractional
 * positions na; na percentage gives na; a percentage outside [0, 100] halts.
 */
export function arrayPercentileLinear(a: NumArray, percentage: number): number {
  const n = a.size();
  if (n === 0 || percentage !== percentage) return NaN;
  checkPercentage(percentage);
  const xs = a.numbers().sort((x, y) => x - y);
  const m = xs.length;
  let pos = (n * percentage) / 100 + 0.5;
  const nearest = Math.round(pos);
  if (Math.abs(pos - nearest) < 1e-9) pos = nearest;
  if (pos <= 1) return m > 0 ? xs[0] : NaN;
  if (pos >= n) return m === n ? xs[m - 1] : NaN;
  const lower = Math.floor(pos);
  const f = pos - lower;
  if (f === 0) return lower <= m ? xs[lower - 1] : NaN;
  if (m < n) return NaN;
  return xs[lower - 1] * (1 - f) + xs[lower] * f;
}

/** `array.percentile_nearest_rank(id, percentage)`: rank `ceil(p·n/100)` clamped to [1, n]; na percentage = 0. */
export function arrayPercentileNearestRank(a: NumArray, percentage: number): number {
  const n = a.size();
  if (n === 0) return NaN;
  const p = percentage === percentage ? percentage : 0;
  checkPercentage(p);
  const xs = a.numbers().sort((x, y) => x - y);
  if (p === 0) return xs.length > 0 ? xs[0] : NaN;
  const rank = Math.max(1, Math.min(Math.ceil((p * n) / 100), n));
  return rank <= xs.length ? xs[rank - 1] : NaN;
}

/** `array.percentrank(id, index)`: % of other elements ≤ the element at index (tolerant ≤). */
export function arrayPercentrank(a: NumArray, index: number): number {
  const n = a.size();
  if (n === 0) return NaN;
  const k = index === index ? Math.trunc(index) : 0;
  if (!(k >= 0 && k < n))
    throw new PineRuntimeError('array-index', `Index ${index} is out of bounds. Array size is ${n}.`);
  if (n === 1) return NaN;
  const v = a.get(k);
  if (v !== v) return NaN;
  let count = 0;
  for (const x of a.numbers()) if (x <= v || x - v <= 1e-10) count++;
  return ((count - 1) * 100) / (n - 1);
}

function checkPercentage(p: number): void {
  if (!(p >= 0 && p <= 100))
    throw new PineRuntimeError('array-percentage', `Percentage ${p} is outside [0, 100].`);
}
