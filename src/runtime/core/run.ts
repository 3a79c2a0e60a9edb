import type { PineContext } from './context.js';

/** What a generated module is to the bar loop: state built in its constructor, one `step` per bar. */
export interface PineScript {
  /** Executes the script body for `ctx.bar_index`. */
  step(ctx: PineContext): void;
}

/** Optional work around each bar (the broker emulator fills orders before `step`, books after). */
export interface BarHooks {
  readonly beforeStep?: (ctx: PineContext) => void;
  readonly afterStep?: (ctx: PineContext) => void;
}

/**
 * The bar loop: for each bar, move the context, run the hooks and the script. Allocation-free; a
 * {@link PineRuntimeError} thrown by the script propagates with `ctx.bar_index` telling where.
 */
export function runBars(
  ctx: PineContext,
  script: PineScript,
  hooks: BarHooks = {},
  from = 0,
  to = ctx.feed.length,
): void {
  const before = hooks.beforeStep;
  const after = hooks.afterStep;
  for (let i = from; i < to; i++) {
    ctx.setBar(i);
    if (before !== undefined) before(ctx);
    script.step(ctx);
    if (after !== undefined) after(ctx);
  }
}
