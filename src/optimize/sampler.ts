import type { Xoshiro128 } from '../robust/index.js';
import { composeParams, snapNumeric } from './space.js';
import type { Dimension, NumericDimension, SearchSpace } from './space.js';
import type { ParamValue, ParamValues, Trial } from './types.js';

/** Whether an objective is to be made small or large. */
export type Direction = 'minimize' | 'maximize';

/**
 * The one interface every sampler implements. The study calls `ask(n)` for a batch, evaluates
 * every trial of the batch (in any order, on any number of workers) and then calls `tell` with
 * exactly that batch, in ask order. Samplers draw all randomness in `ask`/`tell` from their own
 * seeded generator, so the sequence of batches depends only on the seed, the batch sizes and the
 * told results — never on worker count or timing. `ask` may return fewer than `n` (grid exhausted).
 */
export interface Sampler {
  readonly name: string;
  ask(n: number): ParamValues[];
  tell(trials: readonly Trial[]): void;
}

/** Objective values turned into losses (smaller is better); undefined for a failed trial. */
export function lossOf(trial: Trial, directions: readonly Direction[]): number[] | undefined {
  if (trial.state !== 'complete') return undefined;
  return trial.values.map((v, i) => (directions[i] === 'maximize' ? -v : v));
}

/** Sum of constraint violations (0 = feasible). */
export function totalViolation(trial: Trial): number {
  let s = 0;
  for (const v of trial.violations) s += v;
  return s;
}

/** The dimension values of a trial's parameters, in dimension order. */
export function dimensionValues(space: SearchSpace, params: ParamValues): ParamValue[] {
  return space.dimensions.map((d) => params[d.name]);
}

/** Position of a numeric value in [0, 1] along its dimension (log scale where asked). */
export function toUnit(dim: NumericDimension, v: number): number {
  if (dim.high === dim.low) return 0.5;
  if (dim.log) return (Math.log(v) - Math.log(dim.low)) / (Math.log(dim.high) - Math.log(dim.low));
  return (v - dim.low) / (dim.high - dim.low);
}

/** The value at a position in [0, 1] (clamped), snapped to the dimension's step. */
export function fromUnit(dim: NumericDimension, u: number): number {
  const c = Math.min(1, Math.max(0, u));
  const raw = dim.log
    ? Math.exp(Math.log(dim.low) + c * (Math.log(dim.high) - Math.log(dim.low)))
    : dim.low + c * (dim.high - dim.low);
  return snapNumeric(dim, raw);
}

/**
 * A uniform draw along a dimension: stepped dimensions pick one of their grid values with equal
 * probability, continuous ones a uniform (log-uniform) number, categorical ones a choice.
 */
export function sampleUniform(dim: Dimension, rng: Xoshiro128): ParamValue {
  if (dim.kind === 'categorical') return dim.choices[rng.nextInt(dim.choices.length)];
  if (dim.step !== undefined && !dim.log) {
    const count = Math.round((dim.high - dim.low) / dim.step) + 1;
    return snapNumeric(dim, dim.low + rng.nextInt(count) * dim.step);
  }
  return fromUnit(dim, rng.nextFloat());
}

/** Draws one full parameter set uniformly. */
export function sampleUniformParams(space: SearchSpace, rng: Xoshiro128): ParamValues {
  return composeParams(
    space,
    space.dimensions.map((d) => sampleUniform(d, rng)),
  );
}
