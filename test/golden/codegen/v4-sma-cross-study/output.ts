// SMA cross (v4): ported from input.pine (Pine v4) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'fastLen',
    name: 'fastLen',
    variable: 'fastLen',
    function: 'input',
    type: 'int',
    title: 'Fast length',
    default: 9,
    minval: 1,
    line: 4,
  },
  {
    key: 'slowLen',
    name: 'slowLen',
    variable: 'slowLen',
    function: 'input',
    type: 'int',
    title: 'Slow length',
    default: 21,
    minval: 1,
    line: 5,
  },
  {
    key: 'src',
    name: 'src',
    variable: 'src',
    function: 'input',
    type: 'source',
    title: 'Source',
    default: 'close',
    line: 6,
  },
] as const;

export interface Inputs {
  /** Fast length (Pine line 4) */
  fastLen: number;
  /** Slow length (Pine line 5) */
  slowLen: number;
  /** Source (Pine line 6) */
  src: string;
}

export const defaultInputs: Inputs = { fastLen: 9, slowLen: 21, src: 'close' };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 4 };

export default class SMACrossV4 implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private fastLen: number;
  private slowLen: number;
  private src: number;
  private fast: number;
  private _sma1: rt.ta.Sma;
  private slow: number;
  private _sma2: rt.ta.Sma;
  private _plot1: number;
  private _plot2: number;
  private bull: boolean;
  private _crossover1: rt.ta.Crossover;
  private bear: boolean;
  private _crossunder1: rt.ta.Crossunder;
  private _plot3: number;
  private _plot4: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.fastLen = NaN;
    this.slowLen = NaN;
    this.src = NaN;
    this.fast = NaN;
    this._sma1 = new rt.ta.Sma();
    this.slow = NaN;
    this._sma2 = new rt.ta.Sma();
    this._plot1 = ctx.plots.declare('Plot');
    this._plot2 = ctx.plots.declare('Plot');
    this.bull = false;
    this._crossover1 = new rt.ta.Crossover();
    this.bear = false;
    this._crossunder1 = new rt.ta.Crossunder();
    this._plot3 = ctx.plots.declare('Shapes');
    this._plot4 = ctx.plots.declare('Shapes');
  }

  step(ctx: rt.PineContext): void {
    // A v4 indicator in the old style: study(), un-namespaced built-ins, typed input().
    this.fastLen = this.inputs.fastLen; // L4
    this.slowLen = this.inputs.slowLen; // L5
    this.src = rt.sourceValue(ctx, this.inputs.src); // L6
    this.fast = this._sma1.update(this.src, this.fastLen); // L7
    this.slow = this._sma2.update(this.src, this.slowLen); // L8
    ctx.plots.record(this._plot1, this.fast); // L9
    ctx.plots.record(this._plot2, this.slow); // L10
    this.bull = this._crossover1.update(this.fast, this.slow); // L11
    this.bear = this._crossunder1.update(this.fast, this.slow); // L12
    ctx.plots.record(this._plot3, this.bull ? 1 : 0); // L13
    ctx.plots.record(this._plot4, this.bear ? 1 : 0); // L14
  }
}
