import { FloatRing, intLength, isBadLength } from './ring.js';

/**
 * Sliding-window maximum over the last `length` bars by a monotonic deque: amortised O(1) per bar, no
 * allocation once grown. Minimum is the maximum of the negated values. NaN bars occupy a slot but are
 * never candidates. Tie rule: `newestWins` false keeps the OLDEST of equal extremes (ta.highest's
 * `highestbars` points at the oldest equal bar), true keeps the newest (pivots: an equal value to the
 * right of a candidate disqualifies it, one to the left does not).
 */
export class WindowExtreme {
  private readonly history: FloatRing = new FloatRing(16);
  private readonly sign: number;
  private readonly newestWins: boolean;
  private positions: Float64Array = new Float64Array(16);
  private values: Float64Array = new Float64Array(16);
  private mask = 15;
  private front = 0;
  private back = 0;
  private windowLength = 0;
  /** Bars seen so far. */
  bars = 0;
  /** Extreme of the current window (NaN when it holds no number). */
  value = NaN;
  /** Bar offset of `value` (0 = current bar), NaN when none. */
  offset = NaN;

  constructor(maximum: boolean, newestWins: boolean) {
    this.sign = maximum ? 1 : -1;
    this.newestWins = newestWins;
  }

  /** Adds one bar and refreshes `value`/`offset` for the last `length` bars. */
  push(source: number, length: number): void {
    const bar = this.bars++;
    this.history.reserve(length);
    this.history.push(source);
    if (length !== this.windowLength) {
      this.rebuild(length, bar);
    } else {
      this.append(bar, source);
      this.evict(bar, length);
    }
    if (this.front === this.back) {
      this.value = NaN;
      this.offset = NaN;
    } else {
      const i = this.front & this.mask;
      this.value = this.values[i] * this.sign;
      this.offset = bar - this.positions[i];
    }
  }

  private append(bar: number, source: number): void {
    if (Number.isNaN(source)) return;
    const v = source * this.sign;
    while (this.back !== this.front) {
      const last = this.values[(this.back - 1) & this.mask];
      if (last < v || (this.newestWins && last === v)) this.back--;
      else break;
    }
    if (this.back - this.front > this.mask) this.grow();
    const i = this.back & this.mask;
    this.values[i] = v;
    this.positions[i] = bar;
    this.back++;
  }

  private evict(bar: number, length: number): void {
    while (this.front !== this.back && this.positions[this.front & this.mask] <= bar - length) this.front++;
  }

  private rebuild(length: number, bar: number): void {
    this.windowLength = length;
    this.front = 0;
    this.back = 0;
    const n = Math.min(length, this.history.size);
    for (let k = n - 1; k >= 0; k--) this.append(bar - k, this.history.get(k));
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const positions = new Float64Array(cap);
    const values = new Float64Array(cap);
    let j = 0;
    for (let k = this.front; k !== this.back; k++, j++) {
      positions[j] = this.positions[k & this.mask];
      values[j] = this.values[k & this.mask];
    }
    this.positions = positions;
    this.values = values;
    this.mask = cap - 1;
    this.front = 0;
    this.back = j;
  }
}

/** One windowed extreme call site: the extreme's value or its (non-positive) bar offset. */
class ExtremeCall {
  private readonly window: WindowExtreme;
  private readonly reportsOffset: boolean;

  constructor(maximum: boolean, reportsOffset: boolean) {
    this.window = new WindowExtreme(maximum, false);
    this.reportsOffset = reportsOffset;
  }

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const w = this.window;
    w.push(source, n);
    if (w.bars < n) return NaN;
    return this.reportsOffset ? -w.offset : w.value;
  }
}

/**
 * `ta.highest(source, length)`; the one-argument form is `ta.highest(high, length)`. Bar-based window
 * (na bars count as slots, never as candidates); na during the first `length − 1` bars. Exact
 * comparisons (PyneCore measured TradingView's highest/lowest as non-tolerant).
 */
export class Highest extends ExtremeCall {
  constructor() {
    super(true, false);
  }
}

/** `ta.lowest(source, length)`; one-argument form `ta.lowest(low, length)`. Rules as `Highest`. */
export class Lowest extends ExtremeCall {
  constructor() {
    super(false, false);
  }
}

/**
 * `ta.highestbars(source, length)`: offset to the highest bar as a non-positive number (0 = this bar);
 * on ties the oldest equal bar. One-argument form uses `high`. Na during the first `length − 1` bars.
 */
export class Highestbars extends ExtremeCall {
  constructor() {
    super(true, true);
  }
}

/** `ta.lowestbars(source, length)`; one-argument form uses `low`. Rules as `Highestbars`. */
export class Lowestbars extends ExtremeCall {
  constructor() {
    super(false, true);
  }
}

/** `ta.range(source, length)` = highest − lowest over the last `length` bars; na on an na bar. */
export class Range {
  private readonly high: WindowExtreme = new WindowExtreme(true, false);
  private readonly low: WindowExtreme = new WindowExtreme(false, false);

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.high.push(source, n);
    this.low.push(source, n);
    if (Number.isNaN(source) || this.high.bars < n) return NaN;
    return this.high.value - this.low.value;
  }
}

/** `ta.max(source)`: the all-time maximum so far (na until the first number). */
export class Max {
  private value = NaN;

  /** One bar; NaN = na. */
  update(source: number): number {
    if (this.value < source || Number.isNaN(this.value)) this.value = source;
    return this.value;
  }
}

/** `ta.min(source)`: the all-time minimum so far (na until the first number). */
export class Min {
  private value = NaN;

  /** One bar; NaN = na. */
  update(source: number): number {
    if (this.value > source || Number.isNaN(this.value)) this.value = source;
    return this.value;
  }
}

/** One pivot call site: a window of `leftbars + rightbars + 1` bars where the newest equal extreme wins. */
class PivotCall {
  private readonly window: WindowExtreme;

  constructor(high: boolean) {
    this.window = new WindowExtreme(high, true);
  }

  /** One bar; NaN = na. */
  update(source: number, leftbars: number, rightbars: number): number {
    return pivot(this.window, source, intLength(leftbars), intLength(rightbars));
  }
}

/**
 * `ta.pivothigh(source, leftbars, rightbars)`; the two-argument form uses `high`. Reported on the bar
 * `rightbars` after the pivot (confirmation delay), with the pivot's price: the value `rightbars` bars
 * back must be the maximum of the `leftbars + rightbars + 1` bar window, where an equal value on its
 * right (newer) side disqualifies it and one on its left side does not (PyneCore's reading of TV).
 * Na otherwise, on an na bar, and before the window is full.
 */
export class Pivothigh extends PivotCall {
  constructor() {
    super(true);
  }
}

/** `ta.pivotlow(source, leftbars, rightbars)`; the two-argument form uses `low`. Mirror of `Pivothigh`. */
export class Pivotlow extends PivotCall {
  constructor() {
    super(false);
  }
}

function pivot(window: WindowExtreme, source: number, left: number, right: number): number {
  if (!(left >= 0 && right >= 0)) return NaN;
  const span = left + right + 1;
  window.push(source, span);
  if (Number.isNaN(source) || window.bars < span) return NaN;
  return window.offset === right ? window.value : NaN;
}
