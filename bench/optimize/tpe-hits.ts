/**
 * How many trials a sampler needs to come within 1 % of the grid optimum, per seed. Trials are
 * answered from the grid's own trial table (backtests are deterministic, so this is what a fresh
 * backtest would return); samplers never see the table, only the values of what they propose.
 */
import {
  FunctionEvaluator,
  parseObjective,
  RandomSampler,
  runStudy,
  TpeSampler,
} from '../../src/optimize/index.js';
import type { ParamValues, Sampler, SearchSpace, TpeOptions } from '../../src/optimize/index.js';
import { median } from '../lib/stats.js';

/**
 * The samplers compared: name → TPE options (undefined: random search). `pineport optimize --sampler
 * tpe` is the multivariate one; `--no-multivariate` the independent one (Optuna's default).
 */
const SETUPS = {
  'tpe-independent': { multivariate: false },
  'tpe-multivariate': { multivariate: true },
  random: undefined,
} satisfies Record<string, TpeOptions | undefined>;

/** The samplers the hit table compares by default. */
export const HIT_SAMPLERS = Object.keys(SETUPS) as HitSampler[];
export type HitSampler = keyof typeof SETUPS;

/** A grid problem answered from a table: the value of each point (maximised) and the best one. */
export interface TableObjective {
  readonly value: (p: ParamValues) => number;
  readonly optimum: number;
}

/** One sampler's row over all seeds. */
export interface HitRow {
  readonly sampler: HitSampler;
  readonly seeds: readonly number[];
  /** Per seed: 1-based trial number of the first hit, NaN if none within the budget. */
  readonly trialsToHit: readonly number[];
  readonly hits: number;
  /** Median over all seeds (a miss counts as beyond the budget: Infinity). */
  readonly medianTrials: number;
  /** Median over the seeds that hit (NaN if none did). */
  readonly medianOfHits: number;
}

/**
 * "Within 1 % of the grid optimum": value ≥ optimum − 0.01·|optimum|, the objective's own value
 * (net profit %: 1 % of an 80 % optimum is 0.80 points). On the benchmark grids only the optimum
 * itself qualifies (the suite prints how many points do), so a hit means proposing that point.
 */
export function isHit(value: number, optimum: number): boolean {
  return value >= optimum - 0.01 * Math.abs(optimum);
}

/** A table of (params, value) pairs as an objective; throws on a point not in the table. */
export function tableObjective(table: readonly (readonly [ParamValues, number])[]): TableObjective {
  const byParams = new Map(table.map(([p, v]) => [JSON.stringify(p), v]));
  return {
    value: (p) => {
      const v = byParams.get(JSON.stringify(p));
      if (v === undefined) throw new Error(`not a grid point: ${JSON.stringify(p)}`);
      return v;
    },
    optimum: Math.max(...table.map(([, v]) => v)),
  };
}

function makeSampler(kind: HitSampler, space: SearchSpace, seed: number): Sampler {
  const setup: TpeOptions | undefined = SETUPS[kind];
  if (setup === undefined) return new RandomSampler(space, seed);
  return new TpeSampler(space, seed, { directions: ['maximize'], ...setup });
}

/** Runs every sampler for every seed (batch 4, as `pineport optimize` asks TPE) up to `budget` trials. */
export async function trialsToOptimum(
  problem: TableObjective,
  space: SearchSpace,
  seeds: readonly number[],
  budget = 200,
  samplers: readonly HitSampler[] = HIT_SAMPLERS,
): Promise<HitRow[]> {
  const objective = parseObjective('max: value').objective!;
  const evaluator = new FunctionEvaluator((p) => ({ metrics: { value: problem.value(p) } }));
  const rows: HitRow[] = [];
  for (const sampler of samplers) {
    const trialsToHit: number[] = [];
    for (const seed of seeds) {
      const study = await runStudy({
        space,
        sampler: makeSampler(sampler, space, seed),
        samplerName: sampler,
        seed,
        objectives: [objective],
        evaluator,
        trials: budget,
        batchSize: 4,
      });
      const hit = study.trials.findIndex(
        (t) => t.state === 'complete' && isHit(t.values[0], problem.optimum),
      );
      trialsToHit.push(hit < 0 ? NaN : hit + 1);
    }
    rows.push({
      sampler,
      seeds,
      trialsToHit,
      hits: trialsToHit.filter((t) => !Number.isNaN(t)).length,
      medianTrials: median(trialsToHit.map((t) => (Number.isNaN(t) ? Infinity : t))),
      medianOfHits: median(trialsToHit.filter((t) => !Number.isNaN(t))),
    });
  }
  return rows;
}

/** One printed line per sampler: hits, medians and every seed's trial count ('-' = miss). */
export function formatHitRow(label: string, r: HitRow, budget = 200): string {
  const all = Number.isFinite(r.medianTrials) ? String(r.medianTrials) : `> ${budget}`;
  const perSeed = r.seeds.map((s, i) => `${s}:${Number.isNaN(r.trialsToHit[i]) ? '-' : r.trialsToHit[i]}`);
  return (
    `${label} ${r.sampler}: within 1 % in ≤ ${budget} trials for ${r.hits}/${r.seeds.length} seeds, median ` +
    `${all} trials (of the hits: ${String(r.medianOfHits)}) (seed:trials ${perSeed.join(' ')})`
  );
}
