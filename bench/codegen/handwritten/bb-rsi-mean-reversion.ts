/**
 * Hand-written TypeScript for the corpus case ta-bb-rsi-mean-reversion-01: enter against a
 * Bollinger-band breach confirmed by RSI, exit at the middle band; plots the three bands.
 */
import * as rt from '../../../src/runtime/index.js';
import { corpusSettings, handWrittenModule } from './module.js';

class BbRsiMeanReversion implements rt.PineScript {
  private readonly strategy: rt.PineStrategy;
  private readonly bb = new rt.ta.Bb();
  private readonly rsi = new rt.ta.Rsi();
  private readonly upperPlot: number;
  private readonly midPlot: number;
  private readonly lowerPlot: number;

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy) {
    this.strategy = strategy;
    this.upperPlot = ctx.plots.declare('Upper');
    this.midPlot = ctx.plots.declare('Mid');
    this.lowerPlot = ctx.plots.declare('Lower');
  }

  step(ctx: rt.PineContext): void {
    const bb = this.bb;
    bb.update(ctx.close, 20, 2);
    const rsi = this.rsi.update(ctx.close, 14);
    if (rt.lt(ctx.close, bb.lower) && rt.lt(rsi, 30)) this.strategy.entry('Long', 'long');
    if (rt.gt(ctx.close, bb.upper) && rt.gt(rsi, 70)) this.strategy.entry('Short', 'short');
    if (this.strategy.positionSize > 0 && rt.gt(ctx.close, bb.middle)) this.strategy.close('Long');
    if (this.strategy.positionSize < 0 && rt.lt(ctx.close, bb.middle)) this.strategy.close('Short');
    ctx.plots.record(this.upperPlot, bb.upper);
    ctx.plots.record(this.midPlot, bb.middle);
    ctx.plots.record(this.lowerPlot, bb.lower);
  }
}

export const bbRsiMeanReversion = handWrittenModule(BbRsiMeanReversion, corpusSettings(6));
