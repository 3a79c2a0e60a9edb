// HTF security forms: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'tf',
    name: 'tf',
    variable: 'tf',
    function: 'input.timeframe',
    type: 'timeframe',
    title: 'Higher timeframe',
    default: '60',
    line: 4,
  },
  {
    key: 'len',
    name: 'len',
    variable: 'len',
    function: 'input.int',
    type: 'int',
    title: 'Length',
    default: 20,
    line: 5,
  },
] as const;

export interface Inputs {
  /** Higher timeframe (Pine line 4) */
  tf: string;
  /** Length (Pine line 5) */
  len: number;
}

export const defaultInputs: Inputs = { tf: '60', len: 20 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 6 };

/** request.security at Pine line 10: its higher-timeframe context and the state of its expression, which runs there. */
class Security1Htf {
  readonly security: rt.Security;
  readonly _ema2: rt.ta.Ema;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
    const ctx = this.security.htf;
    this._ema2 = new rt.ta.Ema();
  }
}

/** request.security at Pine line 11: its higher-timeframe context and the state of its expression, which runs there. */
class Security2Htf {
  readonly security: rt.Security;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
  }
}

/** request.security at Pine line 12: its higher-timeframe context and the state of its expression, which runs there. */
class Security3Htf {
  readonly security: rt.Security;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
  }
}

/** Per-call-site state of f_pair(): each call site keeps its own indicators and history, as in Pine. */
class F_pairState {
  readonly _sma1: rt.ta.Sma;
  readonly _highest1: rt.ta.Highest;

  constructor(_ctx: rt.PineContext) {
    this._sma1 = new rt.ta.Sma();
    this._highest1 = new rt.ta.Highest();
  }
}

/** request.security at Pine line 13: its higher-timeframe context and the state of its expression, which runs there. */
class Security4Htf {
  readonly security: rt.Security;
  _f_pair1: F_pairState;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe, 2);
    const ctx = this.security.htf;
    this._f_pair1 = new F_pairState(ctx);
  }
}

/** request.security at Pine line 14: its higher-timeframe context and the state of its expression, which runs there. */
class Security5Htf {
  readonly security: rt.Security;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe, 2);
  }
}

/** request.security at Pine line 17: its higher-timeframe context and the state of its expression, which runs there. */
class Security6Htf {
  readonly security: rt.Security;

  constructor(chart: rt.PineContext, timeframe: string) {
    this.security = new rt.Security(chart, timeframe);
  }
}

