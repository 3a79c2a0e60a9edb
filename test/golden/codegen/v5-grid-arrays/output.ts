// Grid levels with arrays: ported from input.pine (Pine v5) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'levels',
    name: 'levels',
    variable: 'levels',
    function: 'input.int',
    type: 'int',
    title: 'Levels',
    default: 5,
    minval: 1,
    maxval: 20,
    line: 3,
  },
  {
    key: 'spacingPct',
    name: 'spacingPct',
    variable: 'spacingPct',
    function: 'input.float',
    type: 'float',
    title: 'Spacing %',
    default: 1,
    step: 0.1,
    line: 4,
  },
] as const;

export interface Inputs {
  /** Levels (Pine line 3) */
  levels: number;
  /** Spacing % (Pine line 4) */
  spacingPct: number;
}

export const defaultInputs: Inputs = { levels: 5, spacingPct: 1 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { version: 5, pyramiding: 5 };

export default class GridLevelsWithArrays implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private levels: number;
  private spacingPct: number;
  private grid: rt.PineArray<number>;
  private gridReady: boolean;
  private filled: rt.PineArray<boolean>;
  private filledReady: boolean;
  private avg: number;
  private count: number;
  private j: number;
  private _plot1: number;
  private _plot2: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.levels = NaN;
    this.spacingPct = NaN;
    this.grid = null!;
    this.gridReady = false;
    this.filled = null!;
    this.filledReady = false;
    this.avg = NaN;
    this.count = NaN;
    this.j = NaN;
    this._plot1 = ctx.plots.declare('Grid mean');
    this._plot2 = ctx.plots.declare('Filled');
  }

  step(ctx: rt.PineContext): void {
    this.levels = this.inputs.levels; // L3
    this.spacingPct = this.inputs.spacingPct; // L4
    if (!this.gridReady) {
      this.gridReady = true;
      this.grid = rt.PineArray.create<number>(0, NaN, true); // L6
    }
    if (!this.filledReady) {
      this.filledReady = true;
      this.filled = rt.PineArray.create<boolean>(0, false); // L7
    }
    if (ctx.barstate.isfirst) {
      // L9
      const _from1 = 1; // L10
      const _to1 = this.levels;
      const _step1 = _from1 <= _to1 ? 1 : -1;
      for (let i = _from1; _step1 > 0 ? i <= _to1 : i >= _to1; i += _step1) {
        this.grid.push(ctx.close * (1 - rt.div(i * this.spacingPct, 100))); // L11
        this.filled.push(false); // L12
      }
    }
    const _items1 = this.grid; // L14
    for (let _i1 = 0; _i1 < _items1.size(); _i1++) {
      const i = _i1;
      const level = _items1.get(_i1);
      if (rt.both(!this.filled.get(i), rt.le(ctx.low, level))) {
        // L15
        this.strategy.entry('G' + rt.str.tostring(i), 'long', { limit: level }); // L16
        this.filled.set(i, true); // L17
      }
    }
    this.avg = this.grid.size() > 0 ? rt.arrayAvg(this.grid) : NaN; // L19
    this.count = 0; // L20
    this.j = 0; // L21
    while (this.j < this.grid.size()) {
      // L22
      if (this.filled.get(this.j)) {
        // L23
        this.count = this.count + 1; // L24
      }
      this.j = this.j + 1; // L25
    }
    ctx.plots.record(this._plot1, this.avg); // L26
    ctx.plots.record(this._plot2, this.count); // L27
  }
}
