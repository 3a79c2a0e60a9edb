import { EPSILON, FloatRing, intLength, isBadLength } from './ring.js';
import { Ema, Rma } from './moving-averages.js';
import { RollingSum } from './rolling-sum.js';
import { WindowExtreme } from './extremes.js';

/**
 * `ta.change(source, length = 1)` = source − source[length] (bar-based history: na in either gives
 * na). Also `ta.mom`. The difference is the raw double subtraction (no rounding).
 */
export class Change {
  private readonly history: FloatRing = new FloatRing(4);

  /** One bar; NaN = na. */
  update(source: number, length = 1): number {
    const n = intLength(length);
    if (!(n >= 0)) return NaN;
    this.history.reserve(n + 1);
    this.history.push(source);
    return source - this.history.get(n);
  }
}

/** `ta.change(bool, length = 1)`: true when the value differs from `length` bars ago (false before). */
export class ChangeBool {
  private readonly history: FloatRing = new FloatRing(4);

  /** One bar. */
  update(source: boolean, length = 1): boolean {
    const n = intLength(length);
    if (!(n >= 0)) return false;
    this.history.reserve(n + 1);
    const v = source ? 1 : 0;
    this.history.push(v);
    const past = this.history.get(n);
    return !Number.isNaN(past) && past !== v;
  }
}

/** `ta.mom(source, length)` — identical to `ta.change(source, length)`. */
export class Mom extends Change {}

/** `ta.roc(source, length)` = 100·(source − source[length])/source[length]; na while history is short. */
export class Roc {
  private readonly history: FloatRing = new FloatRing(4);

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (!(n >= 0)) return NaN;
    this.history.reserve(n + 1);
    this.history.push(source);
    const past = this.history.get(n);
    return (100 * (source - past)) / past;
  }
}

/**
 * `ta.rsi(source, length)`: u = max(Δ, 0), d = max(−Δ, 0), each smoothed by `ta.rma`, then
 * `100 − 100/(1 + u/d)`; per the reference manual a zero `d` gives 100 (and zero `u` gives 0).
 * Δ is taken between consecutive non-na values: an na bar returns na and does not advance, and the
 * first non-na value only primes Δ, so the first RSI lands on the bar after `length` deltas.
 */
export class Rsi {
  private readonly up: Rma = new Rma();
  private readonly down: Rma = new Rma();
  private previous = NaN;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    if (Number.isNaN(source)) return NaN;
    const prev = this.previous;
    this.previous = source;
    if (Number.isNaN(prev)) return NaN;
    const u = this.up.update(Math.max(source - prev, 0), length);
    const d = this.down.update(Math.max(prev - source, 0), length);
    if (Number.isNaN(u) || Number.isNaN(d)) return NaN;
    if (d === 0) return 100;
    if (u === 0) return 0;
    return 100 - 100 / (1 + u / d);
  }
}

/**
 * `ta.mfi(series, length)` with volume passed in. Per bar: Δ = change of the series between non-na
 * bars; the bar's money `volume·series` goes to the upper sum unless Δ ≤ 1e-10 and to the lower sum
 * unless Δ ≥ −1e-10 (tolerant, measured by PyneCore; on the first bar Δ is na so it goes to both).
 * Sums over the last `length` bars; a side within 1e-10 of 0 is 0; lower = 0 gives 100, else
 * `100 − 100/(1 + upper/lower)`. Na on an na bar (which does not advance).
 */
export class Mfi {
  private readonly upper: RollingSum = new RollingSum();
  private readonly lower: RollingSum = new RollingSum();
  private previous = NaN;

  /** One bar; NaN = na. */
  update(series: number, volume: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    if (Number.isNaN(series)) return NaN;
    const chg = series - this.previous;
    this.previous = series;
    const money = volume * series;
    const chgNa = Number.isNaN(chg);
    let upper = this.upper.update(!chgNa && chg <= EPSILON ? 0 : money, n);
    let lower = this.lower.update(!chgNa && chg >= -EPSILON ? 0 : money, n);
    if (Number.isNaN(upper) || Number.isNaN(lower)) return NaN;
    if (upper >= -EPSILON && upper <= EPSILON) upper = 0;
    if (lower >= -EPSILON && lower <= EPSILON) lower = 0;
    if (lower === 0) return 100;
    return 100 - 100 / (1 + upper / lower);
  }
}

