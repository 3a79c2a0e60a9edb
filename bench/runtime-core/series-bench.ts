/**
 * Benchmark: `FloatSeries` throughput (one `set` and two history reads per bar, the shape of
 * `x = …; x - x[1] + x[5]`) against a plain Float64Array indexed by bar doing the same work in the
 * same run, plus the bar loop itself (`runBars` over a `PineContext` reading built-ins and dates).
 *
 * Run: `npx tsc -p tsconfig.json --outDir /tmp/pp-bench && node /tmp/pp-bench/bench/runtime-core/series-bench.js`
 */
import { pathToFileURL } from 'node:url';
import { BarClock, Feed, FloatSeries, PineContext, runBars } from '../../src/runtime/index.js';
import type { BenchSuite } from '../lib/contract.js';
import { figure } from '../lib/figure.js';

/** One measured loop. */
export interface SeriesBenchResult {
  readonly name: string;
  readonly bars: number;
  /** Best of the timed repetitions. */
  readonly seconds: number;
  readonly barsPerSecond: number;
  /** Sum of the loop's outputs: equal checksums show equal work. */
  readonly checksum: number;
}

/** Deterministic pseudo-prices (no feed file needed). */
function prices(bars: number): Float64Array {
  const out = new Float64Array(bars);
  let x = 100;
  let seed = 12345;
  for (let i = 0; i < bars; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    x += (seed / 2147483648 - 0.5) * 0.5;
    out[i] = x;
  }
  return out;
}

function best(name: string, bars: number, repeats: number, run: () => number): SeriesBenchResult {
  let seconds = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    checksum = run();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s < seconds) seconds = s;
  }
  return { name, bars, seconds, barsPerSecond: bars / seconds, checksum };
}

/**
 * Measures series set/get against a Float64Array baseline and the bar loop; `bars` defaults to
 * one million, `repeats` (best-of) to 5.
 */
export function benchSeries(bars = 1_000_000, repeats = 5): SeriesBenchResult[] {
  const src = prices(bars);
  const series = best('FloatSeries set + get(1) + get(5)', bars, repeats, () => {
    const clock = new BarClock();
    const x = new FloatSeries(clock, 5);
    let sum = 0;
    for (let i = 0; i < bars; i++) {
      clock.bar = i;
      x.set(src[i]);
      const v = x.get(0) - x.get(1) + x.get(5);
      if (v === v) sum += v;
    }
    return sum;
  });
  const baseline = best('Float64Array baseline (same work)', bars, repeats, () => {
    const x = new Float64Array(bars);
    let sum = 0;
    for (let i = 0; i < bars; i++) {
      x[i] = src[i];
      const v = x[i] - (i >= 1 ? x[i - 1] : NaN) + (i >= 5 ? x[i - 5] : NaN);
      if (v === v) sum += v;
    }
    return sum;
  });
  const time = new Float64Array(bars);
  for (let i = 0; i < bars; i++) time[i] = 1_700_000_000_000 + i * 900_000;
  const feed = new Feed({ time, open: src, high: src, low: src, close: src, volume: src });
  const loop = best('runBars + ctx.close/hl2/close[1]/hour(time, tz)', bars, repeats, () => {
    const ctx = new PineContext(feed, { symbol: { timezone: 'America/New_York' } });
    let sum = 0;
    runBars(ctx, {
      step: (c) => {
        const v = c.hl2 - c.closeAt(1) + c.hour(c.time, 'UTC+8');
        if (v === v) sum += v;
      },
    });
    return sum;
  });
  return [series, baseline, loop];
}

/** Entry point for `npm run bench` (see bench/README.md): both loops against the Float64Array baseline. */
export const suite: BenchSuite = {
  title: 'FloatSeries and the bar loop against a plain Float64Array loop',
  run(context) {
    const [series, baseline, loop] = context.quick ? benchSeries(100_000, 2) : benchSeries();
    const against = (r: SeriesBenchResult) =>
      figure({
        name: `${r.name}, ${String(r.bars)} bars`,
        unit: 'M bars/s',
        better: 'higher',
        measured: r.barsPerSecond / 1e6,
        baselineName: baseline.name,
        baseline: baseline.barsPerSecond / 1e6,
      });
    return { figures: [against(series), against(loop)], skipped: [] };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of benchSeries()) {
    console.log(
      `${r.name.padEnd(52)} ${(r.barsPerSecond / 1e6).toFixed(1).padStart(7)} M bars/s  (checksum ${r.checksum.toFixed(3)})`,
    );
  }
}
