import { EPSILON, FloatRing, intLength, isBadLength } from './ring.js';
import { OrderedWindow } from './ordered-window.js';
import { RollingSum } from './rolling-sum.js';

/**
 * `ta.variance(source, length, biased = true)`. With p = Σx and q = Σx² over the last `length` non-na
 * values and m = p/length (PyneCore's measured TradingView law):
 * biased `max(0, q/length − m²)` (population), unbiased `max(0, q/(length−1) − p·m/(length−1))`.
 * The clamp turns cancellation noise into 0, never na. Unbiased with length 1 is na.
 */
export class Variance {
  /** The window mean `Σx/length` of the last update (what `ta.sma` gives over the same window). */
  mean = NaN;
  private readonly sum: RollingSum = new RollingSum();
  private readonly sumSquares: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(source: number, length: number, biased = true): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const p = this.sum.update(source, n);
    const q = this.sumSquares.update(source * source, n);
    this.mean = p / n;
    if (Number.isNaN(p) || Number.isNaN(q)) return NaN;
    if (biased) {
      const m = p / n;
      return Math.max(0, q / n - m * m);
    }
    if (n === 1) return NaN;
    const m = p / n;
    return Math.max(0, q / (n - 1) - (p * m) / (n - 1));
  }
}

/** `ta.stdev(source, length, biased = true)` = √`ta.variance` (population by default). */
export class Stdev {
  private readonly variance: Variance = new Variance();

  /** One bar; NaN = na. */
  update(source: number, length: number, biased = true): number {
    return Math.sqrt(this.variance.update(source, length, biased));
  }
}

/**
 * `ta.dev(source, length)`: mean absolute deviation from the SMA, `Σ|x − sma|/length`, summed
 * newest-first over the last `length` non-na values (the SMA's own window). Length 1 is 0.
 */
export class Dev {
  /** The window mean (`ta.sma` over the same window) of the last update. */
  mean = NaN;
  private readonly sum: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const mean = this.sum.update(source, n) / n;
    this.mean = mean;
    if (Number.isNaN(mean)) return NaN;
    return n === 1 ? 0 : meanAbsoluteDeviation(this.sum, n, mean);
  }
}

/**
 * `ta.cci(source, length)` = `(source − sma)/(0.015·dev)`, sma and mean deviation over the same last
 * `length` non-na values.
 */
export class Cci {
  private readonly dev: Dev = new Dev();

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const deviation = this.dev.update(source, length);
    return (source - this.dev.mean) / (0.015 * deviation);
  }
}

/** `Σ|x − mean|/n` over the newest `n` values of the window, newest first (TradingView's order). */
function meanAbsoluteDeviation(window: RollingSum, n: number, mean: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(window.recent(i) - mean);
  return sum / n;
}

/**
 * `ta.median(source, length)` over the last `length` non-na values; the mean of the two middle values
 * for an even length. Na while fewer than `length` non-na values were seen and on an na bar.
 */
export class Median {
  private readonly window: OrderedWindow = new OrderedWindow(true);

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.window.push(source, n);
    const sorted = this.window.sorted;
    if (Number.isNaN(source) || sorted.size < n) return NaN;
    const mid = n >> 1;
    return n % 2 === 1 ? sorted.at(mid) : (sorted.at(mid - 1) + sorted.at(mid)) / 2;
  }
}

/**
 * `ta.mode(source, length)`: the most frequent value of the last `length` bars (na ignored); on a tie
 * the smallest. Na during the first `length − 1` bars, on an na bar, or if the window has no value.
 */
export class Mode {
  private readonly window: OrderedWindow = new OrderedWindow(false);

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const w = this.window;
    w.push(source, n);
    if (Number.isNaN(source) || w.pushed < n) return NaN;
    const sorted = w.sorted;
    if (sorted.size === 0) return NaN;
    let best = sorted.at(0);
    let bestCount = 1;
    let run = 1;
    for (let i = 1; i < sorted.size; i++) {
      if (sorted.at(i) === sorted.at(i - 1)) {
        run++;
        if (run > bestCount) {
          bestCount = run;
          best = sorted.at(i);
        }
      } else {
        run = 1;
      }
    }
    return best;
  }
}

/**
 * `ta.percentile_nearest_rank(source, length, percentage)` over the last `length` bars. Na elements of
 * the window count toward n and sort after every number (array semantics): rank = ⌈p·n/100⌉ clamped to
 * [1, n]; a rank landing on an na gives na; percentage 0 (or na) gives the smallest value. Na during
 * the first `length − 1` bars and on an na bar.
 */
export class PercentileNearestRank {
  private readonly window: OrderedWindow = new OrderedWindow(false);

  /** One bar; NaN = na. */
  update(source: number, length: number, percentage: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const w = this.window;
    w.push(source, n);
    if (Number.isNaN(source) || w.pushed < n) return NaN;
    const sorted = w.sorted;
    const p = Number.isNaN(percentage) ? 0 : percentage;
    if (p === 0) return sorted.size > 0 ? sorted.at(0) : NaN;
    const rank = Math.max(1, Math.min(Math.ceil((p * n) / 100), n));
    return rank <= sorted.size ? sorted.at(rank - 1) : NaN;
  }
}

