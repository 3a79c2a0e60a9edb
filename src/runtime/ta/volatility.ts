import { EPSILON, intLength } from './ring.js';
import { Ema, Rma } from './moving-averages.js';
import { Variance } from './statistics.js';

/**
 * `ta.tr(handle_na)` given the previous bar's close: `max(high − low, |high − prevClose|,
 * |low − prevClose|)`; with no previous close, `high − low` if `handleNa` else na. The bare variable
 * `ta.tr` is `ta.tr(false)` (na on the first bar; oracle tr.csv).
 */
export function tr(high: number, low: number, prevClose: number, handleNa = false): number {
  if (Number.isNaN(prevClose)) return handleNa ? high - low : NaN;
  return Math.max(high - low, Math.abs(high - prevClose), Math.abs(low - prevClose));
}

/** `ta.tr` that remembers the previous close itself (feed every bar's close). */
export class Tr {
  private prevClose = NaN;

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number, handleNa = false): number {
    const value = tr(high, low, this.prevClose, handleNa);
    this.prevClose = close;
    return value;
  }
}

/**
 * `ta.atr(length)` = `ta.rma(ta.tr(true), length)`: the first bar's true range is high − low, so the
 * first ATR is on bar `length − 1` (unlike TA-Lib, which starts a bar later; TV-BROKER §4.3).
 */
export class Atr {
  private readonly range: Tr = new Tr();
  private readonly average: Rma = new Rma();

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number, length: number): number {
    return this.average.update(this.range.update(high, low, close, true), length);
  }
}

/**
 * `ta.bb(series, length, mult)`: middle = sma, upper/lower = middle ± mult·stdev (population).
 * Returns the middle; `.middle`, `.upper`, `.lower` hold the three outputs (all na while the middle is).
 */
export class Bb {
  middle = NaN;
  upper = NaN;
  lower = NaN;
  private readonly variance: Variance = new Variance();

  /** One bar; returns the middle band, NaN = na. */
  update(series: number, length: number, mult: number): number {
    // One pair of rolling sums serves both: the sma is the variance's window mean.
    const deviation = Math.sqrt(this.variance.update(series, length)) * mult;
    const middle = this.variance.mean;
    this.middle = middle;
    this.upper = Number.isNaN(middle) ? NaN : middle + deviation;
    this.lower = Number.isNaN(middle) ? NaN : middle - deviation;
    return middle;
  }
}

/** `ta.bbw(series, length, mult)` = `(upper − lower)/middle·100`; na when the middle is na or 0. */
export class Bbw {
  private readonly bands: Bb = new Bb();

  /** One bar; NaN = na. */
  update(series: number, length: number, mult: number): number {
    const b = this.bands;
    const middle = b.update(series, length, mult);
    if (Number.isNaN(middle) || middle === 0) return NaN;
    return ((b.upper - b.lower) / middle) * 100;
  }
}

/**
 * `ta.kc(series, length, mult, useTrueRange = true)`: basis = ema(series), range = ema of `ta.tr`
 * (na on the first bar, skipped) or of high − low; bands = basis ± mult·range. Returns the basis;
 * `.middle`, `.upper`, `.lower`. The true range uses this instance's own previous close.
 */
export class Kc {
  middle = NaN;
  upper = NaN;
  lower = NaN;
  private readonly basis: Ema = new Ema();
  private readonly rangeAverage: Ema = new Ema();
  private readonly range: Tr = new Tr();

  /** One bar; returns the basis, NaN = na. */
  update(
    series: number,
    high: number,
    low: number,
    close: number,
    length: number,
    mult: number,
    useTrueRange = true,
  ): number {
    const basis = this.basis.update(series, length);
    const trueRange = this.range.update(high, low, close, false);
    const span = this.rangeAverage.update(useTrueRange ? trueRange : high - low, length) * mult;
    this.middle = basis;
    this.upper = basis + span;
    this.lower = basis - span;
    return basis;
  }
}

/** `ta.kcw(series, length, mult, useTrueRange = true)` = `(upper − lower)/basis` (no ×100). */
export class Kcw {
  private readonly channel: Kc = new Kc();

  /** One bar; NaN = na. */
  update(
    series: number,
    high: number,
    low: number,
    close: number,
    length: number,
    mult: number,
    useTrueRange = true,
  ): number {
    const c = this.channel;
    const basis = c.update(series, high, low, close, length, mult, useTrueRange);
    if (Number.isNaN(basis) || basis === 0) return NaN;
    return (c.upper - c.lower) / basis;
  }
}

/**
 * `ta.supertrend(factor, atrPeriod)`, the reference manual's `pine_supertrend` literally: src = hl2,
 * bands src ± factor·atr, previous bands read through `nz()` (so 0 before they exist), direction 1 while
 * the previous ATR is na. That literal reading is what makes bar 0 report supertrend 0 with direction 1
 * (oracle supertrend.csv, the "TV quirk" of TV-BROKER §4.1). Returns the supertrend; `.direction` is
 * −1 (up trend, line below price) or 1.
 */