/**
 * `ta.cmo(series, length)`: momentum m = change(series) (bar-based); up sum of m where m ≥ −1e-10
 * (tolerant, measured by PyneCore), down sum of −m otherwise, over the last `length` non-na momenta;
 * `100·(up − down)/(up + down)`, na when both are 0 and on an na momentum.
 */
export class Cmo {
  private readonly momentum: Change = new Change();
  private readonly up: RollingSum = new RollingSum();
  private readonly down: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(series: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const m = this.momentum.update(series, 1);
    if (Number.isNaN(m)) return NaN;
    const rising = m >= -EPSILON;
    const up = this.up.update(rising ? m : 0, n);
    const down = this.down.update(rising ? 0 : -m, n);
    const total = up + down;
    if (Number.isNaN(total) || total === 0) return NaN;
    return (100 * (up - down)) / total;
  }
}

/**
 * `ta.cog(source, length)`: centre of gravity `−Σ x[i]·(i+1) / math.sum(x, length)`, i = 0 newest,
 * over the last `length` non-na values (the reference manual's form: the denominator is the rolling
 * `math.sum`, which makes it bit-exact on oracle cci+cmo+cog.csv). O(length) per bar. An na bar
 * returns the previous value (na in warm-up).
 */
export class Cog {
  private readonly sum: RollingSum = new RollingSum();
  private last = NaN;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    if (Number.isNaN(source)) return this.sum.seen < n ? NaN : this.last;
    const den = this.sum.update(source, n);
    if (Number.isNaN(den)) return NaN;
    let num = 0;
    for (let i = 0; i < n; i++) num += this.sum.recent(i) * (i + 1);
    this.last = -num / den;
    return this.last;
  }
}

/**
 * `ta.tsi(source, shortLength, longLength)`: m = change(source);
 * `ema(ema(m, long), short) / ema(ema(|m|, long), short)` (a ratio in −1…1). Na bars skip.
 */
export class Tsi {
  private readonly momentum: Change = new Change();
  private readonly longMomentum: Ema = new Ema();
  private readonly longAbs: Ema = new Ema();
  private readonly shortMomentum: Ema = new Ema();
  private readonly shortAbs: Ema = new Ema();

  /** One bar; NaN = na. */
  update(source: number, shortLength: number, longLength: number): number {
    const m = this.momentum.update(source, 1);
    if (Number.isNaN(m)) return NaN;
    const lm = this.longMomentum.update(m, longLength);
    const la = this.longAbs.update(Math.abs(m), longLength);
    const sm = this.shortMomentum.update(lm, shortLength);
    const sa = this.shortAbs.update(la, shortLength);
    return sm / sa;
  }
}

/**
 * `ta.stoch(source, high, low, length)` = `100·(source − lowest(low))/(highest(high) − lowest(low))`,
 * unsmoothed and unclamped (measured), multiplication first. Windows are bar-based; na during the
 * first `length − 1` bars and when an input is na.
 */
export class Stoch {
  private readonly highs: WindowExtreme = new WindowExtreme(true, false);
  private readonly lows: WindowExtreme = new WindowExtreme(false, false);

  /** One bar; NaN = na. */
  update(source: number, high: number, low: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.highs.push(high, n);
    this.lows.push(low, n);
    if (this.highs.bars < n) return NaN;
    const ll = this.lows.value;
    return (100 * (source - ll)) / (this.highs.value - ll);
  }
}

/**
 * `ta.wpr(length)` (Williams %R) with the bar's high/low/close passed in:
 * `100·(close − highest(high))/(highest(high) − lowest(low))`. Na during the first `length − 1` bars.
 */
export class Wpr {
  private readonly highs: WindowExtreme = new WindowExtreme(true, false);
  private readonly lows: WindowExtreme = new WindowExtreme(false, false);

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.highs.push(high, n);
    this.lows.push(low, n);
    if (this.highs.bars < n) return NaN;
    const hh = this.highs.value;
    return (100 * (close - hh)) / (hh - this.lows.value);
  }
}
