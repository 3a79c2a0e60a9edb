/**
 * Timing of one corpus strategy on both engines over the same bars. Each engine runs the whole
 * script bar by bar through its own broker emulator (pineport: `runBacktest`, the path
 * bench/strategy/corpus.bench.ts times; PineTS: `PineTS.run` on a prepared `Indicator`). Transpiling
 * is done once beforehand on both sides and is not timed; loading the bars into each engine's own
 * input shape is not timed either.
 */
import type { BarColumns } from '../../src/run/backtest.js';
import { runBacktest } from '../../src/run/backtest.js';
import type { LoadedModule } from '../../src/run/compile.js';
import type { PinetsApi, PinetsCandle, PinetsIndicator } from './pinets-loader.js';

/** Fastest run of an engine on one strategy and the closed-trade count it produced (a sanity check). */
export interface EngineTiming {
  readonly bestMs: number;
  readonly closedTrades: number;
}

/** The bars as PineTS candles, with the Binance convention closeTime = next open − 1 ms. */
export function candlesFrom(bars: BarColumns, barMs: number): PinetsCandle[] {
  const candles: PinetsCandle[] = [];
  for (let i = 0; i < bars.time.length; i++) {
    candles.push({
      openTime: bars.time[i],
      closeTime: bars.time[i] + barMs - 1,
      open: bars.open[i],
      high: bars.high[i],
      low: bars.low[i],
      close: bars.close[i],
      volume: bars.volume[i],
    });
  }
  return candles;
}

/** One pineport backtest, timed (wall clock, ms), with its closed-trade count. */
export function timePineport(module: LoadedModule, bars: BarColumns): EngineTiming {
  const started = performance.now();
  const run = runBacktest(module, bars, { symbol: { mintick: 0.01 }, timeframe: '15' });
  const bestMs = performance.now() - started;
  if (run.results === undefined) throw new Error(run.diagnostics[0]?.message ?? 'pineport run failed');
  return { bestMs, closedTrades: run.results.closedTrades.length };
}

/**
 * One PineTS run, timed (wall clock, ms) from `run()` to its result. A fresh runner per run (its
 * construction and `ready()`, which only index the candles, happen before the clock starts) so no
 * state carries over from a previous run.
 */
export async function timePinets(
  api: PinetsApi,
  script: PinetsIndicator,
  candles: readonly PinetsCandle[],
): Promise<EngineTiming> {
  const runner = api.createRunner(candles, 'ETHUSDT', '15');
  await runner.ready();
  const started = performance.now();
  const context = await runner.run(script);
  const bestMs = performance.now() - started;
  if (context.strategy === undefined) throw new Error('PineTS returned no strategy state');
  return { bestMs, closedTrades: context.strategy.closedtrades.length };
}

/** The faster of two timings of the same engine (trade counts must agree: the runs are deterministic). */
export function faster(a: EngineTiming | undefined, b: EngineTiming): EngineTiming {
  if (a === undefined) return b;
  if (a.closedTrades !== b.closedTrades)
    throw new Error(
      `same engine, same script, different trade counts (${a.closedTrades} vs ${b.closedTrades})`,
    );
  return a.bestMs <= b.bestMs ? a : b;
}
