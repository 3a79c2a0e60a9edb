import type { PineContext } from '../core/context.js';
import type { PineScript } from '../core/run.js';
import type { PineStrategy } from './strategy.js';

/**
 * The bar loop of a strategy backtest: for each bar the broker fills pending orders along the bar's
 * path, the script steps, the broker books the close, and the equity at the close goes to
 * `equity[i]`. The same work as `runBars` with the strategy's hooks, written as one loop so V8 can
 * inline the hooks: hooks passed as closures stay out-of-line calls, and the equity read through a
 * getter would box a double per bar.
 */
export function runStrategyBars(
  ctx: PineContext,
  script: PineScript,
  strategy: PineStrategy,
  equity: Float64Array,
  from = 0,
  to = ctx.feed.length,
): void {
  const broker = strategy.broker;
  for (let i = from; i < to; i++) {
    ctx.setBar(i);
    strategy.beginBarOf(ctx);
    script.step(ctx);
    strategy.endBar();
    equity[i] = broker.closeEquity;
  }
}
