import type { PineContext } from '../context.js';
import { PeriodCursor } from './period-cursor.js';

/**
 * `timeframe.change(tf)` at one call site: true on the first bar of each new `tf` period, but not on
 * the first bar the call runs — it compares the period with the previous bar's, which is na there,
 * and a comparison with na is false (TradingView's export of `ta.vwap` anchored on
 * `timeframe.change("240")`, test/data/oracles, only matches so). Periods are taken in the exchange
 * zone, intraday ones counted from the session open (see {@link PineContext.periodStartLocal}).
 */
export class TimeframeChange {
  // Initialised where declared so V8 keeps it an unboxed double (see PineContext's bar fields).
  private lastStart = NaN;
  private readonly periods = new PeriodCursor();

  /** Evaluates the call for the current bar. */
  update(ctx: PineContext, timeframe: string): boolean {
    const tf = ctx.tf(timeframe);
    if (tf === null) return false;
    const offset = ctx.exchangeZone.offsetAt(ctx.time);
    const start = this.periods.startOf(ctx, tf, ctx.time + offset);
    if (start === this.lastStart) return false;
    const first = this.lastStart !== this.lastStart;
    this.lastStart = start;
    return !first;
  }
}
