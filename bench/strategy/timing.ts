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

/** Best-of-n bars/s (CPU time) of one generated module over the feed (the first runs warm the JIT). */
export function moduleBarsPerSecond(module: LoadedModule, bars: BarColumns, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = cpuMs();
    runBacktest(module, bars, { symbol: { mintick: 0.01 }, timeframe: '15' });
    best = Math.min(best, cpuMs() - started);
  }
  return bars.time.length / (best / 1000);
}
