import { EPSILON, FloatRing, intLength } from './ring.js';

/**
 * `ta.crossover(a, b)`: a > b now and a ≤ b on the last bar where both were non-na (na gaps do not
 * reset it). Exact comparisons; false on the first defined bar (PyneCore's TradingView measurements,
 * TV-BROKER §4.2).
 */
export class Crossover {
  private wasAtOrBelow = false;

  /** One bar. */
  update(a: number, b: number): boolean {
    const result = a > b && this.wasAtOrBelow;
    if (!Number.isNaN(a) && !Number.isNaN(b)) this.wasAtOrBelow = a <= b;
    return result;
  }
}

/** `ta.crossunder(a, b)`: mirror of `Crossover` (a < b now, a ≥ b on the last defined bar). */
export class Crossunder {
  private wasAtOrAbove = false;

  /** One bar. */
  update(a: number, b: number): boolean {
    const result = a < b && this.wasAtOrAbove;
    if (!Number.isNaN(a) && !Number.isNaN(b)) this.wasAtOrAbove = a >= b;
    return result;
  }
}

/**
 * `ta.cross(a, b)`. Not `crossover or crossunder` (PyneCore measurement): it remembers the last
 * relation that was unequal beyond 1e-10 (above/below, none at first) and fires on a strict move to the
 * other side; an equality run keeps the remembered side, and a run of equality from the start never
 * fires.
 */
export class Cross {
  private side = 0;

  /** One bar. */
  update(a: number, b: number): boolean {
    const result = (this.side < 0 && a > b) || (this.side > 0 && a < b);
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      const diff = a - b;
      if (diff < -EPSILON) this.side = -1;
      else if (diff > EPSILON) this.side = 1;
    }
    return result;
  }
}

/**
 * `ta.rising(source, length)`: true when the source rose on each of the last `length` bars, i.e. it
 * stepped up by more than 1e-10 (tolerant, measured by PyneCore) `length` times in a row. Not
 * "above the highest of the previous `length` values": on oracle falling+rising.csv that reading
 * fires on bars where TradingView does not. An na value breaks the run and the next value only primes
 * the comparison again (as the first one does).
 */
export class Rising {
  private last = NaN;
  private run = 0;

  /** One bar. */
  update(source: number, length: number): boolean {
    if (Number.isNaN(this.last)) {
      this.last = source;
      return false;
    }
    this.run = source - this.last > EPSILON ? this.run + 1 : 0;
    this.last = source;
    return this.run >= intLength(length);
  }
}

/** `ta.falling(source, length)`: mirror of `Rising` (stepped down by more than 1e-10 `length` times in a row). */
export class Falling {
  private last = NaN;
  private run = 0;

  /** One bar. */
  update(source: number, length: number): boolean {
    if (Number.isNaN(this.last)) {
      this.last = source;
      return false;
    }
    this.run = this.last - source > EPSILON ? this.run + 1 : 0;
    this.last = source;
    return this.run >= intLength(length);
  }
}

/** `ta.barssince(condition)`: bars since the condition was last true (0 on a true bar), na before. */
export class Barssince {
  private count = -1;

  /** One bar; NaN = na. */
  update(condition: boolean): number {
    if (condition) this.count = 0;
    else if (this.count >= 0) this.count++;
    return this.count < 0 ? NaN : this.count;
  }
}

/**
 * `ta.valuewhen(condition, source, occurrence)`: the source on the `occurrence`-th most recent bar
 * (0 = latest) where the condition was true. A na source on a true bar is recorded as na and still
 * counts as an occurrence; false bars never touch the record (PyneCore measurement, oracle
 * valuewhen_na.csv). Na until enough occurrences happened.
 */
export class Valuewhen {
  private readonly values: FloatRing = new FloatRing(4);

  /** One bar; NaN = na. */
  update(condition: boolean, source: number, occurrence: number): number {
    const k = intLength(occurrence);
    this.values.reserve(k + 1);
    if (condition) this.values.push(source);
    return this.values.get(k);
  }
}

/** `ta.cum(source)`: running sum of the non-na values; na on an na bar. */
export class Cum {
  private total = 0;

  /** One bar; NaN = na. */
  update(source: number): number {
    if (Number.isNaN(source)) return NaN;
    this.total += source;
    return this.total;
  }
}
