// RSI reversion (v4): ported from input.pine (Pine v4) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'length',
    name: 'length',
    variable: 'length',
    function: 'input',
    type: 'int',
    default: 14,
    minval: 2,
    line: 5,
  },
  {
    key: 'oversold',
    name: 'oversold',
    variable: 'oversold',
    function: 'input',
    type: 'float',
    title: 'Oversold',
    default: 30,
    line: 6,
  },
  {
    key: 'overbought',
    name: 'overbought',
    variable: 'overbought',
    function: 'input',
    type: 'float',
    title: 'Overbought',
    default: 70,
    line: 7,
  },
  {
    key: 'useHtf',
    name: 'useHtf',
    variable: 'useHtf',
    function: 'input',
    type: 'bool',
    title: 'Filter by daily trend',
    default: false,
    line: 8,
  },
] as const;

export interface Inputs {
  /** length (Pine line 5) */
  length: number;
  /** Oversold (Pine line 6) */
  oversold: number;
  /** Overbought (Pine line 7) */
  overbought: number;
  /** Filter by daily trend (Pine line 8) */
  useHtf: boolean;
}

export const defaultInputs: Inputs = { length: 14, oversold: 30, overbought: 70, useHtf: false };

/** The strategy() settings. */
export const settings: rt.StrategySettings = {
  version: 4,
  defaultQtyType: 'percent_of_equity',
  defaultQtyValue: 10,
  initialCapital: 10000,
  commissionType: 'percent',
  commissionValue: 0.05,
};

/** request.security at Pine line 9: its higher-timeframe context and the state of its expression, which runs there. */
class Security1Htf {
  readonly security: rt.Security;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
  }
}

export default class RSIReversionV4 implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private length: number;
  private oversold: number;
  private overbought: number;
  private useHtf: boolean;
  private htfClose: number;
  private _security1: Security1Htf;
  private _security1Fn: (htf: rt.PineContext) => number;
  private r: number;
  private _rsi1: rt.ta.Rsi;
  private trendOk: boolean;
  private _crossover1: rt.ta.Crossover;
  private _crossunder1: rt.ta.Crossunder;
  private stopPrice: number;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.length = NaN;
    this.oversold = NaN;
    this.overbought = NaN;
    this.useHtf = false;
    this.htfClose = NaN;
    this._security1 = new Security1Htf(ctx, 'D');
    this._security1Fn = (htf: rt.PineContext) => this._security1Value(htf, this._security1);
    this.r = NaN;
    this._rsi1 = new rt.ta.Rsi();
    this.trendOk = false;
    this._crossover1 = new rt.ta.Crossover();
    this._crossunder1 = new rt.ta.Crossunder();
    this.stopPrice = NaN;
    this._plot1 = ctx.plots.declare('RSI');
  }

  step(ctx: rt.PineContext): void {
    this.length = this.inputs.length; // L5
    this.oversold = this.inputs.oversold; // L6
    this.overbought = this.inputs.overbought; // L7
    this.useHtf = this.inputs.useHtf; // L8
    this.htfClose = this._security1.security.value(ctx, true, false, this._security1Fn); // L9
    this.r = this._rsi1.update(ctx.close, this.length); // L10
    this.trendOk = rt.either(!this.useHtf, rt.gt(ctx.close, this.htfClose)); // L11
    // v4 idiom: orders gated with when=
    this.strategy.entry('Long', 'long', {
      when: rt.both(this._crossover1.update(this.r, this.oversold), this.trendOk),
    }); // L13
    this.strategy.close('Long', { when: this._crossunder1.update(this.r, this.overbought) }); // L14
    this.stopPrice = rt.gt(this.strategy.positionSize, 0) ? this.strategy.positionAvgPrice * 0.97 : NaN; // L15
    this.strategy.exit('Stop', { fromEntry: 'Long', stop: this.stopPrice }); // L16
    ctx.plots.record(this._plot1, this.r); // L17
  }

  /** The expression of request.security at Pine line 9, on the higher timeframe's bar `ctx`. */
  private _security1Value(ctx: rt.PineContext, _st: Security1Htf): number {
    return ctx.closeAt(1);
  }
}
