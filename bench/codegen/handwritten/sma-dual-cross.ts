/**
 * Hand-written TypeScript for the corpus case ta-sma-dual-cross-01 (dual-SMA crossover that flips
 * between one long and one short), on the pineport runtime, written the way a person would port it:
 * plain fields, the runtime's indicator classes, no generated scaffolding.
 */
import * as rt from '../../../src/runtime/index.js';
import { corpusSettings, handWrittenModule } from './module.js';

class SmaDualCross implements rt.PineScript {
  private readonly strategy: rt.PineStrategy;
  private readonly fast = new rt.ta.Sma();
  private readonly slow = new rt.ta.Sma();
  private readonly up = new rt.ta.Crossover();
  private readonly down = new rt.ta.Crossunder();

  constructor(_ctx: rt.PineContext, strategy: rt.PineStrategy) {
    this.strategy = strategy;
  }

  step(ctx: rt.PineContext): void {
    const fast = this.fast.update(ctx.close, 9);
    const slow = this.slow.update(ctx.close, 21);
    const golden = this.up.update(fast, slow);
    const death = this.down.update(fast, slow);
    const position = this.strategy.positionSize;
    if (golden && position <= 0) {
      if (position < 0) this.strategy.close('S', { comment: 'flip flat' });
      this.strategy.entry('L', 'long', { comment: 'golden cross' });
    }
    // Orders fill on the next bar, so the position is the same for both checks.
    if (death && position >= 0) {
      if (position > 0) this.strategy.close('L', { comment: 'flip flat' });
      this.strategy.entry('S', 'short', { comment: 'death cross' });
    }
  }
}

export const smaDualCross = handWrittenModule(SmaDualCross, corpusSettings(6));
