import { FloatRing } from './ring.js';

/**
 * Rolling sum over the last `length` non-na values — Pine's `math.sum`, the engine under `ta.sma`,
 * `ta.variance`/`ta.stdev`, `ta.correlation`, `ta.mfi`, `ta.cmo`, `ta.vwma`.
 *
 * Window rule (reference manual: "na values in the source series are ignored; the function
 * calculates on the `length` quantity of non-na values"): na values are never stored; the sum is na
 * until `length` non-na values were seen; on an na bar after that it holds its last value.
 *
 * Numerics: TradingView's own compensated machine, as measured bit-for-bit by PyneCore
 * (src/pynecore/lib/_math_stateful.py, core/rolling_sum.py): each bar evicts the entry stored `length`
 * values ago and adds the new value in one fused two-round step, storing the realised addend for the
 * later eviction; on bars where the Fast2Sum residue of `x + |c|` is positive it instead re-baselines
 * to the plain newest-first sum of the raw window and clears the compensation. Reproducing it matters:
 * variance and correlation subtract nearly equal sums, so a differently-rounded (even a more exact)
 * sum leaves them 1e-9…1e-8 relative off TradingView (oracles bb.csv `bbw`, correlation.csv).
 * A changed `length` re-baselines from the kept raw history; a constant length is O(1) per bar except on
 * the rare re-baseline bars (O(length)).
 */
export class RollingSum {
  private readonly raw: FloatRing = new FloatRing(16);
  private readonly entries: FloatRing = new FloatRing(16);
  private sum = 0;
  private comp = 0;
  private coveredLength = 0;
  private count = 0;

  /** Feeds one bar; returns the sum of the last `length` non-na values, or NaN (na). */
  update(value: number, length: number): number {
    if (length !== this.coveredLength) return this.changeLength(value, length);
    if (Number.isNaN(value)) return this.count < length ? NaN : this.sum;
    this.raw.push(value);
    const c = this.comp;
    if (c !== 0 && value !== 0) {
      // TradingView re-baselines when the Fast2Sum residue of fl(x + |c|) is positive.
      const b = c > 0 ? c : -c;
      const r = value + b;
      if (r !== 0 && r - r === 0 && b - (r - value) > 0) return this.rebaselineWith(value, length);
    }
    let evicted = 0;
    if (this.count >= length) evicted = this.entries.get(length - 1);
    else this.count++;
    const y1 = -evicted - c;
    const t = this.sum + y1;
    const e1 = t - this.sum - y1;
    const y2 = value - e1;
    const s = t + y2;
    this.comp = s - t - y2;
    this.sum = s;
    this.entries.push(y2);
    return this.count >= length ? s : NaN;
  }

  /** Non-na values seen so far. */
  get seen(): number {
    return this.count;
  }

  /** The `offset`-th most recent non-na value (0 = newest). */
  recent(offset: number): number {
    return this.raw.get(offset);
  }

  /** Newest-first linear sum of the newest `n` raw values. */
  private plainSum(n: number): number {
    let s = this.raw.get(0);
    for (let i = 1; i < n; i++) s = this.raw.get(i) + s;
    return s;
  }

  /** The rare re-baseline bar: the plain sum of the raw window replaces the accumulator. */
  private rebaselineWith(value: number, length: number): number {
    if (this.count < length) this.count++;
    this.sum = this.plainSum(Math.min(this.count, length));
    this.comp = 0;
    this.entries.push(value);
    return this.count >= length ? this.sum : NaN;
  }

  /**
   * First call, or a new length: size the buffers, and on a change restart from the kept raw history
   * (as much of the window as is held; history older than the longest length seen so far is not kept,
   * as TradingView sizes buffers to the deepest read so far).
   */
  private changeLength(value: number, length: number): number {
    const first = this.coveredLength === 0;
    this.coveredLength = length;
    this.raw.reserve(length + 1);
    this.entries.reserve(length);
    if (first) return this.update(value, length);
    if (!Number.isNaN(value)) this.raw.push(value);
    this.comp = 0;
    const found = Math.min(this.raw.size, length);
    this.entries.clear();
    for (let i = found - 1; i >= 0; i--) this.entries.push(this.raw.get(i));
    this.count = found;
    this.sum = found > 0 ? this.plainSum(found) : 0;
    return found === length ? this.sum : NaN;
  }
}
