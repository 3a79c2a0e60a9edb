/**
 * Growable ring buffer of doubles, newest value at index 0.
 *
 * Every windowed `ta.*` class keeps its history in one of these so a bar costs a store and an
 * index mask, never an allocation. The capacity is a power of two (so wrapping is a mask) and only
 * grows: a series `length` that dips must not throw away the history a later, longer length reads.
 */
export class FloatRing {
  private data: Float64Array;
  private mask: number;
  private head = 0;
  /** How many values are held (at most the capacity). */
  size = 0;

  constructor(capacity = 16) {
    const cap = powerOfTwoAtLeast(capacity);
    this.data = new Float64Array(cap);
    this.mask = cap - 1;
  }

  /** Appends the newest value, dropping the oldest when full. */
  push(value: number): void {
    this.head = (this.head + 1) & this.mask;
    this.data[this.head] = value;
    if (this.size <= this.mask) this.size++;
  }

  /** The value `offset` pushes ago (0 = newest); NaN beyond the held history. */
  get(offset: number): number {
    if (!(offset < this.size) || offset < 0) return NaN; // NaN offsets too
    return this.data[(this.head - offset) & this.mask];
  }

  /** Overwrites the newest value (used when a bar's value is revised in place). */
  setNewest(value: number): void {
    this.data[this.head] = value;
  }

  /** Makes room for at least `count` values, keeping the held history. */
  reserve(count: number): void {
    if (!(count > this.mask + 1)) return; // also ignores NaN

    const cap = powerOfTwoAtLeast(count);
    const next = new Float64Array(cap);
    // Copy oldest first so the newest lands at `size - 1`.
    for (let i = this.size - 1, j = 0; i >= 0; i--, j++) next[j] = this.get(i);
    this.data = next;
    this.mask = cap - 1;
    this.head = (this.size - 1) & this.mask;
  }

  /** Forgets every value. */
  clear(): void {
    this.size = 0;
  }
}

function powerOfTwoAtLeast(n: number): number {
  let cap = 4;
  while (cap < n) cap *= 2;
  return cap;
}

/**
 * A length Pine rejects (below 1, or na). TradingView halts the script with a runtime error there; the
 * runtime reports that elsewhere, and the built-in yields na for the bar without touching its state.
 */
export function isBadLength(n: number): boolean {
  return !(n >= 1);
}

/** Pine truncates an int-typed argument that carries a fraction (`int / int` keeps one in v6). */
export function intLength(length: number): number {
  return Math.trunc(length);
}

/** Pine's absolute float-comparison tolerance, used only where TradingView was measured to apply it. */
export const EPSILON = 1e-10;
