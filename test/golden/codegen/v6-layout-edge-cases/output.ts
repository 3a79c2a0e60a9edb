// Layout edge cases: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [] as const;

export interface Inputs {}

export const defaultInputs: Inputs = {};

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 6 };

export default class LayoutEdgeCases implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private readonly a: rt.FloatSeries;
  private readonly b: rt.FloatSeries;
  private c: number;
  private longCondition: boolean;
  private x: number;
  private y: number;
  private d: number;
  private readonly _history1: rt.FloatSeries;
  private readonly _history2: rt.FloatSeries;
  private e: number;
  private arr: rt.PineArray<number>;
  private h: number;
  private i: number;
  private type_: number;
  private series: number;
  private method: number;
  private n: number;
  private readonly _history3: rt.FloatSeries;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.a = new rt.FloatSeries(ctx.clock, 1);
    this.b = new rt.FloatSeries(ctx.clock, 1);
    this.c = NaN;
    this.longCondition = false;
    this.x = NaN;
    this.y = NaN;
    this.d = NaN;
    this._history1 = new rt.FloatSeries(ctx.clock, 1);
    this._history2 = new rt.FloatSeries(ctx.clock, 2);
    this.e = NaN;
    this.arr = null!;
    this.h = NaN;
    this.i = NaN;
    this.type_ = NaN;
    this.series = NaN;
    this.method = NaN;
    this.n = NaN;
    this._history3 = new rt.FloatSeries(ctx.clock, 1);
    this._plot1 = ctx.plots.declare('sum');
  }

  step(ctx: rt.PineContext): void {
    // Layout rules that trip parsers: every construct here is valid Pine.
    this.a.set(ctx.close); // L4
    this.b.set(ctx.open); // L5
    // a comment indented like a block does not open one
    this.c = this.a.current + this.b.current - 1; // L7
    this.longCondition =
      (rt.gt(this.a.current, this.b.current) && rt.gt(this.a.current, this.a.get(1))) ||
      rt.lt(this.b.current, this.b.get(1)); // L10
    const _tuple1 = [this.a.current, this.b.current] as const; // L13
    this.x = _tuple1[0];
    this.y = _tuple1[1];
    this.d =
      (this._history1.set(this.a.current - this.b.current), this._history1.get(1)) +
      (this._history2.set(rt.math.abs(this.a.current - this.b.current)), this._history2.get(2)); // L14
    this.e = rt.lt(this.a.current, this.b.current) ? 1 : 0; // L15
    this.arr = rt.PineArray.create<number>(2, 0, true); // L16
    let _value1: number = NaN; // L21
    if (rt.gt(this.a.current, this.b.current)) {
      _value1 = 1; // L22
    } else if (rt.lt(this.a.current, this.b.current)) {
      let z: number = 2; // L24
      _value1 = z + 1; // L25
    } else {
      _value1 = 0; // L26
    }
    this.h = _value1;
    let _value2: number = NaN; // L27
    if (rt.gt(this.a.current, this.b.current)) {
      // L27
      _value2 = 1; // L28
    } else {
      if (rt.lt(this.a.current, this.b.current)) {
        // L29
        _value2 = -1; // L30
      } else {
        _value2 = 0; // L32
      }
    }
    this.i = _value2;
    this.type_ = 1; // L33
    this.series = this.type_ + 1; // L34
    this.method = this.series * 2; // L35
    this.n =
      (this._history3.set(this.f(ctx, this.a.current)), this._history3.get(1)) + this.g(ctx, this.b.current); // L36
    ctx.plots.record(
      this._plot1,
      this.c + this.d + this.e + this.h + this.i + this.method + this.n + this.arr.get(0),
    ); // L37
  }

  private f(ctx: rt.PineContext, x: number): number {
    // L17
    return x * 2; // L17
  }

  private g(ctx: rt.PineContext, x: number): number {
    // L18
    let y: number = x + 1; // L19
    return y * 2; // L20
  }
}
