// Bollinger reversion: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'length',
    name: 'length',
    variable: 'length',
    function: 'input.int',
    type: 'int',
    default: 20,
    minval: 1,
    line: 3,
  },
  {
    key: 'mult',
    name: 'mult',
    variable: 'mult',
    function: 'input.float',
    type: 'float',
    default: 2,
    minval: 0.001,
    maxval: 50,
    line: 4,
  },
  {
    key: 'src',
    name: 'src',
    variable: 'src',
    function: 'input.source',
    type: 'source',
    title: 'Source',
    default: 'close',
    line: 5,
  },
] as const;

export interface Inputs {
  /** length (Pine line 3) */
  length: number;
  /** mult (Pine line 4) */
  mult: number;
  /** Source (Pine line 5) */
  src: string;
}

export const defaultInputs: Inputs = { length: 20, mult: 2, src: 'close' };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 5, pyramiding: 0, processOrdersOnClose: true };

export default class BollingerReversion implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private length: number;
  private mult: number;
  private src: number;
  private _bb1: rt.ta.Bb;
  private basis: number;
  private upper: number;
  private lower: number;
  private longSignal: boolean;
  private _crossover1: rt.ta.Crossover;
  private shortSignal: boolean;
  private _crossunder1: rt.ta.Crossunder;
  private _plot1: number;
  private p1: number;
  private _plot2: number;
  private p2: number;
  private _plot3: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.length = NaN;
    this.mult = NaN;
    this.src = NaN;
    this._bb1 = new rt.ta.Bb();
    this.basis = NaN;
    this.upper = NaN;
    this.lower = NaN;
    this.longSignal = false;
    this._crossover1 = new rt.ta.Crossover();
    this.shortSignal = false;
    this._crossunder1 = new rt.ta.Crossunder();
    this._plot1 = ctx.plots.declare('Basis');
    this.p1 = NaN;
    this._plot2 = ctx.plots.declare('Upper');
    this.p2 = NaN;
    this._plot3 = ctx.plots.declare('Lower');
  }

  step(ctx: rt.PineContext): void {
    this.length = this.inputs.length; // L3
    this.mult = this.inputs.mult; // L4
    this.src = rt.sourceValue(ctx, this.inputs.src); // L5
    this._bb1.update(this.src, this.length, this.mult); // L6
    this.basis = this._bb1.middle;
    this.upper = this._bb1.upper;
    this.lower = this._bb1.lower;
    this.longSignal = this._crossover1.update(this.src, this.lower); // L7
    this.shortSignal = this._crossunder1.update(this.src, this.upper); // L8
    if (this.longSignal) {
      // L9
      this.strategy.entry('BBLong', 'long', {
        stop: this.lower,
        ocaName: 'BB',
        ocaType: 'cancel',
        comment: 'BBL',
      }); // L10
    } else {
      this.strategy.cancel('BBLong'); // L12
    }
    if (this.shortSignal) {
      // L13
      this.strategy.entry('BBShort', 'short', { stop: this.upper, ocaName: 'BB', ocaType: 'cancel' }); // L14
    } else {
      this.strategy.cancel('BBShort'); // L16
    }
    ctx.plots.record(this._plot1, this.basis); // L17
    this.p1 = (ctx.plots.record(this._plot2, this.upper), NaN); // L18
    this.p2 = (ctx.plots.record(this._plot3, this.lower), NaN); // L19
  }
}
