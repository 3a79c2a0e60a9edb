/**
 * The numeric values of a rolling window kept in ascending order (insert/remove by binary search and
 * a typed-array shift: O(length) memory moves, no allocation once grown). Used by median, mode and the
 * percentiles, which need order statistics of the window every bar.
 */
export class SortedWindow {
  private data: Float64Array = new Float64Array(16);
  /** Number of values held. */
  size = 0;

  /** The `rank`-th smallest value (0-based). */
  at(rank: number): number {
    return this.data[rank];
  }

  /** Adds a (non-NaN) value. */
  insert(value: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const pos = this.lowerBound(value);
    this.data.copyWithin(pos + 1, pos, this.size);
    this.data[pos] = value;
    this.size++;
  }

  /** Removes one occurrence of a (non-NaN) value that was inserted earlier. */
  remove(value: number): void {
    const pos = this.lowerBound(value);
    if (pos >= this.size || this.data[pos] !== value)
      throw new Error('SortedWindow: removing an absent value');
    this.data.copyWithin(pos, pos + 1, this.size);
    this.size--;
  }

  /** Forgets every value. */
  clear(): void {
    this.size = 0;
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
