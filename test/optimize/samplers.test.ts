import { describe, expect, it } from 'vitest';
import {
  buildSearchSpace,
  createSampler,
  FunctionEvaluator,
  GridSampler,
  LARGE_GRID,
  parseConstraint,
  runStudy,
} from '../../src/optimize/index.js';
import { bestValue, objective, space, study } from './helpers.js';

/** Branin–Hoo: global minimum 0.397887 at (−π, 12.275), (π, 2.275), (9.42478, 2.475) (Dixon & Szegő 1978). */
function branin(x: number, y: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * Math.cos(x) + 10;
}

const num = (p: Readonly<Record<string, unknown>>, k: string): number => p[k] as number;

describe('grid sampler', () => {
  it('visits the cartesian product and finds the brute-force optimum', async () => {
    const s = space([
      { name: 'x', type: 'int', default: 0, minval: -5, maxval: 5 },
      { name: 'y', type: 'float', default: 0, minval: -3, maxval: 3, step: 0.5 },
      { name: 'on', type: 'bool', default: true },
    ]);
    const f = (x: number, y: number, on: boolean): number =>
      (x - 2) ** 2 + (y + 1.5) ** 2 + (on ? 0 : 0.25) + 0.1 * x * y;
    // Brute force, written out independently of the grid code.
    let brute = Infinity;
    let at = '';
    for (let x = -5; x <= 5; x++) {
      for (let k = 0; k <= 12; k++) {
        const y = -3 + 0.5 * k;
        for (const on of [false, true]) {
          const v = f(x, y, on);
          if (v < brute) {
            brute = v;
            at = `${x},${y},${on}`;
          }
        }
      }
    }
    const result = await study(s, 'grid', 1, 1_000_000, (p) => ({
      f: f(num(p, 'x'), num(p, 'y'), p.on as boolean),
    }));
    expect(result.trials).toHaveLength(11 * 13 * 2);
    expect(new Set(result.trials.map((t) => JSON.stringify(t.params))).size).toBe(286);
    expect(result.best?.values[0]).toBe(brute);
    const b = result.best!.params;
    expect(`${num(b, 'x')},${num(b, 'y')},${String(b.on)}`).toBe(at);
    // Row-major: the last dimension varies fastest.
    expect(result.trials.slice(0, 3).map((t) => [t.params.x, t.params.y, t.params.on])).toEqual([
      [-5, -3, false],
      [-5, -3, true],
      [-5, -2.5, false],
    ]);
  });

  it('warns above 10,000 points', () => {
    const s = space([
      { name: 'a', type: 'int', default: 1, minval: 1, maxval: 101 },
      { name: 'b', type: 'int', default: 1, minval: 1, maxval: 100 },
    ]);
    const { sampler, diagnostics } = createSampler('grid', s, { seed: 0, directions: ['minimize'] });
    expect((sampler as GridSampler).size).toBe(10_100);
    expect(10_100).toBeGreaterThan(LARGE_GRID);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['PP7010', 'warning']]);
  });
});

