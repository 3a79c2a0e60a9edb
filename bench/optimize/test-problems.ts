/**
 * Corpus-free problems on the benchmark's grid shape (50 × 20 = 1,000 points: `fast` 2…51 ×
 * `slow` 20…400 step 20), to check that a change to TPE is not fitted to the ETH MA-cross table:
 * - `peaks`: MATLAB's peaks function (a known 2-D test function: three maxima of different
 *   heights, the highest 8.106 near (−0.009, 1.581), a narrow one) over [−3, 3]², maximised;
 * - `synthetic-<seed>`: the hand-written MA cross (ma-cross.ts) on a seeded synthetic 20,000-bar
 *   random walk whose drift switches between up and down regimes (so trend-following has
 *   structure), maximising net profit %. Each seed is a different landscape.
 */
import { Xoshiro128 } from '../../src/robust/index.js';
import type { BarFeed, ParamValues } from '../../src/optimize/index.js';
import { handWrittenSpace } from './problem.js';
import { maCrossBacktest } from './ma-cross.js';

/** Every point of the 1,000-point grid with its value. */
export type GridTable = [ParamValues, number][];

/** The 1,000 points of the grid, fast-major. */
export function gridPoints(): ParamValues[] {
  const out: ParamValues[] = [];
  for (let fast = 2; fast <= 51; fast++)
    for (let slow = 20; slow <= 400; slow += 20) out.push({ fast, slow });
  return out;
}

/** MATLAB's `peaks(x, y)`. */
export function peaks(x: number, y: number): number {
  return (
    3 * (1 - x) ** 2 * Math.exp(-(x ** 2) - (y + 1) ** 2) -
    10 * (x / 5 - x ** 3 - y ** 5) * Math.exp(-(x ** 2) - y ** 2) -
    Math.exp(-((x + 1) ** 2) - y ** 2) / 3
  );
}

/** `peaks` with fast 2…51 mapped onto x ∈ [−3, 3] and slow 20…400 onto y ∈ [−3, 3]. */
export function peaksTable(): GridTable {
  return gridPoints().map((p) => {
    const x = -3 + (6 * ((p.fast as number) - 2)) / 49;
    const y = -3 + (6 * ((p.slow as number) - 20)) / 380;
    return [p, peaks(x, y)];
  });
}

/**
 * A synthetic 15-minute feed: log returns N(drift, 0.004²) with the drift ±0.0002 switching sign
 * with probability 1/1,500 per bar (regimes of ~1,500 bars), from 100. Deterministic per seed.
 */
export function syntheticFeed(seed: number, bars = 20_000): BarFeed {
  const rng = new Xoshiro128(seed);
  const close = new Float64Array(bars);
  const time = new Float64Array(bars);
  let price = 100;
  let drift = 0.0002;
  for (let i = 0; i < bars; i++) {
    if (rng.nextFloat() < 1 / 1500) drift = -drift;
    // Box–Muller; 1 − u keeps the logarithm finite.
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    price *= Math.exp(drift + 0.004 * z);
    close[i] = price;
    time[i] = Date.UTC(2024, 0, 1) + i * 15 * 60_000;
  }
  return { length: bars, time, open: close, high: close, low: close, close, volume: new Float64Array(bars) };
}

/** The hand-written MA cross's net profit % over every grid point on {@link syntheticFeed}(seed). */
export function syntheticTable(seed: number): GridTable {
  const feed = syntheticFeed(seed);
  return gridPoints().map((p) => [p, maCrossBacktest(feed, p).metrics.net_profit_pct]);
}

export { handWrittenSpace as testProblemSpace };