export default class HTFSecurityForms implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private tf: string;
  private len: number;
  private basis: number;
  private _ema1: rt.ta.Ema;
  private htfBasis: number;
  private _security1: Security1Htf;
  private _security1Fn: (htf: rt.PineContext) => number;
  private htfUp: boolean;
  private _security2: Security2Htf;
  private _security2Fn: (htf: rt.PineContext) => number;
  private htfGap: number;
  private _security3: Security3Htf;
  private _security3Fn: (htf: rt.PineContext) => number;
  private _security4: Security4Htf;
  private _security4Fn: (htf: rt.PineContext, out: Float64Array) => void;
  private htfSma: number;
  private htfHigh: number;
  private _security5: Security5Htf;
  private _security5Fn: (htf: rt.PineContext, out: Float64Array) => void;
  private dOpen: number;
  private dClose: number;
  private counter: number;
  private counterReady: boolean;
  private bad: number;
  private _security6: Security6Htf;
  private _security6Fn: (htf: rt.PineContext) => number;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.tf = '';
    this.len = NaN;
    this.basis = NaN;
    this._ema1 = new rt.ta.Ema();
    this.htfBasis = NaN;
    this._security1 = new Security1Htf(ctx, this.inputs.tf);
    this._security1Fn = (htf: rt.PineContext) => this._security1Value(htf, this._security1);
    this.htfUp = false;
    this._security2 = new Security2Htf(ctx, '240');
    this._security2Fn = (htf: rt.PineContext) => this._security2Value(htf, this._security2);
    this.htfGap = NaN;
    this._security3 = new Security3Htf(ctx, 'D');
    this._security3Fn = (htf: rt.PineContext) => this._security3Value(htf, this._security3);
    this._security4 = new Security4Htf(ctx, this.inputs.tf);
    this._security4Fn = (htf: rt.PineContext, out: Float64Array) =>
      this._security4Value(htf, this._security4, out);
    this.htfSma = NaN;
    this.htfHigh = NaN;
    this._security5 = new Security5Htf(ctx, 'D');
    this._security5Fn = (htf: rt.PineContext, out: Float64Array) =>
      this._security5Value(htf, this._security5, out);
    this.dOpen = NaN;
    this.dClose = NaN;
    this.counter = NaN;
    this.counterReady = false;
    this.bad = NaN;
    this._security6 = new Security6Htf(ctx, '60');
    this._security6Fn = (htf: rt.PineContext) => this._security6Value(htf, this._security6);
    this._plot1 = ctx.plots.declare('Plot');
  }

  step(ctx: rt.PineContext): void {
    // request.security at higher timeframes of the chart symbol: the expression runs on the resampled feed.
    this.tf = this.inputs.tf; // L4
    this.len = this.inputs.len; // L5
    // A global computed once from an expression is recomputed on the higher timeframe.
    this.basis = this._ema1.update(ctx.close, this.len); // L9
    this.htfBasis = this._security1.security.value(ctx, false, false, this._security1Fn); // L10
    this.htfUp = this._security2.security.value(ctx, true, false, this._security2Fn) === 1; // L11
    this.htfGap = this._security3.security.value(ctx, false, true, this._security3Fn); // L12
    const _tuple1 = this._security4.security.row(ctx, false, false, this._security4Fn); // L13
    this.htfSma = _tuple1[0];
    this.htfHigh = _tuple1[1];
    const _tuple3 = this._security5.security.row(ctx, false, false, this._security5Fn); // L14
    this.dOpen = _tuple3[0];
    this.dClose = _tuple3[1];
    if (!this.counterReady) {
      this.counterReady = true;
      this.counter = 0; // L15
    }
    this.counter = this.counter + 1; // L16
    this.bad = this._security6.security.value(ctx, false, false, this._security6Fn); // L17
    if (this.htfUp && rt.gt(ctx.close, this.htfBasis) && rt.gt(ctx.close, this.htfSma)) {
      // L18
      this.strategy.entry('L', 'long'); // L19
    }
    ctx.plots.record(this._plot1, this.htfHigh + this.htfGap + this.dOpen + this.dClose + this.bad); // L20
  }

  /** The expression of request.security at Pine line 10, on the higher timeframe's bar `ctx`. */
  private _security1Value(ctx: rt.PineContext, st: Security1Htf): number {
    return st._ema2.update(ctx.close, this.inputs.len);
  }

  /** The expression of request.security at Pine line 11, on the higher timeframe's bar `ctx`. */
  private _security2Value(ctx: rt.PineContext, _st: Security2Htf): number {
    return rt.gt(ctx.close, ctx.open) ? 1 : 0;
  }

  /** The expression of request.security at Pine line 12, on the higher timeframe's bar `ctx`. */
  private _security3Value(ctx: rt.PineContext, _st: Security3Htf): number {
    return ctx.closeAt(1);
  }

  private f_pair(ctx: rt.PineContext, st: F_pairState, src: number, n: number): [number, number] {
    // L6
    return [st._sma1.update(src, n), st._highest1.update(ctx.high, n)] as const; // L7
  }

  /** The expression of request.security at Pine line 13, on the higher timeframe's bar `ctx`. */
  private _security4Value(ctx: rt.PineContext, st: Security4Htf, out: Float64Array): void {
    const _tuple2 = this.f_pair(ctx, st._f_pair1, ctx.close, this.inputs.len);
    out[0] = _tuple2[0];
    out[1] = _tuple2[1];
  }

  /** The expression of request.security at Pine line 14, on the higher timeframe's bar `ctx`. */
  private _security5Value(ctx: rt.PineContext, _st: Security5Htf, out: Float64Array): void {
    out[0] = ctx.open;
    out[1] = ctx.close;
  }

  /** The expression of request.security at Pine line 17, on the higher timeframe's bar `ctx`. */
  private _security6Value(ctx: rt.PineContext, _st: Security6Htf): number {
    return NaN;
  }
}
