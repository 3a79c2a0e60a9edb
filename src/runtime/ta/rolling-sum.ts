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
  // One ring for both histories, sharing `head`: slot j of `raw` holds a non-na value and slot j of
  // `entries` the addend realised when it was added (or the value itself after a re-baseline). One
  // shared cursor keeps the per-bar path small enough for V8 to inline into its callers.
  private raw: Float64Array = new Float64Array(16);
  private entries: Float64Array = new Float64Array(16);
  private mask = 15;
  private head = 0;
  /** Raw values held (at most the capacity). */
  private held = 0;
  private sum = 0;
  private comp = 0;
  private coveredLength = 0;
  private count = 0;

  /** Feeds one bar; returns the sum of the last `length` non-na values, or NaN (na). */
  update(value: number, length: number): number {
    if (length !== this.coveredLength || value !== value) return this.unusualBar(value, length);
    const head = this.push(value);
    const c = this.comp;
    if (c !== 0 && value !== 0) {
      // TradingView re-baselines when the Fast2Sum residue of fl(x + |c|) is positive.
      const b = c > 0 ? c : -c;
      const r = value + b;
      if (r !== 0 && r - r === 0 && b - (r - value) > 0) return this.rebaselineWith(value, length);
    }
    let evicted = 0;
    // The addend stored `length` values ago (the capacity exceeds every covered length).
    if (this.count >= length) evicted = this.entries[(head - length) & this.mask];
    else this.count++;
    const y1 = -evicted - c;
    const t = this.sum + y1;
    const e1 = t - this.sum - y1;
    const y2 = value - e1;
    const s = t + y2;
    this.comp = s - t - y2;
    this.sum = s;
    this.entries[head] = y2;
    return this.count >= length ? s : NaN;
  }

  /** Non-na values seen so far. */
  get seen(): number {
    return this.count;
  }

  /** The `offset`-th most recent non-na value (0 = newest); NaN beyond the held history. */
  recent(offset: number): number {
    if (!(offset < this.held) || offset < 0) return NaN; // NaN offsets too
    return this.raw[(this.head - offset) & this.mask];
  }

  /** Stores a new raw value in a new slot; returns the slot. */
  private push(value: number): number {
    const head = (this.head + 1) & this.mask;
    this.head = head;
    this.raw[head] = value;
    if (this.held <= this.mask) this.held++;
    return head;
  }

  /** A new length (or the first bar), or an na value: out of the per-bar path. */
  private unusualBar(value: number, length: number): number {
    if (length !== this.coveredLength) return this.changeLength(value, length);
    return this.count < length ? NaN : this.sum;
  }

  /** Newest-first linear sum of the newest `n` raw values. */
  private plainSum(n: number): number {
    let s = this.recent(0);
    for (let i = 1; i < n; i++) s = this.recent(i) + s;
    return s;
  }

  /** The rare re-baseline bar: the plain sum of the raw window replaces the accumulator. */
  private rebaselineWith(value: number, length: number): number {
    if (this.count < length) this.count++;
    this.sum = this.plainSum(Math.min(this.count, length));
    this.comp = 0;
    this.entries[this.head] = value;
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
    this.reserve(length + 1);
    if (first) return this.update(value, length);
    if (value === value) this.push(value);
    this.comp = 0;
    const found = Math.min(this.held, length);
    // The window restarts from the raw values themselves.
    for (let i = 0; i < found; i++) {
      const slot = (this.head - i) & this.mask;
      this.entries[slot] = this.raw[slot];
    }
    this.count = found;
    this.sum = found > 0 ? this.plainSum(found) : 0;
    return found === length ? this.sum : NaN;
  }

  /** Grows the ring to hold at least `count` values, keeping the held history (oldest first). */
  private reserve(count: number): void {
    if (!(count > this.mask + 1)) return; // also ignores NaN
    let capacity = this.mask + 1;
    while (capacity < count) capacity *= 2;
    const raw = new Float64Array(capacity);
    const entries = new Float64Array(capacity);
    for (let i = this.held - 1, j = 0; i >= 0; i--, j++) {
      const slot = (this.head - i) & this.mask;
      raw[j] = this.raw[slot];
      entries[j] = this.entries[slot];
    }
    this.raw = raw;
    this.entries = entries;
    this.mask = capacity - 1;
    this.head = (this.held - 1) & this.mask;
  }
}
