// Maps, matrices and generics: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [] as const;

export interface Inputs {}

export const defaultInputs: Inputs = {};

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 6 };

export default class MapsMatricesAndGenerics implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private lastByName: rt.PineMap<string, number>;
  private lastByNameReady: boolean;
  private window: rt.PineMatrix<number>;
  private windowReady: boolean;
  private spread: number;
  private total: number;
  private mean: number;
  private smoothed: number;
  private _ema1: rt.ta.Ema;
  private LIMIT: number;
  private scale: number;
  private _plot1: number;
  private _plot2: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.lastByName = null!;
    this.lastByNameReady = false;
    this.window = null!;
    this.windowReady = false;
    this.spread = NaN;
    this.total = NaN;
    this.mean = NaN;
    this.smoothed = NaN;
    this._ema1 = new rt.ta.Ema();
    this.LIMIT = NaN;
    this.scale = NaN;
    this._plot1 = ctx.plots.declare('Smoothed');
    this._plot2 = ctx.plots.declare('Spread');
  }

  step(ctx: rt.PineContext): void {
    if (!this.lastByNameReady) {
      this.lastByNameReady = true;
      this.lastByName = new rt.PineMap<string, number>(NaN); // L3
    }
    if (!this.windowReady) {
      this.windowReady = true;
      this.window = rt.PineMatrix.create<number>(3, 2, 0); // L4
    }
    this.lastByName.put('close', ctx.close); // L5
    this.lastByName.put('open', ctx.open); // L6
    this.window.add_row(this.window.rows(), rt.PineArray.fromFloats(ctx.close, ctx.volume)); // L7
    if (this.window.rows() > 10) {
      // L8
      this.window.remove_row(0); // L9
    }
    this.spread = this.lastByName.get('close') - this.lastByName.get('open'); // L10
    this.total = 0; // L11
    const _items1 = this.window.col(0); // L12
    for (let _i1 = 0; _i1 < _items1.size(); _i1++) {
      const v = _items1.get(_i1);
      this.total = this.total + v; // L13
    }
    this.mean = rt.div(this.total, this.window.rows()); // L14
    this.smoothed = this._ema1.update(this.mean, 5); // L15
    this.LIMIT = 3; // L16
    this.scale = 1.5; // L17
    ctx.plots.record(this._plot1, this.smoothed * this.scale); // L18
    ctx.plots.record(this._plot2, this.spread); // L19
  }
}