describe('TPE', () => {
  it('beats random search on Branin with 60 trials for most of 20 seeds', async () => {
    const s = space([
      { name: 'x', type: 'float', default: 0, minval: -5, maxval: 10 },
      { name: 'y', type: 'float', default: 0, minval: 0, maxval: 15 },
    ]);
    const f = (p: Readonly<Record<string, unknown>>): Record<string, number> => ({
      f: branin(num(p, 'x'), num(p, 'y')),
    });
    let wins = 0;
    const tpeBest: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const tpe = bestValue(await study(s, 'tpe', seed, 60, f));
      const random = bestValue(await study(s, 'random', seed, 60, f));
      if (tpe < random) wins++;
      tpeBest.push(tpe);
    }
    // Measured: TPE strictly better on 11 of 20 seeds (ties: the optimum came from the 10 shared
    // uniform start-up trials); Optuna's rule (no uniform third of the trials, randomFraction 0)
    // wins 14 — on a smooth bowl the exploring third is the price of finding narrow optima on
    // rugged grids (tpe-discrete.test.ts). Random search's median best is about 1.0; TPE's 0.58.
    expect(wins).toBeGreaterThanOrEqual(11);
    tpeBest.sort((a, b) => a - b);
    expect(tpeBest[10]).toBeLessThan(0.7);
    expect(tpeBest[0]).toBeGreaterThanOrEqual(0.397887);
  });

  it('handles categorical and stepped int parameters and finds the best category', async () => {
    const s = space([
      { name: 'mode', type: 'string', default: 'a', options: ['a', 'b', 'c', 'd'] },
      { name: 'n', type: 'int', default: 10, minval: 1, maxval: 100, step: 3 },
    ]);
    const result = await study(s, 'tpe', 7, 80, (p) => ({
      f: (p.mode === 'c' ? 0 : 5) + Math.abs(num(p, 'n') - 40),
    }));
    for (const t of result.trials) expect((num(t.params, 'n') - 1) % 3).toBe(0);
    expect(result.best?.params.mode).toBe('c');
    expect(Math.abs(num(result.best!.params, 'n') - 40)).toBeLessThanOrEqual(3);
  });

  it('multivariate mode also runs and improves on its start-up trials', async () => {
    const s = space([
      { name: 'x', type: 'float', default: 0, minval: -5, maxval: 10 },
      { name: 'y', type: 'float', default: 0, minval: 0, maxval: 15 },
    ]);
    const f = (p: Readonly<Record<string, unknown>>): Record<string, number> => ({
      f: branin(num(p, 'x'), num(p, 'y')),
    });
    const r = await study(s, 'tpe', 3, 60, f, ['min: f'], 4, { multivariate: true });
    const univariate = await study(s, 'tpe', 3, 60, f);
    // Same start-up trials, different model afterwards.
    expect(r.trials.slice(0, 10).map((t) => t.params)).toEqual(
      univariate.trials.slice(0, 10).map((t) => t.params),
    );
    expect(r.trials.slice(10).map((t) => t.params)).not.toEqual(
      univariate.trials.slice(10).map((t) => t.params),
    );
    const startup = Math.min(...r.trials.slice(0, 10).map((t) => t.values[0]));
    expect(bestValue(r)).toBeLessThan(startup);
  });

  it('samples log-scale dimensions in log space and within bounds', async () => {
    const { space: s, diagnostics } = buildSearchSpace(
      [
        { name: 'n', type: 'int', default: 10, minval: 1, maxval: 1000 },
        { name: 'r', type: 'float', default: 1, minval: 0.001, maxval: 10 },
      ],
      { params: { n: { log: true }, r: { log: true } } },
    );
    expect(diagnostics).toEqual([]);
    // Minimum at n = 30, r = 0.01: far below the middle of both linear ranges.
    const r = await study(s, 'tpe', 4, 80, (p) => ({
      f: Math.abs(Math.log(num(p, 'n') / 30)) + Math.abs(Math.log(num(p, 'r') / 0.01)),
    }));
    for (const t of r.trials) {
      expect(Number.isInteger(t.params.n)).toBe(true);
      expect(num(t.params, 'n')).toBeGreaterThanOrEqual(1);
      expect(num(t.params, 'r')).toBeLessThanOrEqual(10);
    }
    // Uniform in log space: about half of the 10 start-up draws of r fall below 0.1 (log-midpoint).
    expect(r.trials.slice(0, 10).filter((t) => num(t.params, 'r') < 0.1).length).toBeGreaterThanOrEqual(3);
    expect(r.best!.values[0]).toBeLessThan(0.5);
  });

  it('does not spend trials on repeats of a small discrete space', async () => {
    const s = space([
      { name: 'a', type: 'int', default: 1, minval: 1, maxval: 4 },
      { name: 'b', type: 'bool', default: true },
    ]);
    // 8 points, 8 trials: start-up and model proposals together cover the space exactly once.
    const r = await study(
      s,
      'tpe',
      9,
      8,
      (p) => ({ f: num(p, 'a') + (p.b === true ? 0 : 1) }),
      ['min: f'],
      3,
    );
    expect(new Set(r.trials.map((t) => JSON.stringify(t.params))).size).toBe(8);
  });

  it('steers towards feasible trials and handles two objectives', async () => {
    const s = space([{ name: 'x', type: 'float', default: 0, minval: 0, maxval: 10 }]);
    const objectives = [objective('min: f')];
    const constraints = [parseConstraint('x_ok >= 0').constraint!];
    // Unconstrained minimum at x = 0, but only x ≥ 6 is feasible: the feasible optimum is x = 6.
    const r = await runStudy({
      space: s,
      sampler: createSampler('tpe', s, { seed: 2, directions: ['minimize'] }).sampler!,
      samplerName: 'tpe',
      seed: 2,
      objectives,
      constraints,
      evaluator: new FunctionEvaluator((p) => ({ metrics: { f: num(p, 'x'), x_ok: num(p, 'x') - 6 } })),
      trials: 60,
      batchSize: 4,
    });
    expect(r.best!.values[0]).toBeGreaterThanOrEqual(6);
    expect(r.best!.values[0]).toBeLessThan(6.3);
    expect(r.trials.slice(30).filter((t) => t.feasible).length).toBeGreaterThan(15);
    // Two objectives (x small, x large): every complete trial is Pareto-optimal.
    const mo = await study(s, 'tpe', 2, 30, (p) => ({ f1: num(p, 'x'), f2: -num(p, 'x') }), [
      'min: f1',
      'min: f2',
    ]);
    expect(mo.pareto).toHaveLength(30);
  });

  it('is deterministic for a seed', async () => {
    const s = space([{ name: 'x', type: 'float', default: 0, minval: -5, maxval: 5 }]);
    const f = (p: Readonly<Record<string, unknown>>): Record<string, number> => ({ f: num(p, 'x') ** 2 });
    const a = await study(s, 'tpe', 11, 30, f);
    const b = await study(s, 'tpe', 11, 30, f);
    expect(a.trials.map((t) => t.params)).toEqual(b.trials.map((t) => t.params));
  });
});

