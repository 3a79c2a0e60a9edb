import type { BarClock } from './clock.js';
import { PineRuntimeError } from './errors.js';

/**
 * History for one Pine variable: one slot per bar on which the variable was assigned, newest first.
 *
 * Pine semantics encoded here (the codegen contract, see src/runtime/README.md):
 * - `set(v)` is an assignment. The first assignment on a bar opens a new slot; later assignments on
 *   the same bar (a loop body, `:=` after `=`) overwrite it, so `x[1]` is always "the value at the
 *   end of the previous execution bar", never "the previous loop iteration".
 * - A bar on which the variable is not assigned opens no slot: history inside a conditional local
 *   scope counts executions of that scope, exactly like TradingView's function-local series.
 * - `get(n)` is `x[n]`; before this bar's assignment, `get(1)` already means the previous bar.
 *   Beyond the first assignment it is `na`.
 * - `carry()` starts the bar with the previous value: that is `var` (and `varip` on historical bars).
 *
 * Capacity is the lookback found by analysis (plus `max_bars_back`), rounded up to a power of two so
 * wrapping is a mask. Reading further back than stored is TradingView's max_bars_back error.
 */
abstract class RingCursor {
  protected readonly clock: BarClock;
  protected readonly mask: number;
  /** Slot holding the newest value. */
  protected head: number;
  /** Assignments ever made (bars with a slot), not capped by capacity. */
  protected written: number;
  /** The bar whose value sits in `head`; -1 before the first assignment. */
  protected bar: number;

  protected constructor(clock: BarClock, lookback: number) {
    this.clock = clock;
    this.mask = capacityFor(lookback) - 1;
    this.head = 0;
    this.written = 0;
    this.bar = -1;
  }

  /** How many values can be read back (`get(n)` for n below this is stored). */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Number of bars on which this variable has been assigned so far. */
  get length(): number {
    return this.written;
  }

  /**
   * Ring slot of `x[n]`, or -1 when `x[n]` is `na` (before history or n not a valid offset). Kept
   * small (the error is built elsewhere) so V8 inlines it into every `x[n]` read.
   */
  protected slotOf(n: number): number {
    const k = this.bar === this.clock.bar ? n : n - 1;
    if (!(k >= 0 && k < this.written)) return -1;
    if (k > this.mask) throw this.tooDeep(n);
    return (this.head - k) & this.mask;
  }

  /** TradingView's max_bars_back error for a read `n` bars back. */
  private tooDeep(n: number): PineRuntimeError {
    return new PineRuntimeError(
      'max-bars-back',
      `history reference [${n}] exceeds the ${this.mask + 1} bars kept for this series; raise max_bars_back`,
    );
  }

  /** Opens this bar's slot if it is not open yet; returns true when a slot was opened. */
  protected open(): boolean {
    if (this.bar === this.clock.bar) return false;
    this.head = (this.head + 1) & this.mask;
    this.written++;
    this.bar = this.clock.bar;
    return true;
  }
}

/** History of a `float` or `int` variable (ints are exact in a double up to 2^53); `na` is NaN. */
export class FloatSeries extends RingCursor {
  private readonly buf: Float64Array;
  private latest = NaN;

  /** @param lookback the largest `n` the script reads with `x[n]` (analysis plus max_bars_back). */
  constructor(clock: BarClock, lookback = 1) {
    super(clock, lookback);
    this.buf = new Float64Array(this.mask + 1);
  }

  /** Assigns the current bar's value (`x = v` / `x := v`). */
  set(value: number): void {
    this.open();
    this.buf[this.head] = value;
    this.latest = value;
  }

  /**
   * `x` (= `x[0]`) once this bar's value is assigned, the read generated code makes: a field load
   * V8 always inlines, where `get(0)` costs a bounds-checked ring read (and, when the caller's
   * inlining budget is spent, a call returning a boxed double). Pine declares a variable before any
   * read of it in the same scope, so the bar's slot is open by then (`var` globals are carried at the
   * start of the bar).
   */
  get current(): number {
    return this.latest;
  }

