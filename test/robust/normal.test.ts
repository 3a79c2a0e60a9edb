import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalPdf, normalQuantile } from '../../src/robust/index.js';

/** |actual − expected| ≤ tol·|expected|: relative agreement in the last digits of a double. */
function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

// Reference values: mpmath 1.3.0 at 50 significant digits, `ncdf(x)` and `sqrt(2)·erfinv(2p − 1)`
// (or `findroot(log ncdf(x) − log p)` for the deep tail), rounded to 17 digits.
const CDF_REFERENCE: readonly (readonly [number, number])[] = [
  [1.96, 0.9750021048517795],
  [-1, 0.15865525393145705],
  [1, 0.8413447460685429],
  [-3, 0.0013498980316300946],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-37, 5.725571222524577e-300],
  [0.5, 0.6914624612740131],
  [2, 0.9772498680518208],
  [-2, 0.02275013194817921],
  [0, 0.5],
  [0.3, 0.6179114221889527],
  [-0.7, 0.241963652223073],
  [-0.46875, 0.31962417151711764],
  [-6.6, 2.055788909399518e-11],
  [5.6, 0.9999999892824097],
];

const QUANTILE_REFERENCE: readonly (readonly [number, number])[] = [
  [0.975, 1.9599639845400543],
  [0.95, 1.6448536269514726],
  [0.99, 2.326347874040841],
  [0.999, 3.0902323061678136],
  [1e-10, -6.361340902404057],
  [0.9, 1.2815515655446006],
  [0.25, -0.6744897501960817],
  [0.6, 0.2533471031357998],
  [0.02, -2.053748910631823],
  [0.075, -1.439531470938456],
  [1e-5, -4.264890793922825],
  [1e-100, -21.273453560965326],
  [1e-300, -37.0470962993612],
];

describe('normalCdf', () => {
  it('matches 50-digit references to double precision, deep tails included', () => {
    for (const [x, p] of CDF_REFERENCE) expectRelative(normalCdf(x), p, 5e-15);
  });

  it('gives Φ(1.96) = 0.9750021048517795 (the correctly rounded double) within one ulp', () => {
    // The exact value is 0.9750021048517795…; doubles near 0.975 are 1.11e-16 apart.
    expect(Math.abs(normalCdf(1.96) - 0.9750021048517795)).toBeLessThanOrEqual(1.12e-16);
  });

  it('handles the limits and NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(3e-16);
      }),
    );
  });

  it('agrees with erfc and the density', () => {
    // erfc(1) = 0.15729920705028513 (mpmath); φ(1) = 0.24197072451914337 (e^-1/2 / √(2π)).
    expectRelative(erfc(1), 0.15729920705028513, 2e-15);
    expectRelative(normalPdf(1), 0.24197072451914337, 2e-15);
    expectRelative(normalPdf(-1), 0.24197072451914337, 2e-15);
    expect(normalPdf(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });
});

describe('normalQuantile', () => {
  it('matches 50-digit references to double precision', () => {
    for (const [p, x] of QUANTILE_REFERENCE) expectRelative(normalQuantile(p), x, 2e-15);
  });

  it('handles the limits and invalid probabilities', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        // Φ'(x) = φ(x), so a relative error ε in x shows as ≈ ε·|x|·φ(x) in p.
        expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-14 * Math.max(p, 1e-300) + 1e-16);
      }),
    );
  });
});
