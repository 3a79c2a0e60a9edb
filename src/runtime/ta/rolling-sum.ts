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
  private readonly raw: FloatRing;
  private readonly entries: FloatRing;
  private sum: number;
  private comp: number;
  private coveredLength: number;
  private count: number;

  constructor() {
    this.raw = new FloatRing(16);
    this.entries = new FloatRing(16);
    this.sum = 0;
    this.comp = 0;
    this.coveredLength = 0;
    this.count = 0;
  }

  /** Feeds one bar; returns the sum of the last `length` non-na values, or NaN (na). */
  update(value: number, length: number): number {
    const isNa = Number.isNaN(value);
    if (!isNa) {
      this.raw.reserve(length + 1);
      this.raw.push(value);
    }
    if (length !== this.coveredLength) {
      if (this.coveredLength !== 0) return this.rebaseline(length);
      this.coveredLength = length;
    }
    if (isNa) return this.count < length ? NaN : this.sum;
    const c = this.comp;
    let fires = false;
    if (c !== 0 && value !== 0) {
      const b = c > 0 ? c : -c;
      const r = value + b;
      if (r !== 0 && r - r === 0) fires = b - (r - value) > 0;
    }
    const warm = this.count >= length;
    const evicted = warm ? this.entries.get(length - 1) : 0;
    if (!warm) this.count++;
    this.entries.reserve(length);
    if (fires) {
      this.sum = this.plainSum(Math.min(this.count, length));
      this.comp = 0;
      this.entries.push(value);
    } else {
      const y1 = -evicted - c;
      const t = this.sum + y1;
      const e1 = t - this.sum - y1;
      const y2 = value - e1;
      const s = t + y2;
      this.comp = s - t - y2;
      this.sum = s;
      this.entries.push(y2);
    }
    return this.count >= length ? this.sum : NaN;
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

  /**
   * A new length: restart from the kept raw history (as much of the window as is held; history older
   * than the longest length seen so far is not kept, as TradingView sizes buffers to the deepest read).
   */
  private rebaseline(length: number): number {
    this.coveredLength = length;
    this.comp = 0;
    const found = Math.min(this.raw.size, length);
    this.entries.clear();
    this.entries.reserve(length);
    for (let i = found - 1; i >= 0; i--) this.entries.push(this.raw.get(i));
    this.count = found;
    this.sum = found > 0 ? this.plainSum(found) : 0;
    return found === length ? this.sum : NaN;
  }
}