describe('CMA-ES', () => {
  it('converges on a shifted 3-D quadratic', async () => {
    const s = space(
      ['a', 'b', 'c'].map((name) => ({ name, type: 'float' as const, default: 0, minval: -5, maxval: 5 })),
    );
    for (const seed of [1, 2, 3]) {
      const r = await study(
        s,
        'cmaes',
        seed,
        600,
        (p) => ({ f: (num(p, 'a') - 1) ** 2 + (num(p, 'b') + 2) ** 2 + (num(p, 'c') - 0.5) ** 2 }),
        ['min: f'],
        7,
      );
      // Minimum 0 at (1, −2, 0.5); measured best ≈ 1e-10 for these seeds.
      expect(bestValue(r)).toBeLessThan(1e-6);
    }
  });

  it('rounds integer parameters and respects bounds', async () => {
    const s = space([
      { name: 'n', type: 'int', default: 5, minval: 2, maxval: 60 },
      { name: 'k', type: 'float', default: 1, minval: 0.5, maxval: 4, step: 0.25 },
    ]);
    const r = await study(
      s,
      'cmaes',
      5,
      200,
      (p) => ({ f: (num(p, 'n') - 57) ** 2 + (num(p, 'k') - 0.5) ** 2 }),
      ['min: f'],
      6,
    );
    for (const t of r.trials) {
      expect(Number.isInteger(t.params.n)).toBe(true);
      expect(num(t.params, 'n')).toBeGreaterThanOrEqual(2);
      expect(num(t.params, 'n')).toBeLessThanOrEqual(60);
      expect(Number.isInteger(num(t.params, 'k') * 4)).toBe(true);
    }
    expect(r.best?.params).toEqual({ n: 57, k: 0.5 });
  });
});

describe('NSGA-II', () => {
  it('approaches the true ZDT1 front (generational distance)', async () => {
    // ZDT1 (Zitzler, Deb & Thiele 2000), n = 10: f1 = x1, g = 1 + 9·Σx2..n/(n−1), f2 = g·(1 − √(f1/g));
    // true front f2 = 1 − √f1, f1 ∈ [0, 1].
    const n = 10;
    const s = space(
      Array.from({ length: n }, (_, i) => ({
        name: `x${i}`,
        type: 'float' as const,
        default: 0,
        minval: 0,
        maxval: 1,
      })),
    );
    const zdt1 = (p: Readonly<Record<string, unknown>>): Record<string, number> => {
      const x = Array.from({ length: n }, (_, i) => num(p, `x${i}`));
      const g = 1 + (9 * x.slice(1).reduce((a, b) => a + b, 0)) / (n - 1);
      return { f1: x[0], f2: g * (1 - Math.sqrt(x[0] / g)) };
    };
    const truth = Array.from({ length: 10001 }, (_, i) => [i / 10000, 1 - Math.sqrt(i / 10000)]);
    const gd = (front: readonly { values: readonly number[] }[]): number =>
      front.reduce(
        (acc, t) => acc + Math.min(...truth.map(([a, b]) => Math.hypot(t.values[0] - a, t.values[1] - b))),
        0,
      ) / front.length;
    const nsga = await study(s, 'nsga2', 1, 3000, zdt1, ['min: f1', 'min: f2'], 40);
    const random = await study(s, 'random', 1, 3000, zdt1, ['min: f1', 'min: f2'], 40);
    // Measured: GD ≈ 0.005–0.01 for NSGA-II (population 50) against ≈ 2 for random search.
    expect(gd(nsga.pareto)).toBeLessThan(0.03);
    expect(gd(random.pareto)).toBeGreaterThan(0.5);
    expect(nsga.pareto.length).toBeGreaterThan(50);
  });

  it('mutates categorical genes and keeps them valid', async () => {
    const s = space([
      { name: 'src', type: 'source', default: 'close' },
      { name: 'x', type: 'float', default: 0, minval: 0, maxval: 1 },
    ]);
    const r = await study(
      s,
      'nsga2',
      2,
      400,
      (p) => ({ f1: num(p, 'x') + (p.src === 'hl2' ? 0 : 1), f2: 1 - num(p, 'x') }),
      ['min: f1', 'min: f2'],
      50,
    );
    for (const t of r.trials)
      expect(['open', 'high', 'low', 'close', 'hl2', 'hlc3', 'ohlc4', 'hlcc4']).toContain(t.params.src);
    expect(r.pareto.every((t) => t.params.src === 'hl2')).toBe(true);
  });
});

describe('createSampler', () => {
  it('rejects an unknown sampler and CMA-ES with two objectives', () => {
    const s = space([{ name: 'x', type: 'float', default: 0, minval: 0, maxval: 1 }]);
    expect(createSampler('bayes', s, { seed: 0, directions: ['minimize'] }).diagnostics[0].code).toBe(
      'PP7014',
    );
    expect(
      createSampler('cmaes', s, { seed: 0, directions: ['minimize', 'maximize'] }).diagnostics[0].code,
    ).toBe('PP7013');
  });
});
