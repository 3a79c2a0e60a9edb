/**
 * `ta.sar(start, inc, max)` with the bar's high/low/close passed in — the reference manual's
 * `pine_sar` step by step: on bar 1 the trend starts long if close > close[1] (SAR = low[1], extreme =
 * high) else short (SAR = high[1], extreme = low); each bar SAR += af·(extreme − SAR); a bar crossing
 * the SAR reverses (SAR = the old extreme, clipped by this bar's high/low, af = start); otherwise a new
 * extreme raises af by `inc` up to `max`; finally SAR is clipped by the previous two bars' lows (long)
 * or highs (short). Na on bar 0.
 */
export class Sar {
  private result = NaN;
  private extreme = NaN;
  private acceleration = NaN;
  private isBelow = false;
  private bar = 0;
  private high1 = NaN;
  private high2 = NaN;
  private low1 = NaN;
  private low2 = NaN;
  private close1 = NaN;

  /** One bar; NaN = na. */
  update(high: number, low: number, close: number, start: number, inc: number, max: number): number {
    let firstTrendBar = false;
    if (this.bar === 1) {
      if (close > this.close1) {
        this.isBelow = true;
        this.extreme = high;
        this.result = this.low1;
      } else {
        this.isBelow = false;
        this.extreme = low;
        this.result = this.high1;
      }
      firstTrendBar = true;
      this.acceleration = start;
    }
    let result = this.result + this.acceleration * (this.extreme - this.result);
    if (this.isBelow) {
      if (result > low) {
        firstTrendBar = true;
        this.isBelow = false;
        result = Math.max(high, this.extreme);
        this.extreme = low;
        this.acceleration = start;
      }
    } else if (result < high) {
      firstTrendBar = true;
      this.isBelow = true;
      result = Math.min(low, this.extreme);
      this.extreme = high;
      this.acceleration = start;
    }
    if (!firstTrendBar) {
      if (this.isBelow) {
        if (high > this.extreme) {
          this.extreme = high;
          this.acceleration = Math.min(this.acceleration + inc, max);
        }
      } else if (low < this.extreme) {
        this.extreme = low;
        this.acceleration = Math.min(this.acceleration + inc, max);
      }
    }
    if (this.isBelow) {
      result = Math.min(result, this.low1);
      if (this.bar > 1) result = Math.min(result, this.low2);
    } else {
      result = Math.max(result, this.high1);
      if (this.bar > 1) result = Math.max(result, this.high2);
    }
    this.result = result;
    this.bar++;
    this.high2 = this.high1;
    this.high1 = high;
    this.low2 = this.low1;
    this.low1 = low;
    this.close1 = close;
    return result;
  }
}
