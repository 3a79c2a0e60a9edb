// Brackets, trails and risk: ported from input.pine (Pine v6) by pineport.
// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.
import * as rt from 'pineport/runtime';

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = [
  {
    key: 'tpTicks',
    name: 'tpTicks',
    variable: 'tpTicks',
    function: 'input.int',
    type: 'int',
    title: 'Take profit (ticks)',
    default: 400,
    line: 7,
  },
  {
    key: 'slTicks',
    name: 'slTicks',
    variable: 'slTicks',
    function: 'input.int',
    type: 'int',
    title: 'Stop loss (ticks)',
    default: 200,
    line: 8,
  },
  {
    key: 'trailPts',
    name: 'trailPts',
    variable: 'trailPts',
    function: 'input.int',
    type: 'int',
    title: 'Trail activation (ticks)',
    default: 150,
    line: 9,
  },
  {
    key: 'trailOff',
    name: 'trailOff',
    variable: 'trailOff',
    function: 'input.int',
    type: 'int',
    title: 'Trail offset (ticks)',
    default: 50,
    line: 10,
  },
] as const;

export interface Inputs {
  /** Take profit (ticks) (Pine line 7) */
  tpTicks: number;
  /** Stop loss (ticks) (Pine line 8) */
  slTicks: number;
  /** Trail activation (ticks) (Pine line 9) */
  trailPts: number;
  /** Trail offset (ticks) (Pine line 10) */
  trailOff: number;
}

export const defaultInputs: Inputs = { tpTicks: 400, slTicks: 200, trailPts: 150, trailOff: 50 };

/** The strategy() settings. */
export const settings: rt.StrategySettings = {
  version: 6,
  pyramiding: 1,
  slippage: 2,
  commissionType: 'cash_per_order',
  commissionValue: 2,
  closeEntriesRule: 'ANY',
};

export default class BracketsTrailsAndRisk implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
  private tpTicks: number;
  private slTicks: number;
  private trailPts: number;
  private trailOff: number;
  private fast: number;
  private _ema1: rt.ta.Ema;
  private slow: number;
  private _ema2: rt.ta.Ema;
  private _crossover1: rt.ta.Crossover;
  private winRate: number;
  private _plot1: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
    this.tpTicks = NaN;
    this.slTicks = NaN;
    this.trailPts = NaN;
    this.trailOff = NaN;
    this.fast = NaN;
    this._ema1 = new rt.ta.Ema();
    this.slow = NaN;
    this._ema2 = new rt.ta.Ema();
    this._crossover1 = new rt.ta.Crossover();
    this.winRate = NaN;
    this._plot1 = ctx.plots.declare('Win %');
  }

  step(ctx: rt.PineContext): void {
    this.strategy.risk.setMaxDrawdown(25, 'percent_of_equity'); // L5
    this.strategy.risk.allowEntryIn('long'); // L6
    this.tpTicks = this.inputs.tpTicks; // L7
    this.slTicks = this.inputs.slTicks; // L8
    this.trailPts = this.inputs.trailPts; // L9
    this.trailOff = this.inputs.trailOff; // L10
    this.fast = this._ema1.update(ctx.close, 12); // L11
    this.slow = this._ema2.update(ctx.close, 26); // L11
    if (this._crossover1.update(this.fast, this.slow)) {
      // L12
      this.strategy.entry('L', 'long', { qty: 1 }); // L13
      this.strategy.exit('Bracket', {
        fromEntry: 'L',
        qtyPercent: 50,
        profit: this.tpTicks,
        loss: this.slTicks,
      }); // L14
      this.strategy.exit('Trail', { fromEntry: 'L', trailPoints: this.trailPts, trailOffset: this.trailOff }); // L15
    }
    if (this.strategy.opentrades > 0 && ctx.bar_index - this.strategy.opentradesInfo.entryBarIndex(0) > 48) {
      // L16
      this.strategy.close('L', { comment: 'time stop', immediately: true }); // L17
    }
    this.winRate =
      this.strategy.closedtrades > 0
        ? rt.div(this.strategy.wintrades, this.strategy.closedtrades) * 100
        : NaN; // L18
    ctx.plots.record(this._plot1, this.winRate); // L19
  }
}
