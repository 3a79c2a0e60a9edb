import { runBacktest, type BarColumns } from '../../src/run/backtest.js';
import type { LoadedModule } from '../../src/run/compile.js';

/**
 * CPU milliseconds used by this process so far (user + system). The machine is shared: wall time
 * also counts the time other processes held the core, CPU time only this run's own work (and its
 * GC helper threads, so it is, if anything, pessimistic).
 */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** One backtest's bars/s (CPU time). */
function timedRun(module: LoadedModule, bars: BarColumns): number {
  const started = cpuMs();
  runBacktest(module, bars, { symbol: { mintick: 0.01 }, timeframe: '15' });
  return bars.time.length / ((cpuMs() - started) / 1000);
}

/** A module's cold and steady-state speed over the feed. */
export interface ModuleSpeed {
  /** Bars/s of the first run: includes V8 compiling the generated code to optimised machine code. */
  readonly cold: number;
  /** Best bars/s of `repeats` runs after the warm-up runs: the throughput of a long backtest. */
  readonly steady: number;
}

/**
 * Runs before timing the steady state. V8 optimises a function on a background thread once it has
 * run enough bytecode; one backtest of this feed takes 5–30 ms, so the first runs finish before the
 * optimised code is installed (measured: ta-rsi-ema-signal-cross-01 ran 0.3, 0.4, 1.5, 2.5 … M bars/s
 * on runs 1–4 and settled from about the 12th run). Steady-state throughput is what a long feed or an
 * optimiser's thousands of trials see, and what a compiled engine's figure compares with.
 */
export const WARMUP_RUNS = 15;

/** Cold (first run) and steady-state (best of `repeats` after {@link WARMUP_RUNS}) bars/s, CPU time. */
export function moduleSpeed(
  module: LoadedModule,
  bars: BarColumns,
  repeats: number,
  warmup = WARMUP_RUNS,
): ModuleSpeed {
  const cold = timedRun(module, bars);
  for (let i = 1; i < warmup; i++) timedRun(module, bars);
  let steady = 0;
  for (let i = 0; i < repeats; i++) steady = Math.max(steady, timedRun(module, bars));
  return { cold, steady };
}

/** Best-of-n bars/s (CPU time) of one generated module over the feed, after the warm-up runs. */
export function moduleBarsPerSecond(module: LoadedModule, bars: BarColumns, repeats: number): number {
  return moduleSpeed(module, bars, repeats).steady;
}