  /** `x[n]`; NaN when beyond history. */
  get(n: number): number {
    const slot = this.slotOf(n);
    return slot < 0 ? NaN : this.buf[slot];
  }

  /** Starts this bar with the last value (`var` semantics); no-op if the bar was already assigned. */
  carry(): void {
    const previous = this.written > 0 ? this.buf[this.head] : NaN;
    if (this.open()) {
      this.buf[this.head] = previous;
      this.latest = previous;
    }
  }
}

/** Code of a v5 `na` bool in a {@link BoolSeries}. */
export const BOOL_NA = 2;

/**
 * History of a `bool` variable as small int codes: 0 false, 1 true, {@link BOOL_NA} na.
 *
 * v6 bools are never na: before the first bar `b[1]` is false (migration guide: "Boolean values can
 * no longer be na"); construct with `naBeforeHistory = false`. v5 scripts see na there.
 */
export class BoolSeries extends RingCursor {
  private readonly buf: Int8Array;
  private readonly beforeHistory: number;
  private latest = false;

  constructor(clock: BarClock, lookback = 1, naBeforeHistory = false) {
    super(clock, lookback);
    this.buf = new Int8Array(this.mask + 1);
    this.beforeHistory = naBeforeHistory ? BOOL_NA : 0;
  }

  /** Assigns the current bar's value. */
  set(value: boolean): void {
    this.open();
    this.buf[this.head] = value ? 1 : 0;
    this.latest = value;
  }

  /** Assigns a raw code (0, 1 or {@link BOOL_NA}); v5 `b := na`. */
  setCode(code: number): void {
    this.open();
    this.buf[this.head] = code;
    this.latest = code === 1;
  }

  /** `b` (= `b[0]`, na as false) once this bar's value is assigned; see {@link FloatSeries.current}. */
  get current(): boolean {
    return this.latest;
  }

  /** `b[n]` as a boolean (na reads as false, as in every Pine condition). */
  get(n: number): boolean {
    return this.code(n) === 1;
  }

  /** `b[n]` as a code, so v5 `na(b[n])` can be answered. */
  code(n: number): number {
    const slot = this.slotOf(n);
    return slot < 0 ? this.beforeHistory : this.buf[slot];
  }

  /** Starts this bar with the last value (`var` semantics). */
  carry(): void {
    const previous = this.written > 0 ? this.buf[this.head] : this.beforeHistory;
    if (this.open()) {
      this.buf[this.head] = previous;
      this.latest = previous === 1;
    }
  }
}

/**
 * History of a string, color-as-object, array/map/matrix, drawing id or UDT reference; `na` is null.
 * A plain array ring: these values are references, so a typed array cannot hold them.
 */
export class RefSeries<T> extends RingCursor {
  private readonly buf: (T | null)[];
  private latest: T | null = null;

  constructor(clock: BarClock, lookback = 1) {
    super(clock, lookback);
    this.buf = new Array<T | null>(this.mask + 1).fill(null);
  }

  /** Assigns the current bar's value (null for na). */
  set(value: T | null): void {
    this.open();
    this.buf[this.head] = value;
    this.latest = value;
  }

  /** `x` (= `x[0]`) once this bar's value is assigned; see {@link FloatSeries.current}. */
  get current(): T | null {
    return this.latest;
  }

  /** `x[n]`; null when beyond history. */
  get(n: number): T | null {
    const slot = this.slotOf(n);
    return slot < 0 ? null : this.buf[slot];
  }

  /** Starts this bar with the last value (`var` semantics). */
  carry(): void {
    const previous = this.written > 0 ? this.buf[this.head] : null;
    if (this.open()) {
      this.buf[this.head] = previous;
      this.latest = previous;
    }
  }
}

/** Smallest power of two that can hold `lookback + 1` values (the current bar plus `lookback` past). */
export function capacityFor(lookback: number): number {
  const need = Math.max(2, Math.floor(lookback) + 1);
  let cap = 2;
  while (cap < need) cap *= 2;
  return cap;
}
