/**
 * Benchmark of the optimiser on the shared 53,929-bar ETH 15-minute warm-up feed with a plain
 * two-MA-cross backtest per trial (bench/optimize/ma-cross.ts):
 * 1. a 1,000-point grid (fast 2…51 × slow 20…400 step 20) on a piscina pool with 1 and 2 workers
 *    → wall times, parallel efficiency `t1 / (2·t2)`, and a check that both trial tables agree;
 * 2. TPE on the same space: trials until a value within 1 % of the grid optimum, per seed.
 *
 * Run: `npx tsc -p tsconfig.json --outDir /tmp/pp-bench; node /tmp/pp-bench/bench/optimize/optimize-bench.js`
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadOhlcv } from '../../src/data/index.js';
import {
  buildSearchSpace,
  createSampler,
  FunctionEvaluator,
  parseObjective,
  PoolEvaluator,
  runStudy,
  toShared,
} from '../../src/optimize/index.js';
import type {
  BarFeed,
  Objective,
  ParamValues,
  SearchSpace,
  StudyResult,
  TrialMetrics,
} from '../../src/optimize/index.js';
import { maCrossBacktest } from './ma-cross.js';

/** The shared warm-up feed (53,929 bars). */
export const WARMUP_FEED = '/work/shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv';

/** Loads the warm-up feed's columns. */
export function loadWarmupFeed(path = WARMUP_FEED): BarFeed {
  const result = loadOhlcv(readFileSync(path, 'utf8'), { file: path });
  if (result.series === undefined) throw new Error(`cannot load ${path}`);
  return result.series;
}

/** The benchmark's 1,000-point space: fast 2…51 (50 values) × slow 20…400 step 20 (20 values). */
export function benchSpace(): SearchSpace {
  const { space } = buildSearchSpace([
    { name: 'fast', type: 'int', default: 10, minval: 2, maxval: 51 },
    { name: 'slow', type: 'int', default: 100, minval: 20, maxval: 400, step: 20 },
  ]);
  return space;
}

function objective(): Objective {
  return parseObjective('max: net_profit_pct').objective!;
}

/** One grid run on a pool of `workers` threads: seconds and the study. */
export async function timedGrid(
  feed: BarFeed,
  workers: number,
): Promise<{ seconds: number; study: StudyResult }> {
  const space = benchSpace();
  const evaluator = new PoolEvaluator({
    worker: new URL('./ma-cross-worker.js', import.meta.url),
    workers,
    feed: toShared(feed),
  });
  try {
    // Warm the threads (module load, JIT) outside the timing.
    await Promise.all(Array.from({ length: workers }, () => evaluator.evaluate({ fast: 5, slow: 20 })));
    const t0 = process.hrtime.bigint();
    const study = await runStudy({
      space,
      sampler: createSampler('grid', space, { seed: 0, directions: ['maximize'] }).sampler!,
      samplerName: 'grid',
      seed: 0,
      objectives: [objective()],
      evaluator,
      trials: 1000,
      batchSize: 100,
    });
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, study };
  } finally {
    await evaluator.close();
  }
}

/** Result of {@link gridParallelEfficiency}. */
export interface GridBenchResult {
  readonly trials: number;
  readonly seconds1: number;
  readonly seconds2: number;
  /** `t1 / (2·t2)`: 1 is perfect scaling on 2 workers. */
  readonly efficiency: number;
  readonly identical: boolean;
  readonly optimum: number;
  readonly optimumParams: string;
}

/** The 1,000-point grid with 1 and 2 workers. */
export async function gridParallelEfficiency(feed: BarFeed = loadWarmupFeed()): Promise<GridBenchResult> {
  const one = await timedGrid(feed, 1);
  const two = await timedGrid(feed, 2);
  const table = (s: StudyResult): string =>
    JSON.stringify(s.trials.map((t) => [t.number, t.params, t.values]));
  const best = one.study.best!;
  return {
    trials: one.study.trials.length,
    seconds1: one.seconds,
    seconds2: two.seconds,
    efficiency: one.seconds / (2 * two.seconds),
    identical: table(one.study) === table(two.study),
    optimum: best.values[0],
    optimumParams: JSON.stringify(best.params),
  };
}

/** Result of {@link tpeTrialsToOptimum} for one seed. */
export interface TpeBenchRow {
  readonly sampler: string;
  readonly seed: number;
  /** 1-based trial count at which the sampler first came within 1 % of the optimum; NaN if never. */
  readonly trialsNeeded: number;
  readonly best: number;
}

/**
 * A sampler (batch 4, in-process; TPE with the constant liar) on the grid's space, up to `budget`
 * trials per seed: the first trial whose objective is within 1 % of the grid optimum
 * (`≥ optimum − 0.01·|optimum|`). Backtests are memoised by parameters (they are deterministic),
 * which changes the run time only.
 */
export async function tpeTrialsToOptimum(
  feed: BarFeed,
  optimum: number,
  seeds: readonly number[] = [1, 2, 3, 4, 5],
  budget = 200,
  sampler: 'tpe' | 'tpe-multivariate' | 'random' = 'tpe',
): Promise<TpeBenchRow[]> {
  const space = benchSpace();
  const rows: TpeBenchRow[] = [];
  const memo = new Map<string, TrialMetrics>();
  const evaluate = (p: ParamValues): TrialMetrics => {
    const key = JSON.stringify(p);
    let m = memo.get(key);
    if (m === undefined) {
      m = maCrossBacktest(feed, p);
      memo.set(key, m);
    }
    return m;
  };
  for (const seed of seeds) {
    const name = sampler === 'random' ? 'random' : 'tpe';
    const study = await runStudy({
      space,
      sampler: createSampler(name, space, {
        seed,
        directions: ['maximize'],
        multivariate: sampler === 'tpe-multivariate',
      }).sampler!,
      samplerName: name,
      seed,
      objectives: [objective()],
      evaluator: new FunctionEvaluator(evaluate),
      trials: budget,
      batchSize: 4,
    });
    const hit = study.trials.findIndex(
      (t) => t.state === 'complete' && t.values[0] >= optimum - 0.01 * Math.abs(optimum),
    );
    rows.push({ sampler, seed, trialsNeeded: hit < 0 ? NaN : hit + 1, best: study.best?.values[0] ?? NaN });
  }
  return rows;
}

async function main(): Promise<void> {
  const feed = loadWarmupFeed();
  console.log(`feed: ${feed.length} bars`);
  const grid = await gridParallelEfficiency(feed);
  console.log(
    `grid ${grid.trials} trials: 1 worker ${grid.seconds1.toFixed(2)} s, 2 workers ${grid.seconds2.toFixed(2)} s, ` +
      `efficiency ${(grid.efficiency * 100).toFixed(1)} %, identical tables: ${grid.identical}, ` +
      `optimum net_profit_pct ${grid.optimum.toFixed(3)} at ${grid.optimumParams}`,
  );
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  for (const sampler of ['tpe', 'tpe-multivariate', 'random'] as const) {
    const rows = await tpeTrialsToOptimum(feed, grid.optimum, seeds, 200, sampler);
    const hits = rows.filter((r) => Number.isFinite(r.trialsNeeded));
    console.log(
      `${sampler}: within 1 % in ≤ 200 trials for ${hits.length}/${rows.length} seeds ` +
        `(seed:trials ${hits.map((r) => `${r.seed}:${r.trialsNeeded}`).join(' ')})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