export class Supertrend {
  supertrend = NaN;
  direction = NaN;
  private readonly atr: Atr = new Atr();
  private prevUpper = NaN;
  private prevLower = NaN;
  private prevClose = NaN;
  private prevAtr = NaN;

  /** One bar; returns the supertrend line, NaN = na. */
  update(high: number, low: number, close: number, factor: number, atrPeriod: number): number {
    const atr = this.atr.update(high, low, close, atrPeriod);
    const src = (high + low) / 2;
    let upper = src + factor * atr;
    let lower = src - factor * atr;
    const prevLower = Number.isNaN(this.prevLower) ? 0 : this.prevLower;
    const prevUpper = Number.isNaN(this.prevUpper) ? 0 : this.prevUpper;
    lower = lower > prevLower || this.prevClose < prevLower ? lower : prevLower;
    upper = upper < prevUpper || this.prevClose > prevUpper ? upper : prevUpper;
    let direction: number;
    if (Number.isNaN(this.prevAtr)) direction = 1;
    else if (this.supertrend === prevUpper) direction = close > upper ? -1 : 1;
    else direction = close < lower ? 1 : -1;
    this.supertrend = direction === -1 ? lower : upper;
    this.direction = direction;
    this.prevUpper = upper;
    this.prevLower = lower;
    this.prevClose = close;
    this.prevAtr = atr;
    return this.supertrend;
  }
}

/**
 * `ta.dmi(diLength, adxSmoothing)` with the bar's high/low/close passed in. up = change(high),
 * down = −change(low) (na on the first bar); +DM = up if up − down > 1e-10 and up > 1e-10 else 0 (the
 * tolerant comparison was measured by PyneCore), −DM likewise; the true range is `ta.tr` (na on the
 * first bar — not `tr(true)`, so it differs from `ta.atr`); each is `ta.rma`-smoothed over diLength;
 * DI± = 100·rma(DM±)/rma(TR); ADX = 100·rma(|DI+ − DI−|/(DI+ + DI−, or 1 if 0), adxSmoothing).
 * Returns DI+; `.diplus`, `.diminus`, `.adx` (`ta.adx` is `.adx`).
 */
export class Dmi {
  diplus = NaN;
  diminus = NaN;
  adx = NaN;
  private readonly trAverage: Rma = new Rma();
  private readonly plusAverage: Rma = new Rma();
  private readonly minusAverage: Rma = new Rma();
  private readonly adxAverage: Rma = new Rma();
  private prevHigh = NaN;
  private prevLow = NaN;
  private prevClose = NaN;

  /** One bar; returns DI+, NaN = na. */
  update(high: number, low: number, close: number, diLength: number, adxSmoothing: number): number {
    const n = intLength(diLength);
    const up = high - this.prevHigh;
    const down = this.prevLow - low;
    const a = this.trAverage.update(tr(high, low, this.prevClose, false), n);
    this.prevHigh = high;
    this.prevLow = low;
    this.prevClose = close;
    const inputNa = Number.isNaN(up) || Number.isNaN(down);
    const plusDm = inputNa ? NaN : up - down > EPSILON && up > EPSILON ? up : 0;
    const minusDm = inputNa ? NaN : down - up > EPSILON && down > EPSILON ? down : 0;
    const p = this.plusAverage.update(plusDm, n);
    const m = this.minusAverage.update(minusDm, n);
    if (Number.isNaN(a) || Number.isNaN(p) || Number.isNaN(m) || a === 0) {
      this.diplus = NaN;
      this.diminus = NaN;
      this.adx = NaN;
      return NaN;
    }
    const plus = (100 * p) / a;
    const minus = (100 * m) / a;
    const sum = plus + minus;
    this.diplus = plus;
    this.diminus = minus;
    this.adx = 100 * this.adxAverage.update(Math.abs(plus - minus) / (sum !== 0 ? sum : 1), adxSmoothing);
    return plus;
  }
}

/**
 * `ta.macd(source, fastlen, slowlen, siglen)`: macd = ema(fast) − ema(slow); signal = ema(macd, siglen)
 * seeded by the SMA of the first `siglen` macd values; hist = macd − signal. Returns the macd line;
 * `.macd`, `.signal`, `.hist`.
 */
export class Macd {
  macd = NaN;
  signal = NaN;
  hist = NaN;
  private readonly fast: Ema = new Ema();
  private readonly slow: Ema = new Ema();
  private readonly signalAverage: Ema = new Ema();

  /** One bar; returns the macd line, NaN = na. */
  update(source: number, fastlen: number, slowlen: number, siglen: number): number {
    const line = this.fast.update(source, fastlen) - this.slow.update(source, slowlen);
    const signal = this.signalAverage.update(line, siglen);
    this.macd = line;
    this.signal = signal;
    this.hist = line - signal;
    return line;
  }
}
