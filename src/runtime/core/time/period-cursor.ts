import type { PineContext } from '../context.js';
import type { Timeframe } from './timeframe.js';

/**
 * `PineContext.periodStartLocal` for a scan over rising local instants (bar after bar): the start is
 * computed once per period and reused while the instants stay inside the stretch that
 * `periodEndLocal` vouches for. Computing it per bar cost ~40 ns (zone, session and calendar
 * arithmetic), most of `request.security`'s resampling of the chart feed.
 */
export class PeriodCursor {
  private timeframe: Timeframe | null = null;
  // Initialised where declared so V8 keeps them unboxed doubles (see PineContext's bar fields).
  private from = NaN;
  private end = NaN;
  private start = NaN;

  /** The local start of the `tf` period holding `local`: always `ctx.periodStartLocal(tf, local)`. */
  startOf(ctx: PineContext, tf: Timeframe, local: number): number {
    if (tf === this.timeframe && local >= this.from && local < this.end) return this.start;
    this.timeframe = tf;
    this.from = local;
    this.start = ctx.periodStartLocal(tf, local);
    this.end = ctx.periodEndLocal(tf, local);
    return this.start;
  }
}
