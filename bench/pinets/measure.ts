/**
 * Timing of one corpus strategy on both engines over the same bars. Each engine runs the whole
 * script bar by bar through its own broker emulator (pineport: `runBacktest`, the path
 * bench/strategy/corpus.bench.ts times; PineTS: `PineTS.run` on a prepared `Indicator`). Transpiling
 * is done once beforehand on both sides and is not timed; loading the bars into each engine's own
 * input shape is not timed either. Each run is timed twice: wall clock, and the process's CPU time
 * (user + system, GC helper threads included), which a loaded shared machine disturbs less.
 */
import type { BarColumns } from '../../src/run/backtest.js';
import { runBacktest } from '../../src/run/backtest.js';
import type { LoadedModule } from '../../src/run/compile.js';
import { BENCH_TICKER, type MemoryProvider } from './memory-provider.js';
import type { PinetsApi, PinetsIndicator } from './pinets-loader.js';

/**
 * An engine's fastest run on one strategy (wall and CPU minima, each over all runs) and the
 * closed-trade count it produced (a sanity check that both engines did the same work).
 */
export interface EngineTiming {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly closedTrades: number;
}

/** A started clock: wall time (ms) and the process's CPU usage at the start. */
interface Clock {
  readonly wall: number;
  readonly cpu: NodeJS.CpuUsage;
}

function startClock(): Clock {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

function stopClock(clock: Clock, closedTrades: number): EngineTiming {
  const wallMs = performance.now() - clock.wall;
  const cpu = process.cpuUsage(clock.cpu);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, closedTrades };
}

/** One pineport backtest, timed, with its closed-trade count. */
export function timePineport(module: LoadedModule, bars: BarColumns): EngineTiming {
  const clock = startClock();
  const run = runBacktest(module, bars, { symbol: { mintick: 0.01 }, timeframe: '15' });
  const closedTrades = run.results?.closedTrades.length ?? -1;
  const timing = stopClock(clock, closedTrades);
  if (closedTrades < 0) throw new Error(run.diagnostics[0]?.message ?? 'pineport run failed');
  return timing;
}

/**
 * One PineTS run, timed from `run()` to its result. A fresh runner per run (its
 * construction and `ready()`, which load the bars from the provider, happen before the clock starts) so no
 * state carries over from a previous run.
 */
export async function timePinets(
  api: PinetsApi,
  script: PinetsIndicator,
  provider: MemoryProvider,
): Promise<EngineTiming> {
  const runner = api.createRunner(provider, BENCH_TICKER, '15');
  await runner.ready();
  const clock = startClock();
  const context = await runner.run(script);
  const closedTrades = context.strategy?.closedtrades.length ?? -1;
  const timing = stopClock(clock, closedTrades);
  if (closedTrades < 0) throw new Error('PineTS returned no strategy state');
  return timing;
}

/** The best of two timings of the same engine (trade counts must agree: the runs are deterministic). */
export function faster(a: EngineTiming | undefined, b: EngineTiming): EngineTiming {
  if (a === undefined) return b;
  if (a.closedTrades !== b.closedTrades)
    throw new Error(
      `same engine, same script, different trade counts (${a.closedTrades} vs ${b.closedTrades})`,
    );
  return {
    wallMs: Math.min(a.wallMs, b.wallMs),
    cpuMs: Math.min(a.cpuMs, b.cpuMs),
    closedTrades: a.closedTrades,
  };
}
