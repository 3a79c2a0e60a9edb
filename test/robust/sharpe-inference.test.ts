import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deflatedSharpe,
  deflatedSharpeFromTrials,
  expectedMaxSharpe,
  minTrackRecordLength,
  probabilisticSharpe,
  sharpeStandardError,
  summariseReturns,
} from '../../src/robust/index.js';

// Bailey & López de Prado (2012), "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2):
// the worked PSR example, a hedge-fund index with annualised Sharpe 1.585 from 24 monthly returns,
// skewness −2.448 and raw kurtosis 10.164, against a benchmark of 0 → PSR = 0.913234 in the paper.
const PAPER_2012 = { sharpe: 1.585 / Math.sqrt(12), n: 24, skew: -2.448, kurtosis: 10.164 };

// Bailey & López de Prado (2014), "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5),
// numerical example: N = 100 trials whose annualised Sharpes have variance 0.5; the selected strategy
// has annualised Sharpe 2.5 over 5 years of daily data (T = 1250, 250 days a year), skewness −3 and
// kurtosis 10. The paper reports E[max SR] ≈ 0.1132 (daily) and DSR ≈ 0.9004.
const PAPER_2014 = { sharpe: 2.5 / Math.sqrt(250), n: 1250, skew: -3, kurtosis: 10 };
const TRIALS_2014 = { trials: 100, sharpeVariance: 0.5 / 250 };

// Recomputed independently with mpmath 1.3.0 (40 digits): ncdf, sqrt(2)·erfinv(2p − 1), euler, e.
describe('probabilisticSharpe', () => {
  it('reproduces the 2012 paper example (0.913234)', () => {
    const psr = probabilisticSharpe(PAPER_2012, 0);
    expect(psr).toBeCloseTo(0.913234, 6);
    expect(psr).toBeCloseTo(0.9132343068848602, 13);
  });

  it('matches an mpmath recomputation against a non-zero benchmark (0.5 annualised)', () => {
    expect(probabilisticSharpe(PAPER_2012, 0.5 / Math.sqrt(12))).toBeCloseTo(0.8242345954185376, 13);
  });

  it('accepts the returns themselves (population skew, raw kurtosis, ddof = 1 Sharpe)', () => {
    // scipy 1.x: r.mean()/r.std(ddof=1) = 0.41041208270957497, skew(r) = −0.2862173117509183,
    // kurtosis(r, fisher=False) = 2.023702269985522; norm.cdf(...) = 0.8432572169253123.
    const r = [0.01, -0.02, 0.03, 0.015, -0.005, 0.02, 0.012, -0.008];
    const s = summariseReturns(r);
    expect(s.n).toBe(8);
    expect(s.sharpe).toBeCloseTo(0.41041208270957497, 14);
    expect(s.skew).toBeCloseTo(-0.2862173117509183, 14);
    expect(s.kurtosis).toBeCloseTo(2.023702269985522, 13);
    expect(probabilisticSharpe(r, 0)).toBeCloseTo(0.8432572169253123, 13);
    expect(probabilisticSharpe(r, 0.1)).toBeCloseTo(0.7770726980238869, 13);
  });

  it('is NaN when the Sharpe variance factor is not positive', () => {
    // 1 − γ3·SR + (γ4 − 1)/4·SR² = 1 − 5·1 + 0 < 0.
    expect(probabilisticSharpe({ sharpe: 1, n: 10, skew: 5, kurtosis: 1 })).toBeNaN();
    expect(sharpeStandardError({ sharpe: 0.1, n: 1, skew: 0, kurtosis: 3 })).toBeNaN();
  });

  it('increases with the observed Sharpe (benchmark 0, skew ≤ 0, SR ≥ 0)', () => {
    // With γ3 ≤ 0 and 0 ≤ SR the variance factor is ≥ 1 and dz/dSR ∝ 1 − γ3·SR/2 > 0.
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.integer({ min: 10, max: 5000 }),
        fc.double({ min: -3, max: 0, noNaN: true }),
        fc.double({ min: 1.5, max: 20, noNaN: true }),
        (sharpe, step, n, skew, kurtosis) => {
          const low = probabilisticSharpe({ sharpe, n, skew, kurtosis }, 0);
          const high = probabilisticSharpe({ sharpe: Math.min(0.5, sharpe + step), n, skew, kurtosis }, 0);
          expect(high).toBeGreaterThanOrEqual(low);
        },
      ),
    );
  });
});

