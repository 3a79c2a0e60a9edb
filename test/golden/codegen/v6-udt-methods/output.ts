// Swing tracker: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'left',
    name: 'left',
    variable: 'left',
    function: 'input.int',
    type: 'int',
    title: 'Left bars',
    default: 3,
    minval: 1,
    line: 24,
  },
  {
    key: 'right',
    name: 'right',
    variable: 'right',
    function: 'input.int',
    type: 'int',
    title: 'Right bars',
    default: 3,
    minval: 1,
    line: 25,
  },
] as const;

export interface Inputs {
  /** Left bars (Pine line 24) */
  left: number;
  /** Right bars (Pine line 25) */
  right: number;
}

export const defaultInputs: Inputs = { left: 3, right: 3 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 6 };

/**
 * A swing point.
 * Pine type Swing (line 8).
 */
export class Swing {
  /** The swing's price. */
  price: number;
  /** The bar index where it formed. */
  bar: number;
  broken: boolean;

  constructor(price: number = NaN, bar: number = 0, broken: boolean = false) {
    this.price = price;
    this.bar = bar;
    this.broken = broken;
  }

  copy(): Swing {
    return new Swing(this.price, this.bar, this.broken);
  }
}

/** Tracks swing points with a user-defined type and methods. */
export default class SwingTracker implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private left: number;
  private right: number;
  private last: Swing;
  private lastReady: boolean;
  private ph: number;
  private _pivothigh1: rt.ta.Pivothigh;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.left = NaN;
    this.right = NaN;
    this.last = null!;
    this.lastReady = false;
    this.ph = NaN;
    this._pivothigh1 = new rt.ta.Pivothigh();
    this._plot1 = ctx.plots.declare('Last swing');
  }

  step(ctx: rt.PineContext): void {
    this.left = this.inputs.left; // L24
    this.right = this.inputs.right; // L25
    if (!this.lastReady) {
      this.lastReady = true;
      this.last = new Swing(undefined, undefined, undefined); // L26
    }
    this.ph = this._pivothigh1.update(ctx.high, this.left, this.right); // L27
    if (!rt.isNa(this.ph)) {
      // L28
      this.last = new Swing(this.ph, ctx.bar_index - this.right, undefined); // L29
    }
    if (this.updateMethod(ctx, this.last, ctx.close)) {
      // L30
      this.strategy.entry('Break', 'long'); // L31
    }
    this.strategy.exit('TP/SL', { fromEntry: 'Break', profit: 200, loss: 100 }); // L32
    ctx.plots.record(this._plot1, this.last.price); // L33
  }

  /**
   * Marks the swing broken when price crosses it.
   * @param s The swing.
   * @param src Price to test.
   * @returns True when this bar broke it.
   */
  private updateMethod(ctx: rt.PineContext, s: Swing, src: number): boolean {
    // L17
    if (!s.broken && rt.gt(src, s.price)) {
      // L18
      s.broken = true; // L19
      return true; // L20
    } else {
      return false; // L22
    }
  }
}
