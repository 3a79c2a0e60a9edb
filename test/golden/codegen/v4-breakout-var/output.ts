// Donchian breakout (v4): ported from input.pine (Pine v4) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'len',
    name: 'len',
    variable: 'len',
    function: 'input',
    type: 'int',
    title: 'Channel',
    default: 20,
    line: 3,
  },
  {
    key: 'atrLen',
    name: 'atrLen',
    variable: 'atrLen',
    function: 'input',
    type: 'int',
    title: 'ATR length',
    default: 14,
    line: 4,
  },
  {
    key: 'mult',
    name: 'mult',
    variable: 'mult',
    function: 'input',
    type: 'float',
    title: 'ATR stop multiple',
    default: 2.5,
    step: 0.1,
    line: 5,
  },
] as const;

export interface Inputs {
  /** Channel (Pine line 3) */
  len: number;
  /** ATR length (Pine line 4) */
  atrLen: number;
  /** ATR stop multiple (Pine line 5) */
  mult: number;
}

export const defaultInputs: Inputs = { len: 20, atrLen: 14, mult: 2.5 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 4, pyramiding: 2 };

export default class DonchianBreakoutV4 implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private len: number;
  private atrLen: number;
  private mult: number;
  private upper: number;
  private readonly _history1: rt.FloatSeries;
  private _highest1: rt.ta.Highest;
  private lower: number;
  private readonly _history2: rt.FloatSeries;
  private _lowest1: rt.ta.Lowest;
  private trail: number;
  private trailReady: boolean;
  private entries: number;
  private entriesReady: boolean;
  private atrValue: number;
  private _atr1: rt.ta.Atr;
  private _plot1: number;
  private _plot2: number;
  private _plot3: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.len = NaN;
    this.atrLen = NaN;
    this.mult = NaN;
    this.upper = NaN;
    this._history1 = new rt.FloatSeries(ctx.clock, 1);
    this._highest1 = new rt.ta.Highest();
    this.lower = NaN;
    this._history2 = new rt.FloatSeries(ctx.clock, 1);
    this._lowest1 = new rt.ta.Lowest();
    this.trail = NaN;
    this.trailReady = false;
    this.entries = NaN;
    this.entriesReady = false;
    this.atrValue = NaN;
    this._atr1 = new rt.ta.Atr();
    this._plot1 = ctx.plots.declare('Plot');
    this._plot2 = ctx.plots.declare('Plot');
    this._plot3 = ctx.plots.declare('Plot');
  }

  step(ctx: rt.PineContext): void {
    this.len = this.inputs.len; // L3
    this.atrLen = this.inputs.atrLen; // L4
    this.mult = this.inputs.mult; // L5
    this.upper = (this._history1.set(this._highest1.update(ctx.high, this.len)), this._history1.get(1)); // L6
    this.lower = (this._history2.set(this._lowest1.update(ctx.low, this.len)), this._history2.get(1)); // L7
    if (!this.trailReady) {
      this.trailReady = true;
      this.trail = NaN; // L8
    }
    if (!this.entriesReady) {
      this.entriesReady = true;
      this.entries = 0; // L9
    }
    this.atrValue = this._atr1.update(ctx.high, ctx.low, ctx.close, this.atrLen); // L10
    if (rt.both(rt.gt(ctx.close, this.upper), rt.eq(this.strategy.positionSize, 0))) {
      // L11
      this.strategy.entry('Breakout', 'long'); // L12
      this.entries = this.entries + 1; // L13
      this.trail = ctx.close - this.mult * this.atrValue; // L14
    }
    if (rt.gt(this.strategy.positionSize, 0)) {
      // L15
      this.trail = rt.math.max2(rt.nz(this.trail), ctx.close - this.mult * this.atrValue); // L16
      this.strategy.exit('Trail', { fromEntry: 'Breakout', stop: this.trail }); // L17
    } else {
      this.trail = NaN; // L19
    }
    ctx.plots.record(this._plot1, this.upper); // L20
    ctx.plots.record(this._plot2, this.lower); // L20
    ctx.plots.record(this._plot3, this.trail); // L21
  }
}