describe('expectedMaxSharpe and deflatedSharpe', () => {
  it('reproduces the 2014 paper example (E[max SR] ≈ 0.1132, DSR ≈ 0.9004)', () => {
    expect(expectedMaxSharpe(100, 0.5 / 250)).toBeCloseTo(0.11317200186513203, 14);
    const dsr = deflatedSharpe(PAPER_2014, TRIALS_2014);
    expect(dsr).toBeCloseTo(0.9004, 4);
    expect(dsr).toBeCloseTo(0.900396834449391, 12);
  });

  it('takes N and V from the trials themselves', () => {
    // Trial Sharpes 0.02, 0.04, 0.06, 0.08: N = 4, mean 0.05, V = (0.0009 + 0.0001 + 0.0001 + 0.0009)/3 = 0.02/30.
    const trialSharpes = [0.02, 0.04, 0.06, 0.08];
    expect(deflatedSharpeFromTrials(PAPER_2014, trialSharpes)).toBeCloseTo(
      deflatedSharpe(PAPER_2014, { trials: 4, sharpeVariance: 0.002 / 3 }),
      14,
    );
    expect(deflatedSharpeFromTrials(PAPER_2014, [0.1])).toBeNaN();
  });

  it('matches mpmath for the standardised expected maximum', () => {
    expect(expectedMaxSharpe(10, 1)).toBeCloseTo(1.57459830134575, 13);
    expect(expectedMaxSharpe(1000, 1)).toBeCloseTo(3.2551215136527256, 13);
    expect(expectedMaxSharpe(1, 1)).toBe(0);
    expect(expectedMaxSharpe(1, 1, 0.3)).toBe(0.3);
    expect(expectedMaxSharpe(0.5, 1)).toBeNaN();
    expect(expectedMaxSharpe(10, -1)).toBeNaN();
  });

  it('never exceeds PSR(0) once there is more than one trial, and falls as trials grow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.integer({ min: 20, max: 3000 }),
        fc.double({ min: -2, max: 0.5, noNaN: true }),
        fc.double({ min: 2, max: 12, noNaN: true }),
        fc.integer({ min: 2, max: 10000 }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (sharpe, n, skew, kurtosis, trials, sharpeVariance) => {
          const x = { sharpe, n, skew, kurtosis };
          const dsr = deflatedSharpe(x, { trials, sharpeVariance });
          expect(dsr).toBeLessThanOrEqual(probabilisticSharpe(x, 0));
          expect(deflatedSharpe(x, { trials: trials * 2, sharpeVariance })).toBeLessThanOrEqual(dsr);
        },
      ),
    );
  });
});

describe('minTrackRecordLength', () => {
  it('matches mpmath for the 2012 example inputs', () => {
    expect(minTrackRecordLength(PAPER_2012, 0, 0.95)).toBeCloseTo(34.59710348716963, 11);
    expect(minTrackRecordLength(PAPER_2012, 0, 0.99)).toBeCloseTo(68.20423469323345, 11);
    expect(minTrackRecordLength(PAPER_2012, 1 / Math.sqrt(12), 0.95)).toBeCloseTo(247.63155324144856, 9);
  });

  it('is the n at which PSR reaches the confidence exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.double({ min: -2, max: 0, noNaN: true }),
        fc.double({ min: 2, max: 12, noNaN: true }),
        fc.double({ min: 0.6, max: 0.999, noNaN: true }),
        (sharpe, skew, kurtosis, confidence) => {
          const n = minTrackRecordLength({ sharpe, n: 0, skew, kurtosis }, 0, confidence);
          expect(probabilisticSharpe({ sharpe, n, skew, kurtosis }, 0)).toBeCloseTo(confidence, 10);
        },
      ),
    );
  });

  it('is infinite when the Sharpe does not beat the benchmark, NaN for a bad confidence', () => {
    expect(minTrackRecordLength(PAPER_2012, 1, 0.95)).toBe(Infinity);
    expect(minTrackRecordLength(PAPER_2012, 0, 1)).toBeNaN();
  });
});
