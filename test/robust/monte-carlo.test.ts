import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tradeMonteCarlo } from '../../src/robust/index.js';

describe('tradeMonteCarlo', () => {
  it('shuffles paths: a hand-worked two-trade case', () => {
    // From 100: [+10, −10] peaks at 110 and falls to 100 → drawdown 10/110 = 0.0909…, amount 10;
    // [−10, +10] falls to 90 from the initial peak 100 → drawdown 0.1, amount 10. Final equity is 100 either way.
    const result = tradeMonteCarlo([10, -10], {
      method: 'shuffle',
      seed: 3,
      samples: 400,
      initialEquity: 100,
    });
    const distinct = new Set(Array.from(result.maxDrawdown.sorted));
    expect(distinct).toEqual(new Set([10 / 110, 0.1]));
    expect(Array.from(result.maxDrawdownAmount.sorted).every((v) => v === 10)).toBe(true);
    expect(result.finalEquity.quantiles.every((q) => q.value === 100)).toBe(true);
    // Each order has probability ½: 400 draws, standard deviation 10 → the mean is within 4σ of ½.
    const share = Array.from(result.maxDrawdown.sorted).filter((v) => v === 0.1).length / 400;
    expect(Math.abs(share - 0.5)).toBeLessThan(0.1);
    expect(result.probabilityOfLoss).toBe(0);
  });

  it('bootstraps final equity around initial + n·mean', () => {
    // 50 trades with mean 2 and standard deviation ≈ 10.1: final = 1000 + Σ of 50 draws, mean 1100,
    // standard deviation ≈ 10.1·√50 ≈ 71.
    const pnls = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 12 : -8));
    const result = tradeMonteCarlo(pnls, {
      method: 'bootstrap',
      seed: 1,
      samples: 4000,
      initialEquity: 1000,
    });
    expect(Math.abs(result.finalEquity.mean - 1100)).toBeLessThan(5);
    const median = result.finalEquity.quantiles.find((q) => q.p === 0.5)?.value ?? NaN;
    expect(Math.abs(median - 1100)).toBeLessThan(15);
    const q05 = result.finalEquity.quantiles.find((q) => q.p === 0.05)?.value ?? NaN;
    // Normal approximation: 1100 − 1.645·70.7 = 983.7.
    expect(Math.abs(q05 - 983.7)).toBeLessThan(15);
  });

  it('is deterministic for a seed, with ordered quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom('shuffle' as const, 'bootstrap' as const),
        (pnls, seed, method) => {
          const options = { method, seed, samples: 60, initialEquity: 10_000 };
          const a = tradeMonteCarlo(pnls, options);
          const b = tradeMonteCarlo(pnls, options);
          expect(Array.from(a.maxDrawdown.sorted)).toEqual(Array.from(b.maxDrawdown.sorted));
          expect(Array.from(a.finalEquity.sorted)).toEqual(Array.from(b.finalEquity.sorted));
          for (const summary of [a.maxDrawdown, a.maxDrawdownAmount, a.finalEquity]) {
            for (let i = 1; i < summary.quantiles.length; i++) {
              expect(summary.quantiles[i].value).toBeGreaterThanOrEqual(summary.quantiles[i - 1].value);
            }
          }
          expect(a.maxDrawdown.sorted[0]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports invalid input as a diagnostic', () => {
    const result = tradeMonteCarlo([], { method: 'shuffle', seed: 1, initialEquity: 100 });
    expect(result.samples).toBe(0);
    expect(result.diagnostics[0].code).toBe('PP7504');
    expect(
      tradeMonteCarlo([1, NaN], { method: 'bootstrap', seed: 1, initialEquity: 100 }).finalEquity.mean,
    ).toBeNaN();
  });
});
