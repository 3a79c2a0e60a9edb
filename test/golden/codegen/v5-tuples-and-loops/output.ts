// Tuples and loops: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'lookback',
    name: 'lookback',
    variable: 'lookback',
    function: 'input.int',
    type: 'int',
    title: 'Lookback',
    default: 20,
    minval: 2,
    line: 3,
  },
] as const;

export interface Inputs {
  /** Lookback (Pine line 3) */
  lookback: number;
}

export const defaultInputs: Inputs = { lookback: 20 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 5 };

/** Per-call-site state of stats(): each call site keeps its own indicators and history, as in Pine. */
class StatsState {
  readonly src_3: rt.FloatSeries;

  constructor(ctx: rt.PineContext) {
    this.src_3 = new rt.FloatSeries(ctx.clock, 5000);
  }
}

export default class TuplesAndLoops implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private lookback: number;
  private _stats1: StatsState;
  private mean: number;
  private sd: number;
  private z: number;
  private countAbove: number;
  private lastCross: number;
  private _cross1: rt.ta.Cross;
  private _barssince1: rt.ta.Barssince;
  private _plot1: number;
  private _plot2: number;
  private _plot3: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.lookback = NaN;
    this._stats1 = new StatsState(ctx);
    this.mean = NaN;
    this.sd = NaN;
    this.z = NaN;
    this.countAbove = NaN;
    this.lastCross = NaN;
    this._cross1 = new rt.ta.Cross();
    this._barssince1 = new rt.ta.Barssince();
    this._plot1 = ctx.plots.declare('z-score');
    this._plot2 = ctx.plots.declare('above mean');
    this._plot3 = ctx.plots.declare('bars since cross');
  }

  step(ctx: rt.PineContext): void {
    this.lookback = this.inputs.lookback; // L3
    const _tuple1 = this.stats(ctx, this._stats1, ctx.close, this.lookback); // L12
    this.mean = _tuple1[0];
    this.sd = _tuple1[1];
    this.z = rt.ne(this.sd, 0) ? rt.div(ctx.close - this.mean, this.sd) : 0; // L13
    this.countAbove = 0; // L14
    const _from2 = this.lookback - 1; // L15
    const _to2 = 0;
    const _step2 = Math.abs(1) * (_from2 <= _to2 ? 1 : -1);
    for (let i = _from2; _step2 > 0 ? i <= _to2 : i >= _to2; i += _step2) {
      if (rt.gt(ctx.closeAt(i), this.mean)) {
        // L16
        this.countAbove = this.countAbove + 1; // L17
      } else {
        continue;
      }
    }
    this.lastCross = this._barssince1.update(this._cross1.update(this.z, 0)); // L20
    ctx.plots.record(this._plot1, this.z); // L21
    ctx.plots.record(this._plot2, this.countAbove); // L22
    ctx.plots.record(this._plot3, this.lastCross); // L23
  }

  private stats(ctx: rt.PineContext, st: StatsState, src: number, len: number): [number, number] {
    // L4
    st.src_3.set(src);
    let sum: number = 0; // L5
    let sumSq: number = 0; // L6
    const _from1 = 0; // L7
    const _to1 = len - 1;
    const _step1 = _from1 <= _to1 ? 1 : -1;
    for (let i = _from1; _step1 > 0 ? i <= _to1 : i >= _to1; i += _step1) {
      sum = sum + st.src_3.get(i); // L8
      sumSq = sumSq + st.src_3.get(i) * st.src_3.get(i); // L9
    }
    let mean: number = rt.div(sum, len); // L10
    return [mean, rt.math.sqrt(rt.div(sumSq, len) - mean * mean)] as const; // L11
  }
}
