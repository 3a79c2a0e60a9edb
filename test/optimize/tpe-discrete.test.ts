import { describe, expect, it } from 'vitest';
import { FunctionEvaluator, runStudy, TpeSampler } from '../../src/optimize/index.js';
import type { StudyResult } from '../../src/optimize/index.js';
import { objective, space, study } from './helpers.js';

/**
 * The optimiser benchmark's grid shape: MA lengths fast 2…51 × slow 20…400 step 20 (1,000 points).
 * The test function is a ridge with interacting parameters, as MA lengths interact: the best fast
 * length is slow/8, and along the ridge slow = 240 is best. Worked by hand: f = 0 exactly at
 * (30, 240) and nowhere else on the grid (fast is an integer, slow a multiple of 20; the nearest
 * points are (29, 240) and (31, 240) at −1/16).
 */
const grid = space([
  { name: 'fast', type: 'int', default: 10, minval: 2, maxval: 51 },
  { name: 'slow', type: 'int', default: 100, minval: 20, maxval: 400, step: 20 },
]);
const ridge = (p: Readonly<Record<string, unknown>>): Record<string, number> => {
  const fast = p.fast as number;
  const slow = p.slow as number;
  return { f: -(((fast - slow / 8) / 4) ** 2) - ((slow - 240) / 120) ** 2 };
};
const hitOptimum = (r: StudyResult): boolean => r.trials.some((t) => t.values[0] === 0);
const repeats = (r: StudyResult): number =>
  r.trials.length - new Set(r.trials.map((t) => JSON.stringify(t.params))).size;

describe('TPE on a discrete grid', () => {
  it('finds the exact optimum of a 1,000-point grid in 150 trials for most seeds, never repeating a point', async () => {
    let tpeHits = 0;
    let randomHits = 0;
    let tpeRepeats = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const tpe = await study(grid, 'tpe', seed, 150, ridge, ['max: f'], 4, { multivariate: true });
      const random = await study(grid, 'random', seed, 150, ridge, ['max: f']);
      if (hitOptimum(tpe)) tpeHits++;
      if (hitOptimum(random)) randomHits++;
      tpeRepeats += repeats(tpe);
    }
    // Measured: multivariate TPE 19 of 20 seeds (independent TPE 18), random search 3 (150 of
    // 1,000 points: about 15 %).
    expect(tpeHits).toBeGreaterThanOrEqual(17);
    expect(randomHits).toBeLessThanOrEqual(8);
    expect(tpeRepeats).toBe(0);
  });

  it('without the repeat rule proposes already evaluated points (what Optuna does)', async () => {
    // Optuna's TPE proposes its argmax even when it was evaluated already; on this grid a fifth of
    // the proposals are repeats (measured 622 of 3,000 over 20 seeds, 91 over these 3).
    let count = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const r = await runStudy({
        space: grid,
        sampler: new TpeSampler(grid, seed, {
          directions: ['maximize'],
          multivariate: true,
          avoidDuplicates: false,
        }),
        samplerName: 'tpe',
        seed,
        objectives: [objective('max: f')],
        evaluator: new FunctionEvaluator((p) => ({ metrics: ridge(p) })),
        trials: 150,
        batchSize: 4,
      });
      count += repeats(r);
    }
    expect(count).toBeGreaterThan(30);
  });
});

/**
 * MATLAB's `peaks` (a known 2-D test function: three maxima of different heights, the highest
 * 8.106 near (−0.009, 1.581)), laid on the same 1,000-point integer grid: fast 2…51 → x ∈ [−3, 3],
 * slow 20…400 → y ∈ [−3, 3].
 */
const peaksOnGrid = (p: Readonly<Record<string, unknown>>): Record<string, number> => {
  const x = -3 + (6 * ((p.fast as number) - 2)) / 49;
  const y = -3 + (6 * ((p.slow as number) - 20)) / 380;
  const f =
    3 * (1 - x) ** 2 * Math.exp(-(x ** 2) - (y + 1) ** 2) -
    10 * (x / 5 - x ** 3 - y ** 5) * Math.exp(-(x ** 2) - y ** 2) -
    Math.exp(-((x + 1) ** 2) - y ** 2) / 3;
  return { f };
};
const best = (r: StudyResult): number => Math.max(...r.trials.map((t) => t.values[0]));

describe('TPE against random search on a known 2-D function on an integer grid', () => {
  it('finds a higher peaks value than random search in 60 trials for most of 20 seeds', async () => {
    let wins = 0;
    let multivariateWins = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = best(await study(grid, 'random', seed, 60, peaksOnGrid, ['max: f']));
      const tpe = best(await study(grid, 'tpe', seed, 60, peaksOnGrid, ['max: f']));
      const joint = best(
        await study(grid, 'tpe', seed, 60, peaksOnGrid, ['max: f'], 4, { multivariate: true }),
      );
      if (tpe > random) wins++;
      if (joint > random) multivariateWins++;
      // No grid point exceeds the continuous maximum (8.1062, MATLAB's documented peak).
      expect(Math.max(tpe, joint, random)).toBeLessThan(8.1062);
    }
    // Measured: TPE strictly higher on 16 of 20 seeds, multivariate TPE on 18 (the rest ties or
    // losses where random search's 60 draws landed near the top by luck).
    expect(wins).toBeGreaterThanOrEqual(14);
    expect(multivariateWins).toBeGreaterThanOrEqual(16);
  });
});
