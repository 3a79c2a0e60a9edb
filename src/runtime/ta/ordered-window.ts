import { FloatRing } from './ring.js';
import { SortedWindow } from './sorted-window.js';

/**
 * A rolling window of the last `length` bars (or, when `compact`, the last `length` non-na values)
 * with its numeric values also kept sorted. `length` may change between bars: the window is then
 * rebuilt from the kept history (history older than the longest length seen so far is not kept).
 */
export class OrderedWindow {
  readonly history: FloatRing = new FloatRing(16);
  readonly sorted: SortedWindow = new SortedWindow();
  private readonly compact: boolean;
  private windowLength = 0;
  /** Values pushed so far (bars, or non-na values when compact). */
  pushed = 0;

  constructor(compact: boolean) {
    this.compact = compact;
  }

  /** Values currently in the window (na included unless compact). */
  get count(): number {
    return Math.min(this.pushed, this.windowLength, this.history.size);
  }

  /** Adds one bar's value (a compact window ignores NaN) and trims the window to `length`. */
  push(value: number, length: number): void {
    const isNa = Number.isNaN(value);
    if (this.compact && isNa) {
      if (length !== this.windowLength) this.rebuild(length);
      return;
    }
    this.history.reserve(length + 1);
    this.history.push(value);
    this.pushed++;
    if (length !== this.windowLength) {
      this.rebuild(length);
      return;
    }
    if (!isNa) this.sorted.insert(value);
    if (this.pushed > length) {
      const evicted = this.history.get(length);
      if (!Number.isNaN(evicted)) this.sorted.remove(evicted);
    }
  }

  private rebuild(length: number): void {
    this.windowLength = length;
    this.sorted.clear();
    const n = this.count;
    for (let i = 0; i < n; i++) {
      const v = this.history.get(i);
      if (!Number.isNaN(v)) this.sorted.insert(v);
    }
  }
}
