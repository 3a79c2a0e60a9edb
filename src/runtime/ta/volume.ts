/**
 * `ta.obv`: cumulative volume signed by the direction of close (0 when unchanged); na on the first bar
 * (its change is na), then the running sum from the second bar on.
 */
export class Obv {
  private total = 0;
  private prevClose = NaN;

  /** One bar; NaN = na. */
  update(close: number, volume: number): number {
    const chg = close - this.prevClose;
    this.prevClose = close;
    if (Number.isNaN(chg)) return NaN;
    const sign = chg > 0 ? 1 : chg < 0 ? -1 : 0;
    const step = volume * sign;
    if (!Number.isNaN(step)) this.total += step;
    return this.total;
  }
}

/**
 * `ta.accdist`: `cum(close == high and close == low or high == low ? 0 :
 * ((2·close − low − high)/(high − low))·volume)` (reference manual).
 */
export class Accdist {
  private total = 0;

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number, volume: number): number {
    const step = high === low ? 0 : ((2 * close - low - high) / (high - low)) * volume;
    if (!Number.isNaN(step)) this.total += step;
    return this.total;
  }
}

/** `ta.iii` (intraday intensity index) = `(2·close − high − low)/((high − low)·volume)`; stateless. */
export function iii(high: number, low: number, close: number, volume: number): number {
  return (2 * close - high - low) / ((high - low) * volume);
}

/** `ta.wvad` = `(close − open)/(high − low)·volume`; stateless. */
export function wvad(open: number, high: number, low: number, close: number, volume: number): number {
  return ((close - open) / (high - low)) * volume;
}

/** A volume index starting at 1 that moves with close on bars whose volume fell (nvi) or rose (pvi). */
class VolumeIndex {
  private readonly onFallingVolume: boolean;
  private value = 1;
  private prevClose = 0;
  private prevVolume = 0;

  constructor(onFallingVolume: boolean) {
    this.onFallingVolume = onFallingVolume;
  }

  /** One bar; NaN = na. */
  update(close: number, volume: number): number {
    const moves = this.onFallingVolume
      ? volume < this.prevVolume && close !== 0 && this.prevClose !== 0
      : volume > this.prevVolume;
    if (moves) {
      const next = this.value + ((close - this.prevClose) / this.prevClose) * this.value;
      if (Number.isFinite(next)) this.value = next;
    }
    this.prevClose = close;
    this.prevVolume = volume;
    return this.value;
  }
}

/**
 * `ta.nvi` (negative volume index), starting at 1: on a bar whose volume is below the previous bar's,
 * nvi += (close − prevClose)/prevClose·nvi; unchanged otherwise and while either close is 0 (the
 * previous close starts at 0, so the first bar is 1).
 */
export class Nvi extends VolumeIndex {
  constructor() {
    super(true);
  }
}

/**
 * `ta.pvi` (positive volume index), starting at 1: on a bar whose volume is above the previous bar's,
 * pvi += (close − prevClose)/prevClose·pvi. A non-finite step (the first bar divides by the initial
 * previous close 0; TradingView's `na()` treats ±∞ as na) keeps the previous value.
 */
export class Pvi extends VolumeIndex {
  constructor() {
    super(false);
  }
}

/**
 * `ta.pvt` (price-volume trend) = `cum(change(close)/close[1]·volume)`; `cum` of an na step (the first
 * bar) is na (oracle accdist+pvi+pvt+wad+wvad.csv) and adds nothing.
 */
export class Pvt {
  private total = 0;
  private prevClose = NaN;

  /** One bar; NaN = na. */
  update(close: number, volume: number): number {
    const step = ((close - this.prevClose) / this.prevClose) * volume;
    this.prevClose = close;
    if (Number.isNaN(step)) return NaN;
    this.total += step;
    return this.total;
  }
}

/**
 * `ta.wad` (Williams accumulation/distribution): with true high = max(high, close[1]) and true low =
 * min(low, close[1]), each bar adds close − trueLow on an up close, close − trueHigh on a down close,
 * 0 otherwise; cumulative (the first bar adds nothing).
 */
export class Wad {
  private total = 0;
  private prevClose = NaN;

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number): number {
    const prev = this.prevClose;
    this.prevClose = close;
    const momentum = close - prev;
    if (momentum > 0) this.total += close - Math.min(low, prev);
    else if (momentum < 0) this.total += close - Math.max(high, prev);
    return this.total;
  }
}

/**
 * `ta.vwap(source, anchor, stdev_mult)` with the bar's volume passed in and the anchor given as a
 * boolean "a new period starts on this bar" (the bare `ta.vwap` anchors at each session/day start).
 * Sums Σv, Σx·v and Σx²·v restart on an anchor bar; na before the first anchor and on an na source.
 * Bands (when `stdevMult` is a number): vwap ± mult·√max(0, Σx²v/Σv − vwap²) (volume-weighted
 * population stdev). Returns the vwap; `.vwap`, `.upper`, `.lower` (bands na without a multiplier).
 */
export class Vwap {
  vwap = NaN;
  upper = NaN;
  lower = NaN;
  private sumVolume = 0;
  private sumPriceVolume = 0;
  private sumSquareVolume = 0;
  private anchored = false;

  /** One bar; returns the vwap, NaN = na. */
  update(source: number, volume: number, anchor: boolean, stdevMult = NaN): number {
    this.upper = NaN;
    this.lower = NaN;
    this.vwap = NaN;
    if (Number.isNaN(source)) return NaN;
    if (anchor) {
      this.anchored = true;
      this.sumVolume = 0;
      this.sumPriceVolume = 0;
      this.sumSquareVolume = 0;
    } else if (!this.anchored) {
      return NaN;
    }
    this.sumVolume += volume;
    this.sumPriceVolume += source * volume;
    this.sumSquareVolume += source * source * volume;
    const vwap = this.sumPriceVolume / this.sumVolume;
    this.vwap = vwap;
    if (!Number.isNaN(stdevMult) && !Number.isNaN(vwap)) {
      const band = Math.sqrt(Math.max(0, this.sumSquareVolume / this.sumVolume - vwap * vwap)) * stdevMult;
      this.upper = vwap + band;
      this.lower = vwap - band;
    }
    return vwap;
  }
}
