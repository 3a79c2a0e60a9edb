import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maxDrawdownStatistic,
  normalQuantile,
  optimalBlockLength,
  profitFactorStatistic,
  sharpeStatistic,
  stationaryBootstrap,
  Xoshiro128,
} from '../../src/robust/index.js';

/** Gaussian AR(1) `x_t = φ·x_{t−1} + e_t` by inverse-CDF sampling from a seeded generator. */
function ar1(n: number, phi: number, seed: number): Float64Array {
  const g = new Xoshiro128(seed);
  const out = new Float64Array(n);
  let x = 0;
  for (let t = 0; t < n; t++) {
    x = phi * x + normalQuantile(g.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
    out[t] = x;
  }
  return out;
}

const mean = (s: Float64Array): number => s.reduce((a, b) => a + b, 0) / s.length;

describe('optimalBlockLength (Politis–White 2004, Patton–Politis–White 2009)', () => {
  it('approaches the theoretical block length of an AR(1)', () => {
    // For AR(1) with coefficient φ, R(k) ∝ φ^|k|, so G = Σ|k|R(k) ∝ 2φ/(1 − φ)² and
    // g = ΣR(k) ∝ (1 + φ)/(1 − φ); b_SB = (G/g)^{2/3}·n^{1/3} = (2φ/(1 − φ²))^{2/3}·n^{1/3}.
    // φ = 0.5, n = 20000: (4/3)^{2/3}·20000^{1/3} = 1.2114·27.144 = 32.88.
    const estimates = [1, 2, 3, 4, 5].map((seed) => optimalBlockLength(ar1(20_000, 0.5, seed)));
    const average = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    expect(average).toBeGreaterThan(32.88 * 0.75);
    expect(average).toBeLessThan(32.88 * 1.25);
  });

  it('is short for white noise, 1 for a constant series, NaN below 4 values', () => {
    expect(optimalBlockLength(ar1(5000, 0, 9))).toBeLessThan(3);
    expect(optimalBlockLength([1, 1, 1, 1, 1])).toBe(1);
    expect(optimalBlockLength([1, 2])).toBeNaN();
  });
});

describe('statistic helpers', () => {
  it('compute hand-worked values', () => {
    // r = [0.01, 0.02, −0.01]: mean 0.02/3 = 0.0066667; deviations 0.0033333, 0.0133333, −0.0166667;
    // Σd² = 1.1111e-5 + 1.77778e-4 + 2.77778e-4 = 4.66667e-4; std = sqrt(4.66667e-4 / 2) = 0.0152753;
    // Sharpe = 0.0066667 / 0.0152753 = 0.436436.
    const r = Float64Array.from([0.01, 0.02, -0.01]);
    expect(sharpeStatistic()(r)).toBeCloseTo(0.436436, 6);
    expect(sharpeStatistic(4)(r)).toBeCloseTo(0.872872, 6);
    // Profit factor: (0.01 + 0.02) / 0.01 = 3.
    expect(profitFactorStatistic(r)).toBeCloseTo(3, 12);
    // Equity 1 → 1.1 → 0.88 → 0.924 → 0.8316; peak 1.1; worst 1 − 0.8316/1.1 = 0.244.
    expect(maxDrawdownStatistic(Float64Array.from([0.1, -0.2, 0.05, -0.1]))).toBeCloseTo(0.244, 12);
    expect(profitFactorStatistic(Float64Array.from([0.01]))).toBe(Infinity);
    expect(sharpeStatistic()(Float64Array.from([0.01, 0.01]))).toBeNaN();
  });
});

describe('stationaryBootstrap', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const x = ar1(300, 0.3, 11);
    const a = stationaryBootstrap(x, sharpeStatistic(), { seed: 5, samples: 200 });
    const b = stationaryBootstrap(x, sharpeStatistic(), { seed: 5, samples: 200 });
    const c = stationaryBootstrap(x, sharpeStatistic(), { seed: 6, samples: 200 });
    expect(Array.from(a.distribution)).toEqual(Array.from(b.distribution));
    expect(a.lower).toBe(b.lower);
    expect(Array.from(c.distribution)).not.toEqual(Array.from(a.distribution));
  });

  it('gives the textbook standard error of a mean for i.i.d. data with b = 1', () => {
    // N(0,1) sample of 2000: SE of the mean ≈ s/√n ≈ 1/44.7 = 0.02236; the 95 % interval half-width ≈ 1.96·SE.
    const x = ar1(2000, 0, 3);
    const sd = Math.sqrt(x.reduce((acc, v) => acc + (v - mean(x)) ** 2, 0) / (x.length - 1));
    const se = sd / Math.sqrt(x.length);
    const result = stationaryBootstrap(x, mean, { seed: 1, samples: 2000, blockLength: 1 });
    expect(result.estimate).toBe(mean(x));
    expect(result.standardError / se).toBeGreaterThan(0.9);
    expect(result.standardError / se).toBeLessThan(1.1);
    expect((result.upper - result.lower) / (2 * 1.96 * se)).toBeGreaterThan(0.88);
    expect((result.upper - result.lower) / (2 * 1.96 * se)).toBeLessThan(1.12);
  });

  it('widens the interval of a mean under positive autocorrelation (automatic block length)', () => {
    // For AR(1) with φ = 0.6 the long-run variance is (1 + φ)/(1 − φ) = 4 times the i.i.d. one, so the
    // standard error of the mean doubles; an i.i.d. bootstrap (b = 1) misses that, the block bootstrap does not.
    const x = ar1(4000, 0.6, 21);
    const iid = stationaryBootstrap(x, mean, { seed: 2, samples: 1000, blockLength: 1 });
    const block = stationaryBootstrap(x, mean, { seed: 2, samples: 1000 });
    expect(block.blockLength).toBeGreaterThan(5);
    const ratio = block.standardError / iid.standardError;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
  });

  it('orders its bounds and reports failures as data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (values, seed) => {
          const result = stationaryBootstrap(values, maxDrawdownStatistic, { seed, samples: 50 });
          expect(result.diagnostics).toEqual([]);
          expect(result.lower).toBeLessThanOrEqual(result.upper);
          expect(result.distribution.length).toBe(50);
        },
      ),
      { numRuns: 50 },
    );
    const bad = stationaryBootstrap([1], mean, { seed: 1 });
    expect(bad.lower).toBeNaN();
    expect(bad.diagnostics[0].code).toBe('PP7501');
  });
});
