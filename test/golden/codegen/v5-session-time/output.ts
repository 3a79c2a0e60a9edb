// Session open range: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'sess',
    name: 'sess',
    variable: 'sess',
    function: 'input.session',
    type: 'session',
    title: 'Opening range',
    default: '0930-1000',
    line: 3,
  },
  {
    key: 'tz',
    name: 'tz',
    variable: 'tz',
    function: 'input.string',
    type: 'string',
    title: 'Timezone',
    default: 'America/New_York',
    line: 4,
  },
] as const;

export interface Inputs {
  /** Opening range (Pine line 3) */
  sess: string;
  /** Timezone (Pine line 4) */
  tz: string;
}

export const defaultInputs: Inputs = { sess: '0930-1000', tz: 'America/New_York' };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 5 };

export default class SessionOpenRange implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private sess: string;
  private tz: string;
  private readonly inRange: rt.BoolSeries;
  private orHigh: number;
  private orHighReady: boolean;
  private orLow: number;
  private orLowReady: boolean;
  private isFriday: boolean;
  private lateDay: boolean;
  private _plot1: number;
  private _plot2: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.sess = '';
    this.tz = '';
    this.inRange = new rt.BoolSeries(ctx.clock, 1);
    this.orHigh = NaN;
    this.orHighReady = false;
    this.orLow = NaN;
    this.orLowReady = false;
    this.isFriday = false;
    this.lateDay = false;
    this._plot1 = ctx.plots.declare('OR high');
    this._plot2 = ctx.plots.declare('OR low');
  }

  step(ctx: rt.PineContext): void {
    this.sess = this.inputs.sess; // L3
    this.tz = this.inputs.tz; // L4
    this.inRange.set(!rt.isNa(ctx.timeOf(ctx.timeframe.period, this.sess, this.tz))); // L5
    if (!this.orHighReady) {
      this.orHighReady = true;
      this.orHigh = NaN; // L6
    }
    if (!this.orLowReady) {
      this.orLowReady = true;
      this.orLow = NaN; // L7
    }
    if (rt.both(this.inRange.current, !this.inRange.get(1))) {
      // L8
      this.orHigh = ctx.high; // L9
      this.orLow = ctx.low; // L10
    } else {
      if (this.inRange.current) {
        // L11
        this.orHigh = rt.math.max2(this.orHigh, ctx.high); // L12
        this.orLow = rt.math.min2(this.orLow, ctx.low); // L13
      }
    }
    this.isFriday = ctx.dayofweek(ctx.time, this.tz) === 6; // L14
    this.lateDay = ctx.hour(ctx.time, this.tz) >= 15; // L15
    if (rt.both(rt.both(!this.inRange.current, !rt.isNa(this.orHigh)), !this.isFriday)) {
      // L16
      this.strategy.entry('ORB', 'long', { stop: this.orHigh }); // L17
    }
    if (this.lateDay) {
      // L18
      this.strategy.closeAll({ comment: 'EOD' }); // L19
    }
    ctx.plots.record(this._plot1, this.orHigh); // L20
    ctx.plots.record(this._plot2, this.orLow); // L21
  }
}
