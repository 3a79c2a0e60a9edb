import type { PineContext } from '../context.js';
import type { Timeframe } from './timeframe.js';
import { inSeconds, periodStartFromOpen } from './timeframe.js';

/**
 * `PineContext.periodStartLocal` for a scan over rising local instants (bar after bar). Inside one
 * session range the start is taken by the same arithmetic `periodStartLocal` does from the range's
 * open; periods aligned to midnight / Monday / the 1st are reused over the stretch `periodEndLocal`
 * vouches for. The zone, session and calendar work then runs once per session range (a day for
 * 24x7) or period instead of once per bar: it was most of `request.security`'s resampling of the
 * chart feed.
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
      if (local >= this.open && local < this.close) return this.startInRange(local);
    }
    return this.recompute(ctx, tf, local);
  }

  /** The period of `local` inside the cached session range; it ends at the next one or the close. */
  private startInRange(local: number): number {
    const start = periodStartFromOpen(this.open, this.step, local);
    this.from = local;
    this.start = start;
    this.end = Math.min(start + this.step, this.close);
    return start;
  }

  private recompute(ctx: PineContext, tf: Timeframe, local: number): number {
    this.timeframe = tf;
    this.step = inSeconds(tf) * 1000;
    this.open = ctx.sessionRangeOpenLocal(tf, local);
    if (this.open === this.open) {
      this.close = ctx.sessionRangeCloseLocal(local);
      return this.startInRange(local);
    }
    this.close = NaN;
    this.from = local;
    this.start = ctx.periodStartLocal(tf, local);
    this.end = ctx.periodEndLocal(tf, local);
    return this.start;
  }
}
