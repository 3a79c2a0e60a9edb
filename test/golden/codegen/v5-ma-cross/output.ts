// MA cross: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'fastLength',
    name: 'fastLength',
    variable: 'fastLength',
    function: 'input.int',
    type: 'int',
    title: 'Fast MA',
    default: 10,
    minval: 1,
    maxval: 200,
    step: 1,
    group: 'Moving averages',
    line: 7,
  },
  {
    key: 'slowLength',
    name: 'slowLength',
    variable: 'slowLength',
    function: 'input.int',
    type: 'int',
    title: 'Slow MA',
    default: 30,
    minval: 2,
    maxval: 400,
    step: 1,
    group: 'Moving averages',
    line: 8,
  },
  {
    key: 'maType',
    name: 'maType',
    variable: 'maType',
    function: 'input.string',
    type: 'string',
    title: 'MA type',
    default: 'EMA',
    options: ['SMA', 'EMA', 'WMA'],
    group: 'Moving averages',
    line: 9,
  },
  {
    key: 'stopPct',
    name: 'stopPct',
    variable: 'stopPct',
    function: 'input.float',
    type: 'float',
    title: 'Stop loss %',
    default: 2,
    minval: 0.1,
    maxval: 20,
    step: 0.1,
    line: 10,
  },
] as const;

export interface Inputs {
  /** Fast MA (Pine line 7) */
  fastLength: number;
  /** Slow MA (Pine line 8) */
  slowLength: number;
  /** MA type (Pine line 9) */
  maType: string;
  /** Stop loss % (Pine line 10) */
  stopPct: number;
}

export const defaultInputs: Inputs = { fastLength: 10, slowLength: 30, maType: 'EMA', stopPct: 2 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = {
  version: 5,
  defaultQtyType: 'percent_of_equity',
  defaultQtyValue: 100,
  initialCapital: 10000,
  commissionType: 'percent',
  commissionValue: 0.04,
};

/** Per-call-site state of ma(): each call site keeps its own indicators and history, as in Pine. */
class MaState {
  readonly _sma1: rt.ta.Sma;
  readonly _wma1: rt.ta.Wma;
  readonly _ema1: rt.ta.Ema;

  constructor(_ctx: rt.PineContext) {
    this._sma1 = new rt.ta.Sma();
    this._wma1 = new rt.ta.Wma();
    this._ema1 = new rt.ta.Ema();
  }
}

export default class MACross implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private fastLength: number;
  private slowLength: number;
  private maType: string;
  private stopPct: number;
  private fast: number;
  private _ma1: MaState;
  private slow: number;
  private _ma2: MaState;
  private _crossover1: rt.ta.Crossover;
  private _crossunder1: rt.ta.Crossunder;
  private _plot1: number;
  private _plot2: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.fastLength = NaN;
    this.slowLength = NaN;
    this.maType = '';
    this.stopPct = NaN;
    this.fast = NaN;
    this._ma1 = new MaState(ctx);
    this.slow = NaN;
    this._ma2 = new MaState(ctx);
    this._crossover1 = new rt.ta.Crossover();
    this._crossunder1 = new rt.ta.Crossunder();
    this._plot1 = ctx.plots.declare('Fast');
    this._plot2 = ctx.plots.declare('Slow');
  }

  step(ctx: rt.PineContext): void {
    // Moving-average crossover: the demo strategy of this project.
    this.fastLength = this.inputs.fastLength; // L7
    this.slowLength = this.inputs.slowLength; // L8
    this.maType = this.inputs.maType; // L9
    this.stopPct = rt.div(this.inputs.stopPct, 100); // L10
    this.fast = this.ma(ctx, this._ma1, ctx.close, this.fastLength); // L18
    this.slow = this.ma(ctx, this._ma2, ctx.close, this.slowLength); // L19
    if (this._crossover1.update(this.fast, this.slow)) {
      // L21
      this.strategy.entry('Long', 'long'); // L22
    }
    if (this._crossunder1.update(this.fast, this.slow)) {
      // L23
      this.strategy.close('Long', { comment: 'cross down' }); // L24
    }
    this.strategy.exit('Stop', {
      fromEntry: 'Long',
      stop: this.strategy.positionAvgPrice * (1 - this.stopPct),
    }); // L26
    ctx.plots.record(this._plot1, this.fast); // L28
    ctx.plots.record(this._plot2, this.slow); // L29
  }

  private ma(ctx: rt.PineContext, st: MaState, src: number, len: number): number {
    // L12
    const _subject1 = this.maType; // L13
    if (_subject1 === 'SMA') {
      return st._sma1.update(src, len); // L14
    } else if (_subject1 === 'WMA') {
      return st._wma1.update(src, len); // L15
    } else {
      return st._ema1.update(src, len); // L16
    }
  }
}
