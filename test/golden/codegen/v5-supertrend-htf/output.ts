// Supertrend with HTF filter: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'atrPeriod',
    name: 'atrPeriod',
    variable: 'atrPeriod',
    function: 'input.int',
    type: 'int',
    title: 'ATR length',
    default: 10,
    line: 3,
  },
  {
    key: 'factor',
    name: 'factor',
    variable: 'factor',
    function: 'input.float',
    type: 'float',
    title: 'Factor',
    default: 3,
    step: 0.01,
    line: 4,
  },
  {
    key: 'htf',
    name: 'htf',
    variable: 'htf',
    function: 'input.timeframe',
    type: 'timeframe',
    title: 'Filter timeframe',
    default: '240',
    line: 5,
  },
] as const;

export interface Inputs {
  /** ATR length (Pine line 3) */
  atrPeriod: number;
  /** Factor (Pine line 4) */
  factor: number;
  /** Filter timeframe (Pine line 5) */
  htf: string;
}

export const defaultInputs: Inputs = { atrPeriod: 10, factor: 3, htf: '240' };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 5, marginLong: 100, marginShort: 100 };

/** request.security at Pine line 7: its higher-timeframe context and the state of its expression, which runs there. */
class Security1Htf {
  readonly security: rt.Security;
  readonly _history1: rt.FloatSeries;
  readonly _ema1: rt.ta.Ema;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
    const ctx = this.security.htf;
    this._history1 = new rt.FloatSeries(ctx.clock, 1);
    this._ema1 = new rt.ta.Ema();
  }
}

export default class SupertrendWithHTFFilter implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private atrPeriod: number;
  private factor: number;
  private htf: string;
  private _supertrend1: rt.ta.Supertrend;
  private st_: number;
  private direction: number;
  private htfTrend: number;
  private _security1: Security1Htf;
  private _security1Fn: (htf: rt.PineContext) => number;
  private readonly longOk: rt.BoolSeries;
  private readonly shortOk: rt.BoolSeries;
  private _plot1: number;
  private _plot2: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.atrPeriod = NaN;
    this.factor = NaN;
    this.htf = '';
    this._supertrend1 = new rt.ta.Supertrend();
    this.st_ = NaN;
    this.direction = NaN;
    this.htfTrend = NaN;
    this._security1 = new Security1Htf(ctx, this.inputs.htf);
    this._security1Fn = (htf: rt.PineContext) => this._security1Value(htf, this._security1);
    this.longOk = new rt.BoolSeries(ctx.clock, 1);
    this.shortOk = new rt.BoolSeries(ctx.clock, 1);
    this._plot1 = ctx.plots.declare('Up');
    this._plot2 = ctx.plots.declare('Down');
  }

  step(ctx: rt.PineContext): void {
    this.atrPeriod = this.inputs.atrPeriod; // L3
    this.factor = this.inputs.factor; // L4
    this.htf = this.inputs.htf; // L5
    this._supertrend1.update(ctx.high, ctx.low, ctx.close, this.factor, this.atrPeriod); // L6
    this.st_ = this._supertrend1.supertrend;
    this.direction = this._supertrend1.direction;
    this.htfTrend = this._security1.security.value(ctx, true, false, this._security1Fn); // L7
    this.longOk.set(rt.both(rt.lt(this.direction, 0), rt.gt(ctx.close, this.htfTrend))); // L8
    this.shortOk.set(rt.both(rt.gt(this.direction, 0), rt.lt(ctx.close, this.htfTrend))); // L9
    if (rt.both(this.longOk.current, !this.longOk.get(1))) {
      // L10
      this.strategy.entry('L', 'long'); // L11
    }
    if (rt.both(this.shortOk.current, !this.shortOk.get(1))) {
      // L12
      this.strategy.entry('S', 'short'); // L13
    }
    ctx.plots.record(this._plot1, rt.lt(this.direction, 0) ? this.st_ : NaN); // L14
    ctx.plots.record(this._plot2, rt.lt(this.direction, 0) ? NaN : this.st_); // L15
  }

  /** The expression of request.security at Pine line 7, on the higher timeframe's bar `ctx`. */
  private _security1Value(ctx: rt.PineContext, st: Security1Htf): number {
    return (st._history1.set(st._ema1.update(ctx.close, 50)), st._history1.get(1));
  }
}
