import { describe, expect, it } from 'vitest';
import { createSampler, robustnessReport, runStudy } from '../../src/optimize/index.js';
import type { TrialMetrics } from '../../src/optimize/index.js';
import {
  deflatedSharpeFromTrials,
  pboFromTrials,
  summariseReturns,
  Xoshiro128,
} from '../../src/robust/index.js';
import { objective, space } from './helpers.js';

/** Gaussian noise by Box–Muller from the seeded generator. */
function noise(seed: number, n: number, drift: number): number[] {
  const rng = new Xoshiro128(seed);
  return Array.from(
    { length: n },
    () =>
      drift + 0.01 * Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat()),
  );
}

describe('robustness block', () => {
  it('computes DSR, PBO and plateau for the best trial of a grid study', async () => {
    const s = space([
      { name: 'a', type: 'int', default: 1, minval: 1, maxval: 6 },
      { name: 'b', type: 'int', default: 1, minval: 1, maxval: 6 },
    ]);
    // Each configuration's daily returns: noise plus a drift that peaks at a = 4, b = 3.
    const evaluate = (p: Readonly<Record<string, unknown>>): TrialMetrics => {
      const a = p.a as number;
      const b = p.b as number;
      const returns = noise(a * 10 + b, 320, 0.002 - 0.0004 * ((a - 4) ** 2 + (b - 3) ** 2));
      return { metrics: { sharpe: summariseReturns(returns).sharpe }, returns };
    };
    const objectives = [objective('sharpe')];
    const r = await runStudy({
      space: s,
      sampler: createSampler('grid', s, { seed: 0, directions: ['maximize'] }).sampler!,
      samplerName: 'grid',
      seed: 0,
      objectives,
      evaluator: { evaluate },
      trials: 36,
      batchSize: 36,
    });
    const report = robustnessReport(r.trials, r.best, s, objectives);
    const best = r.best!;
    expect(report.trial).toBe(best.number);
    // The block is exactly src/robust applied to the study's trials.
    const sharpes = r.trials.map((t) => summariseReturns(t.returns!).sharpe);
    expect(report.dsr).toBe(deflatedSharpeFromTrials(summariseReturns(best.returns!), sharpes));
    expect(report.pbo).toBe(
      pboFromTrials(
        r.trials.map((t) => t.returns!),
        { blocks: 16 },
      ).pbo,
    );
    expect(report.trialsUsed).toBe(36);
    expect(report.dsr).toBeGreaterThan(0);
    expect(report.dsr).toBeLessThan(1);
    // Plateau: the best trial and its up-to-8 grid neighbours (steps 1), averaged.
    const neighbours = r.trials.filter(
      (t) =>
        Math.abs((t.params.a as number) - (best.params.a as number)) <= 1 &&
        Math.abs((t.params.b as number) - (best.params.b as number)) <= 1,
    );
    const mean = neighbours.reduce((acc, t) => acc + t.values[0], 0) / neighbours.length;
    expect(report.plateau).toBeCloseTo(mean, 12);
    expect(report.plateauRatio).toBeCloseTo(mean / best.values[0], 12);
  });

  it('says why DSR and PBO are missing without return series', () => {
    const s = space([{ name: 'a', type: 'int', default: 1, minval: 1, maxval: 3 }]);
    const trial = {
      number: 0,
      batch: 0,
      batchSize: 1,
      params: { a: 2 },
      state: 'complete' as const,
      values: [1],
      violations: [],
      feasible: true,
      metrics: {},
    };
    const report = robustnessReport([trial], trial, s, [objective('x')]);
    expect(report.dsr).toBeNaN();
    expect(report.pbo).toBeNaN();
    expect(report.diagnostics[0]).toMatchObject({ code: 'PP7060', severity: 'info' });
    expect(report.plateau).toBe(1);
  });
});
