import type { PineContext } from '../context.js';

/**
 * `timeframe.change(tf)` at one call site: true on the first bar of each new `tf` period (and on
 * the first bar the call runs). Periods are taken in the exchange zone, intraday ones counted from
 * the session open (see {@link PineContext.periodStartLocal}).
 */
export class TimeframeChange {
  // Initialised where declared so V8 keeps it an unboxed double (see PineContext's bar fields).
  private lastStart = NaN;

  /** Evaluates the call for the current bar. */
  update(ctx: PineContext, timeframe: string): boolean {
    const tf = ctx.tf(timeframe);
    if (tf === null) return false;
    const offset = ctx.exchangeZone.offsetAt(ctx.time);
    const start = ctx.periodStartLocal(tf, ctx.time + offset);
    if (start === this.lastStart) return false;
    this.lastStart = start;
    return true;
  }
}
