/**
 * Hand-written TypeScript for the corpus case bracket-atr-trailing-stop-state-01: EMA-cross entries
 * with an ATR trailing stop kept in `var`-like state across bars; plots the stop and the EMA.
 */
import * as rt from '../../../src/runtime/index.js';
import { corpusSettings, handWrittenModule } from './module.js';

const ATR_MULT = 2;

class AtrTrailingStop implements rt.PineScript {
  private readonly strategy: rt.PineStrategy;
  private readonly atr = new rt.ta.Atr();
  private readonly ema = new rt.ta.Ema();
  private readonly crossUp = new rt.ta.Crossover();
  private readonly crossDown = new rt.ta.Crossunder();
  private trailStop = NaN;
  private isLong = false;
  private readonly stopPlot: number;
  private readonly maPlot: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy) {
    this.strategy = strategy;
    this.stopPlot = ctx.plots.declare('Trail Stop');
    this.maPlot = ctx.plots.declare('MA');
  }

  step(ctx: rt.PineContext): void {
    const close = ctx.close;
    const atr = this.atr.update(ctx.high, ctx.low, close, 14);
    const ma = this.ema.update(close, 20);
    const longEntry = this.crossUp.update(close, ma);
    const shortEntry = this.crossDown.update(close, ma);
    if (longEntry) {
      this.strategy.entry('Long', 'long');
      this.isLong = true;
      this.trailStop = close - atr * ATR_MULT;
    }
    if (shortEntry) {
      this.strategy.entry('Short', 'short');
      this.isLong = false;
      this.trailStop = close + atr * ATR_MULT;
    }
    if (this.isLong && this.strategy.positionSize > 0) {
      const stop = close - atr * ATR_MULT;
      this.trailStop = Number.isNaN(this.trailStop) ? stop : rt.math.max2(this.trailStop, stop);
      if (rt.lt(close, this.trailStop)) {
        this.strategy.close('Long');
        this.isLong = false;
      }
    }
    if (!this.isLong && this.strategy.positionSize < 0) {
      const stop = close + atr * ATR_MULT;
      this.trailStop = Number.isNaN(this.trailStop) ? stop : rt.math.min2(this.trailStop, stop);
      if (rt.gt(close, this.trailStop)) this.strategy.close('Short');
    }
    ctx.plots.record(this.stopPlot, this.trailStop);
    ctx.plots.record(this.maPlot, ma);
  }
}

export const atrTrailingStop = handWrittenModule(AtrTrailingStop, corpusSettings(6));