/**
 * `ta.percentile_linear_interpolation(source, length, percentage)` over the last `length` bars:
 * 1-based position pos = n·p/100 + 0.5 (snapped to an integer within 1e-9), clamped to the ends, the
 * two straddling ranks blended as `lo·(1−f) + hi·f` (PyneCore's measured TradingView form). With na in
 * the window only an integral position below the na tail has a value. Na warm-up as nearest rank.
 */
export class PercentileLinearInterpolation {
  private readonly window: OrderedWindow = new OrderedWindow(false);

  /** One bar; NaN = na. */
  update(source: number, length: number, percentage: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const w = this.window;
    w.push(source, n);
    if (Number.isNaN(source) || w.pushed < n || Number.isNaN(percentage)) return NaN;
    const sorted = w.sorted;
    const m = sorted.size;
    let pos = (n * percentage) / 100 + 0.5;
    const nearest = Math.round(pos);
    if (Math.abs(pos - nearest) < 1e-9) pos = nearest;
    if (pos <= 1) return m > 0 ? sorted.at(0) : NaN;
    if (pos >= n) return m === n ? sorted.at(m - 1) : NaN;
    const lower = Math.floor(pos);
    const frac = pos - lower;
    if (frac === 0) return lower <= m ? sorted.at(lower - 1) : NaN;
    if (m < n) return NaN;
    return sorted.at(lower - 1) * (1 - frac) + sorted.at(lower) * frac;
  }
}

/**
 * `ta.percentrank(source, length)`: percentage of the previous `length` bars' values that are ≤ the
 * current one, `(count − 1)·100/length` over the `length + 1` bars `source[0..length]`; the comparison
 * is tolerant (`x − current ≤ 1e-10`, measured by PyneCore). Na until `length + 1` bars were seen and
 * on an na bar. O(length) per bar.
 */
export class Percentrank {
  private readonly history: FloatRing = new FloatRing(16);
  private bars = 0;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.history.reserve(n + 1);
    this.history.push(source);
    this.bars++;
    if (Number.isNaN(source) || this.bars <= n) return NaN;
    let count = 0;
    for (let i = 0; i <= n; i++) {
      const x = this.history.get(i);
      if (x <= source || x - source <= EPSILON) count++;
    }
    return ((count - 1) * 100) / n;
  }
}

/**
 * `ta.linreg(source, length, offset)`: least-squares line over the last `length` non-na values, x = 1
 * (oldest) … length, evaluated at `length − offset`. Recomputed from the window every bar (O(length)) in
 * PyneCore's measured TradingView operation order: slope = (n·Σxy − Σx·Σy)/(n·Σx² − (Σx)²),
 * intercept = Σy/n − slope·Σx/n + slope, value = intercept + slope·(n − 1 − offset).
 * An na bar returns the previous value (na during warm-up). Length 1 returns the source.
 */
export class Linreg {
  private readonly values: FloatRing = new FloatRing(16);
  private count = 0;
  private last = NaN;

  /** One bar; NaN = na. */
  update(source: number, length: number, offset: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const off = intLength(offset);
    if (n === 1) return source;
    if (Number.isNaN(source)) return this.count < n ? NaN : this.last;
    this.values.reserve(n);
    this.values.push(source);
    this.count++;
    if (this.count < n) return NaN;
    let sumX = 0;
    let sumX2 = 0;
    let sumY = 0;
    let sumXY = 0;
    let per = 0;
    for (let i = n - 1; i >= 0; i--) {
      per += 1;
      const y = this.values.get(i);
      sumX += per;
      sumX2 += per * per;
      sumY += y;
      sumXY += y * per;
    }
    const slope = (n * sumXY - sumX * sumY) / (n * sumX2 - sumX * sumX);
    const intercept = sumY / n - (slope * sumX) / n + slope;
    this.last = intercept + slope * (n - 1 - off);
    return this.last;
  }
}

/**
 * `ta.correlation(source1, source2, length)`: Pearson correlation from five rolling sums (x, y, xy, x²,
 * y², each over its last `length` non-na values). cov = Σxy/n − mx·my; |cov| ≤ 1e-10 gives 0 (measured
 * by PyneCore); var = max(0, Σx²/n − mx²); a zero variance product gives na; else cov/√(vx·vy) with one
 * square root.
 */
export class Correlation {
  private readonly sx: RollingSum = new RollingSum();
  private readonly sy: RollingSum = new RollingSum();
  private readonly sxy: RollingSum = new RollingSum();
  private readonly sx2: RollingSum = new RollingSum();
  private readonly sy2: RollingSum = new RollingSum();

  /** One bar; NaN = na. */
  update(source1: number, source2: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    const sx = this.sx.update(source1, n);
    const sy = this.sy.update(source2, n);
    const sxy = this.sxy.update(source1 * source2, n);
    const sx2 = this.sx2.update(source1 * source1, n);
    const sy2 = this.sy2.update(source2 * source2, n);
    if (Number.isNaN(sx + sy + sxy + sx2 + sy2)) return NaN;
    const mx = sx / n;
    const my = sy / n;
    const cov = sxy / n - mx * my;
    if (cov >= -EPSILON && cov <= EPSILON) return 0;
    const product = Math.max(0, sx2 / n - mx * mx) * Math.max(0, sy2 / n - my * my);
    if (product === 0) return NaN;
    return cov / Math.sqrt(product);
  }
}
