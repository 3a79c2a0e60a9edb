// Enum-driven entries: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'mode',
    name: 'mode',
    variable: 'mode',
    function: 'input.enum',
    type: 'enum',
    title: 'Mode',
    default: {
      constant: 'Mode.trend',
    },
    line: 9,
  },
  {
    key: 'len',
    name: 'len',
    variable: 'len',
    function: 'input.int',
    type: 'int',
    title: 'Length',
    default: 50,
    line: 10,
  },
] as const;

export interface Inputs {
  /** Mode (Pine line 9) */
  mode: string;
  /** Length (Pine line 10) */
  len: number;
}

export const defaultInputs: Inputs = { mode: 'trend', len: 50 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 6, defaultQtyType: 'cash', defaultQtyValue: 1000 };

export default class EnumDrivenEntries implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private mode: string;
  private len: number;
  private basis: number;
  private _sma1: rt.ta.Sma;
  private dev: number;
  private _stdev1: rt.ta.Stdev;
  private signal: number;
  private half: number;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.mode = '';
    this.len = NaN;
    this.basis = NaN;
    this._sma1 = new rt.ta.Sma();
    this.dev = NaN;
    this._stdev1 = new rt.ta.Stdev();
    this.signal = NaN;
    this.half = NaN;
    this._plot1 = ctx.plots.declare('Plot');
  }

  step(ctx: rt.PineContext): void {
    this.mode = this.inputs.mode; // L9
    this.len = this.inputs.len; // L10
    this.basis = this._sma1.update(ctx.close, this.len); // L11
    this.dev = this._stdev1.update(ctx.close, this.len, true); // L12
    let _value1: number = NaN; // L14
    const _subject1 = this.mode; // L14
    if (_subject1 === 'trend') {
      _value1 = rt.gt(ctx.close, this.basis + this.dev)
        ? 1
        : rt.lt(ctx.close, this.basis - this.dev)
          ? -1
          : 0; // L15
    } else if (_subject1 === 'revert') {
      _value1 = rt.lt(ctx.close, this.basis - 2 * this.dev)
        ? 1
        : rt.gt(ctx.close, this.basis + 2 * this.dev)
          ? -1
          : 0; // L16
    } else {
      _value1 = 0; // L17
    }
    this.signal = _value1;
    if (this.signal === 1) {
      // L19
      this.strategy.entry('L', 'long'); // L20
    } else {
      if (this.signal === -1) {
        // L21
        this.strategy.entry('S', 'short'); // L22
      }
    }
    // int division in v6 yields a float: 7 / 2 == 3.5
    this.half = rt.div(this.len, 2); // L25
    ctx.plots.record(this._plot1, this.half); // L26
  }
}
