// MACD with helpers (v4): ported from input.pine (Pine v4) by pineport.
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
    default: 12,
    line: 3,
  },
  {
    key: 'slowLen',
    name: 'slowLen',
    variable: 'slowLen',
    function: 'input',
    type: 'int',
    default: 26,
    line: 4,
  },
  {
    key: 'sigLen',
    name: 'sigLen',
    variable: 'sigLen',
    function: 'input',
    type: 'int',
    default: 9,
    line: 5,
  },
] as const;

export interface Inputs {
  /** fastLen (Pine line 3) */
  fastLen: number;
  /** slowLen (Pine line 4) */
  slowLen: number;
  /** sigLen (Pine line 5) */
  sigLen: number;
}

export const defaultInputs: Inputs = { fastLen: 12, slowLen: 26, sigLen: 9 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 4 };

/** Per-call-site state of macdParts(): each call site keeps its own indicators and history, as in Pine. */
class MacdPartsState {
  readonly _ema1: rt.ta.Ema;
  readonly _ema2: rt.ta.Ema;
  readonly _ema3: rt.ta.Ema;

  constructor(_ctx: rt.PineContext) {
    this._ema1 = new rt.ta.Ema();
    this._ema2 = new rt.ta.Ema();
    this._ema3 = new rt.ta.Ema();
  }
}

/** Per-call-site state of hist(): each call site keeps its own indicators and history, as in Pine. */
class HistState {
  readonly _ema4: rt.ta.Ema;
  readonly _ema5: rt.ta.Ema;
  readonly _ema6: rt.ta.Ema;
  readonly _ema7: rt.ta.Ema;
  readonly _ema8: rt.ta.Ema;

  constructor(_ctx: rt.PineContext) {
    this._ema4 = new rt.ta.Ema();
    this._ema5 = new rt.ta.Ema();
    this._ema6 = new rt.ta.Ema();
    this._ema7 = new rt.ta.Ema();
    this._ema8 = new rt.ta.Ema();
  }
}

export default class MACDWithHelpersV4 implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private fastLen: number;
  private slowLen: number;
  private sigLen: number;
  private _macdParts1: MacdPartsState;
  private m: number;
  private s: number;
  private readonly h: rt.FloatSeries;
  private up: boolean;
  private col: number;
  private _plot1: number;
  private _plot2: number;
  private _plot3: number;
  private _hist1: HistState;
  private _plot4: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.fastLen = NaN;
    this.slowLen = NaN;
    this.sigLen = NaN;
    this._macdParts1 = new MacdPartsState(ctx);
    this.m = NaN;
    this.s = NaN;
    this.h = new rt.FloatSeries(ctx.clock, 1);
    this.up = false;
    this.col = NaN;
    this._plot1 = ctx.plots.declare('Plot');
    this._plot2 = ctx.plots.declare('Plot');
    this._plot3 = ctx.plots.declare('Plot');
    this._hist1 = new HistState(ctx);
    this._plot4 = ctx.plots.declare('Plot');
  }

  step(ctx: rt.PineContext): void {
    this.fastLen = this.inputs.fastLen; // L3
    this.slowLen = this.inputs.slowLen; // L4
    this.sigLen = this.inputs.sigLen; // L5
    const _tuple1 = this.macdParts(ctx, this._macdParts1, ctx.close); // L13
    this.m = _tuple1[0];
    this.s = _tuple1[1];
    this.h.set(_tuple1[2]);
    this.up = rt.both(rt.gt(this.h.current, 0), rt.gt(this.h.current, this.h.get(1))); // L14
    this.col = this.up
      ? rt.color.hex('#26A69A')
      : rt.gt(this.h.current, 0)
        ? rt.color.hex('#B2DFDB')
        : rt.lt(this.h.current, this.h.get(1))
          ? rt.color.hex('#FF5252')
          : rt.color.hex('#FFCDD2'); // L15
    ctx.plots.record(this._plot1, this.h.current); // L16
    ctx.plots.record(this._plot2, this.m); // L17
    ctx.plots.record(this._plot3, this.s); // L17
    ctx.plots.record(
      this._plot4,
      this.hist(ctx, this._hist1, ctx.close, this.fastLen, this.slowLen, this.sigLen) - this.h.current,
    ); // L18
  }

  // block function returning a tuple
  private macdParts(ctx: rt.PineContext, st: MacdPartsState, src: number): [number, number, number] {
    // L9
    let m: number = st._ema1.update(src, this.fastLen) - st._ema2.update(src, this.slowLen); // L10
    let s: number = st._ema3.update(m, this.sigLen); // L11
    return [m, s, m - s] as const; // L12
  }

  // single-line function
  private hist(ctx: rt.PineContext, st: HistState, src: number, f: number, s: number, g: number): number {
    // L7
    return (
      st._ema4.update(src, f) -
      st._ema5.update(src, s) -
      st._ema8.update(st._ema6.update(src, f) - st._ema7.update(src, s), g)
    ); // L7
  }
}
