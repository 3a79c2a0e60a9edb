import type { LoadedModule } from '../../../src/run/compile.js';
import type * as rt from '../../../src/runtime/index.js';

/** The settings every benchmarked corpus strategy declares (fixed 1-contract orders, no costs). */
export const corpusSettings = (version: number): rt.StrategySettings => ({
  version,
  pyramiding: 1,
  defaultQtyType: 'fixed',
  defaultQtyValue: 1,
  initialCapital: 1000000,
  currency: 'USD',
  slippage: 0,
  commissionType: 'percent',
  commissionValue: 0,
  processOrdersOnClose: false,
});

/** A hand-written strategy class as the runner takes it (the shape of a loaded generated module). */
export function handWrittenModule(
  Script: new (ctx: rt.PineContext, strategy: rt.PineStrategy) => rt.PineScript,
  settings: rt.StrategySettings,
): LoadedModule {
  return { Script, settings, defaultInputs: {}, inputDescriptors: [] };
}
