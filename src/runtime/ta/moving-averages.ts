import { FloatRing, intLength, isBadLength } from './ring.js';
import { RollingSum } from './rolling-sum.js';

/**
 * `ta.sma(source, length)` = `math.sum(source, length)/length`: mean of the last `length` non-na values.
 * Warm-up: na until `length` non-na values were seen; after that an na bar does not advance and repeats
 * the last value (the rolling sum's rule, see `RollingSum`).
 */
export class Sma {
  private readonly sum: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    return this.sum.update(source, n) / n;
  }
}

/**
 * `ta.ema(source, length)`, α = 2/(length+1).
 * Warm-up (measured, TV-BROKER §4.1): the first value is the SMA of the first `length` non-na values,
 * on the bar that completes them; afterwards `prev + α·(x − prev)` — that exact operation order
 * (`α·x + (1−α)·prev` differs from TradingView in the last bits). An na bar returns na and does not
 * advance, so the average always sees the last non-na values. A changed length takes effect at once
 * (new α; during warm-up the seed window re-sums).
 */
export class Ema {
  private readonly seed: RollingSum = new RollingSum();
  private value = NaN;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    if (Number.isNaN(source)) return NaN;
    // One exit for the three cases: inlined into a step, separate returns of `source` and of the
    // average made V8 box the result (3.5 heap numbers per bar with four EMAs; runtime README).
    let result: number;
    if (n === 1) {
      result = source; // α = 1: `prev + (x − prev)` could miss x by an ulp
    } else if (Number.isNaN(this.value)) {
      result = this.seed.update(source, n) / n;
      this.value = result;
    } else {
      result = this.value + (2 / (n + 1)) * (source - this.value);
      this.value = result;
    }
    return result;
  }
}

/**
 * `ta.rma(source, length)`: Wilder's smoothing, α = 1/length.
 * Warm-up and na rules are `Ema`'s (seeded by the SMA of the first `length` non-na values). The step is
 * `(prev·(length−1) + x)/length` — measured by PyneCore to be TradingView's exact form; the
 * algebraically equal `prev + (x − prev)/length` drifts in the last bits.
 */
export class Rma {
  private readonly seed: RollingSum = new RollingSum();
  private value = NaN;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    if (Number.isNaN(source)) return NaN;
    if (Number.isNaN(this.value)) {
      this.value = this.seed.update(source, n) / n;
      return this.value;
    }
    this.value = (this.value * (n - 1) + source) / n;
    return this.value;
  }
}

/**
 * `ta.wma(source, length)`: weights 1..length from oldest to newest.
 * Unlike the other averages the window is NOT na-compacted: an na bar returns na but the window carries
 * the last non-na value forward into that bar's slot (PyneCore measurement). Na until `length` non-na
 * values were seen. The window is re-summed oldest-first every bar (O(length)): that is TradingView's
 * own order, and an O(1) rolling form gives different last bits.
 */
export class Wma {
  private readonly filled: FloatRing = new FloatRing(16);
  private last = NaN;
  private count = 0;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const isNa = Number.isNaN(source);
    if (!isNa) {
      this.count++;
      this.last = source;
    }
    this.filled.reserve(n);
    this.filled.push(this.last);
    if (isNa || this.count < n) return NaN;
    return weightedWindow(this.filled, n);
  }
}

/** Σ window[i]·weight, oldest weight 1, divided by n(n+1)/2 (exact for any practical n). */
function weightedWindow(ring: FloatRing, n: number): number {
  let sum = 0;
  let weight = 0;
  for (let i = n - 1; i >= 0; i--) {
    weight += 1;
    sum += ring.get(i) * weight;
  }
  return sum / ((n * (n + 1)) / 2);
}

/**
 * `ta.vwma(source, length)` = `sma(source·volume) / sma(volume)`; each SMA skips its own na bars.
 */
export class Vwma {
  private readonly priceVolume: RollingSum = new RollingSum();
  private readonly volume: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(source: number, volume: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const pv = this.priceVolume.update(source * volume, n) / n;
    return pv / (this.volume.update(volume, n) / n);
  }
}

/**
 * `ta.swma(source)`: fixed 4-bar window, weights 1/6, 2/6, 2/6, 1/6 (bar-based, so an na inside the
 * window gives na). Na on the first three bars.
 */
export class Swma {
  private readonly history: FloatRing = new FloatRing(4);

  /** One bar; NaN = na. */
  update(source: number): number {
    const h = this.history;
    h.push(source);
    // Newest first: bit-exact on oracle ma.csv, where the oldest-first order misses by an ulp.
    return (source + 2 * h.get(1) + 2 * h.get(2) + h.get(3)) / 6;
  }
}

/**
 * `ta.alma(series, length, offset = 0.85, sigma = 6, floor = false)` per the reference manual:
 * m = offset·(length−1) (floored if `floor`), s = length/sigma, weight_i = exp(−(i−m)²/(2s²)) for i = 0
 * (oldest) … length−1 (newest), result Σ (w/Σw)·x over the last `length` bars (bar-based: any na in
 * the window gives na). Weights are cached while the parameters stay the same.
 */
export class Alma {
  private readonly history: FloatRing = new FloatRing(16);
  private weights: Float64Array = new Float64Array(0);
  private cachedLength = -1;
  private cachedOffset = NaN;
  private cachedSigma = NaN;
  private cachedFloor = false;

  /** One bar; NaN = na. */
  update(source: number, length: number, offset = 0.85, sigma = 6, floor = false): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.history.reserve(n);
    this.history.push(source);
    if (this.history.size < n || Number.isNaN(source)) return NaN;
    if (
      n !== this.cachedLength ||
      offset !== this.cachedOffset ||
      sigma !== this.cachedSigma ||
      floor !== this.cachedFloor
    ) {
      this.computeWeights(n, offset, sigma, floor);
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.weights[i] * this.history.get(n - 1 - i);
    return sum;
  }

  private computeWeights(n: number, offset: number, sigma: number, floor: boolean): void {
    this.cachedLength = n;
    this.cachedOffset = offset;
    this.cachedSigma = sigma;
    this.cachedFloor = floor;
    if (this.weights.length < n) this.weights = new Float64Array(n);
    const m = floor ? Math.floor(offset * (n - 1)) : offset * (n - 1);
    const s = n / sigma;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(-((i - m) * (i - m)) / (2 * s * s));
      this.weights[i] = w;
      norm += w;
    }
    // Normalised weights, then an oldest-first Σ w·x: bit-exact on oracle ma.csv, where the reference
    // manual's `Σ w·x / Σ w` misses by an ulp on half the bars.
    for (let i = 0; i < n; i++) this.weights[i] /= norm;
  }
}

/**
 * `ta.hma(source, length)` = `wma(2·wma(source, length/2) − wma(source, length), floor(√length))`, as in
 * the reference manual; all three WMAs advance every bar (so their forward-filled windows stay aligned).
 */
export class Hma {
  private readonly half: Wma = new Wma();
  private readonly full: Wma = new Wma();
  private readonly outer: Wma = new Wma();

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const half = this.half.update(source, n / 2);
    const full = this.full.update(source, n);
    return this.outer.update(2 * half - full, Math.floor(Math.sqrt(n)));
  }
}
