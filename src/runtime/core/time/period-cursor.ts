import type { PineContext } from '../context.js';
import type { Timeframe } from './timeframe.js';
import { inSeconds } from './timeframe.js';

/**
 * `PineContext.periodStartLocal` for a scan over rising local instants (bar after bar). The start is
 * reused while the instants stay in the stretch `periodEndLocal` vouches for, and inside one session
 * range it is taken by the same arithmetic `periodStartLocal` does from the range's open, so the
 * zone, session and calendar work runs once per session range (a day for 24x7) instead of once per
 * bar: it was most of `request.security`'s resampling of the chart feed.
 */
export class PeriodCursor {
  private timeframe: Timeframe | null = null;
  // Initialised where declared so V8 keeps them unboxed doubles (see PineContext's bar fields).
  /** [from, end): instants known to have period start `start`. */
  private from = NaN;
  private end = NaN;
  private start = NaN;
  /** [open, close): the session range periods count from (NaN when they do not), `step` ms each. */
  private open = NaN;
  private close = NaN;
  private step = NaN;

  /** The local start of the `tf` period holding `local`: always `ctx.periodStartLocal(tf, local)`. */
  startOf(ctx: PineContext, tf: Timeframe, local: number): number {
    if (tf === this.timeframe) {
      if (local >= this.from && local < this.end) return this.start;
      if (local >= this.open && local < this.close) {
        const open = this.open;
        const step = this.step;
        const start = open + Math.floor((local - open) / step) * step;
        this.from = local;
        this.start = start;
        this.end = Math.min(start + step, this.close);
        return start;
      }
    }
    return this.recompute(ctx, tf, local);
  }

  private recompute(ctx: PineContext, tf: Timeframe, local: number): number {
    this.timeframe = tf;
    this.from = local;
    this.start = ctx.periodStartLocal(tf, local);
    this.end = ctx.periodEndLocal(tf, local);
    this.open = ctx.sessionRangeOpenLocal(tf, local);
    this.close = this.open === this.open ? ctx.sessionRangeCloseLocal(local) : NaN;
    this.step = inSeconds(tf) * 1000;
    return this.start;
  }
}
