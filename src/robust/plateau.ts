import type { Diagnostic } from '../diagnostics/index.js';
import { robustCodes } from '../diagnostics/codes/robust.js';

/** Objective values on a full cartesian parameter grid, row-major (the last dimension varies fastest). */
export interface ParameterGrid {
  /** Number of grid steps in each dimension. */
  readonly shape: readonly number[];
  /** `∏ shape` values; NaN marks a failed or infeasible trial and is left out of averages. */
  readonly values: ArrayLike<number>;
}

/** Which grid points count as neighbours of the optimum. */
export type Neighbourhood = 'box' | 'cross';

/** Options of {@link plateauScore}. */
export interface PlateauOptions {
  /** Whether larger objective values are better. Default true. */
  readonly maximize?: boolean;
  /** Grid steps either side in each dimension. Default 1. */
  readonly radius?: number;
  /**
   * `box` (default): every point whose index differs by at most `radius` in every dimension, diagonals
   * included (3^d − 1 neighbours for radius 1). `cross`: only points that differ in one dimension.
   */
  readonly neighbourhood?: Neighbourhood;
}

/** Result of the plateau scores. */
export interface PlateauResult {
  /** Grid index (one per dimension) or trial index of the optimum; empty when there is none. */
  readonly optimumAt: readonly number[];
  readonly optimum: number;
  /** Mean objective over the neighbourhood, the optimum included, NaN values left out. */
  readonly plateau: number;
  /** Worst objective in the neighbourhood (minimum when maximising). */
  readonly worst: number;
  /** `plateau / optimum`: 1 on a flat plateau, small or negative on an isolated spike. */
  readonly ratio: number;
  /** Number of finite values averaged (the optimum included). */
  readonly points: number;
  readonly diagnostics: readonly Diagnostic[];
}

function emptyResult(message: string): PlateauResult {
  return {
    optimumAt: [],
    optimum: NaN,
    plateau: NaN,
    worst: NaN,
    ratio: NaN,
    points: 0,
    diagnostics: [
      { code: robustCodes.invalidPlateau.code, severity: robustCodes.invalidPlateau.severity, message },
    ],
  };
}

function better(a: number, b: number, maximize: boolean): boolean {
  return maximize ? a > b : a < b;
}

function finish(
  optimumAt: readonly number[],
  optimum: number,
  sum: number,
  worst: number,
  points: number,
): PlateauResult {
  const plateau = sum / points;
  return { optimumAt, optimum, plateau, worst, ratio: plateau / optimum, points, diagnostics: [] };
}

/**
 * Parameter-plateau score: the objective averaged over the neighbourhood of the grid optimum, so a
 * broad high plateau scores close to the optimum and an isolated spike scores far below it. The
 * neighbourhood is the set of grid points within `radius` steps of the optimum (`box`: in every
 * dimension at once; `cross`: along one axis), clipped at the grid's edges, the optimum itself
 * included; NaN values are skipped. Ties for the optimum keep the first in row-major order.
 */
export function plateauScore(grid: ParameterGrid, options: PlateauOptions = {}): PlateauResult {
  const maximize = options.maximize ?? true;
  const radius = options.radius ?? 1;
  const shape = grid.shape;
  const d = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  if (d === 0 || shape.some((s) => !Number.isInteger(s) || s < 1) || grid.values.length !== size) {
    return emptyResult(
      `plateau grid shape [${shape.join(', ')}] does not match ${grid.values.length} values`,
    );
  }
  if (!Number.isInteger(radius) || radius < 0)
    return emptyResult(`plateau radius must be a whole number ≥ 0 (got ${radius})`);
  let bestFlat = -1;
  for (let i = 0; i < size; i++) {
    const v = grid.values[i];
    if (Number.isNaN(v)) continue;
    if (bestFlat < 0 || better(v, grid.values[bestFlat], maximize)) bestFlat = i;
  }
  if (bestFlat < 0) return emptyResult('plateau grid has no finite objective value');
  // Row-major strides and the optimum's multi-index.
  const strides = new Array<number>(d);
  let stride = 1;
  for (let k = d - 1; k >= 0; k--) {
    strides[k] = stride;
    stride *= shape[k];
  }
  const centre = strides.map((s, k) => Math.floor(bestFlat / s) % shape[k]);
  const optimum = grid.values[bestFlat];
  let sum = 0;
  let points = 0;
  let worst = optimum;
  const offset = new Array<number>(d).fill(-radius);
  for (;;) {
    let flat = 0;
    let inside = true;
    let moved = 0;
    for (let k = 0; k < d; k++) {
      const at = centre[k] + offset[k];
      if (at < 0 || at >= shape[k]) inside = false;
      if (offset[k] !== 0) moved++;
      flat += at * strides[k];
    }
    const wanted = (options.neighbourhood ?? 'box') === 'box' || moved <= 1;
    if (inside && wanted) {
      const v = grid.values[flat];
      if (!Number.isNaN(v)) {
        sum += v;
        points++;
        if (better(worst, v, maximize)) worst = v;
      }
    }
    // Odometer over offsets in [−radius, radius]^d.
    let k = d - 1;
    while (k >= 0 && offset[k] === radius) {
      offset[k] = -radius;
      k--;
    }
    if (k < 0) break;
    offset[k]++;
  }
  return finish(centre, optimum, sum, worst, points);
}

/** One evaluated parameter vector, for {@link plateauScoreFromTrials}. */
export interface ScoredTrial {
  readonly params: readonly number[];
  readonly value: number;
}

/**
 * Plateau score over scattered trials (random search, TPE, CMA-ES): the neighbourhood of the best
 * trial is every trial with `|p_k − p*_k| ≤ radius·steps[k]` in every dimension k (a box in
 * parameter units). `steps` are the parameters' grid steps or any scale the caller deems
 * "adjacent". NaN values are skipped; `optimumAt` is the best trial's index.
 */
export function plateauScoreFromTrials(
  trials: readonly ScoredTrial[],
  steps: readonly number[],
  options: Omit<PlateauOptions, 'neighbourhood'> = {},
): PlateauResult {
  const maximize = options.maximize ?? true;
  const radius = options.radius ?? 1;
  let best = -1;
  for (let i = 0; i < trials.length; i++) {
    if (trials[i].params.length !== steps.length) {
      return emptyResult(`trial ${i} has ${trials[i].params.length} parameters, expected ${steps.length}`);
    }
    const v = trials[i].value;
    if (Number.isNaN(v)) continue;
    if (best < 0 || better(v, trials[best].value, maximize)) best = i;
  }
  if (best < 0) return emptyResult('no trial has a finite objective value');
  const centre = trials[best].params;
  const optimum = trials[best].value;
  // A relative slack so that grid points computed as start + i·step still count as adjacent.
  const reach = steps.map((s) => Math.abs(s) * radius * (1 + 1e-9));
  let sum = 0;
  let points = 0;
  let worst = optimum;
  for (const trial of trials) {
    if (Number.isNaN(trial.value)) continue;
    if (!trial.params.every((p, k) => Math.abs(p - centre[k]) <= reach[k])) continue;
    sum += trial.value;
    points++;
    if (better(worst, trial.value, maximize)) worst = trial.value;
  }
  return finish([best], optimum, sum, worst, points);
}
