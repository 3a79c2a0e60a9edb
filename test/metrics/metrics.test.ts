import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cagr,
  calmarRatio,
  computeMetrics,
  expectancy,
  exposure,
  exposureFromSpans,
  inferBarsPerYear,
  kellyFraction,
  maxDrawdown,
  maxDrawdownDuration,
  MS_PER_YEAR,
  omegaRatio,
  perPeriodRate,
  profitFactor,
  quantile,
  sharpeRatio,
  simpleReturns,
  sortinoRatio,
  sqn,
  tailRatio,
  ulcerIndex,
  volatility,
  winRate,
} from '../../src/metrics/index.js';

// Hand-worked equity curve: 100 → 110 → 99 → 108.9 → 119.79, i.e. returns +10 %, −10 %, +10 %, +10 %.
// Bars six hours apart, so 4 bars a day.
const EQUITY = Float64Array.from([100, 110, 99, 108.9, 119.79]);
const SIX_HOURS = 6 * 3600 * 1000;
const TIMES = Float64Array.from([0, 1, 2, 3, 4].map((i) => 1_700_000_000_000 + i * SIX_HOURS));
const RETURNS = simpleReturns(EQUITY);

describe('returns and annualisation', () => {
  it('computes simple returns and infers bars per year from bar times', () => {
    expect(RETURNS.length).toBe(4);
    [0.1, -0.1, 0.1, 0.1].forEach((r, i) => {
      expect(RETURNS[i]).toBeCloseTo(r, 14);
    });
    // 4 intervals over one day: 4 / (1 / 365.25) = 1461 bars a year.
    expect(inferBarsPerYear(TIMES)).toBeCloseTo(1461, 9);
    expect(inferBarsPerYear([5])).toBeNaN();
    expect(simpleReturns([100, 0, 50])[1]).toBeNaN();
  });

  it('converts an annual risk-free rate geometrically', () => {
    // 1.0816 = 1.04², so the quarterly equivalent is sqrt(1.04) − 1 = 0.0198039027…
    expect(perPeriodRate(0.0816, 4)).toBeCloseTo(Math.sqrt(1.04) - 1, 14);
    expect(perPeriodRate(0, 12)).toBe(0);
  });
});

describe('return-based ratios (periodsPerYear = 4)', () => {
  // mean = 0.05; deviations 0.05, −0.15, 0.05, 0.05; Σd² = 0.03; ddof 1: var 0.01, std 0.1.
  it('volatility = std·√P', () => {
    expect(volatility(RETURNS, 4)).toBeCloseTo(0.2, 14);
    // ddof 0: sqrt(0.03 / 4) · 2 = 0.173205…
    expect(volatility(RETURNS, 4, 0)).toBeCloseTo(Math.sqrt(0.0075) * 2, 14);
  });

  it('Sharpe = mean/std·√P, with risk-free excess', () => {
    expect(sharpeRatio(RETURNS, { periodsPerYear: 4 })).toBeCloseTo(1, 13);
    // rf per period 0.0198039; excess mean 0.0301961; std unchanged 0.1 → 0.301961·2 = 0.603922.
    expect(sharpeRatio(RETURNS, { periodsPerYear: 4, riskFree: 0.0816 })).toBeCloseTo(
      ((0.05 - (Math.sqrt(1.04) - 1)) / 0.1) * 2,
      13,
    );
    expect(sharpeRatio([0.01, 0.01, 0.01], { periodsPerYear: 4 })).toBeNaN();
  });

  it('Sortino = mean / downside deviation over all n·√P', () => {
    // Downside: only −0.1 → sqrt(0.01 / 4) = 0.05; 0.05 / 0.05 · 2 = 2.
    expect(sortinoRatio(RETURNS, { periodsPerYear: 4 })).toBeCloseTo(2, 13);
    expect(sortinoRatio([0.01, 0.02], { periodsPerYear: 4 })).toBe(Infinity);
  });

  it('Omega and tail ratio', () => {
    // Omega(0) = (0.1 + 0.1 + 0.1) / 0.1 = 3.
    expect(omegaRatio(RETURNS)).toBeCloseTo(3, 13);
    // Omega(0.05) = (0.05·3) / 0.15 = 1.
    expect(omegaRatio(RETURNS, 0.05)).toBeCloseTo(1, 13);
    // Sorted [−0.1, 0.1, 0.1, 0.1]: Q(0.95) at h = 2.85 → 0.1; Q(0.05) at h = 0.15 → −0.1 + 0.15·0.2 = −0.07.
    expect(quantile(RETURNS, 0.05)).toBeCloseTo(-0.07, 14);
    expect(tailRatio(RETURNS)).toBeCloseTo(0.1 / 0.07, 12);
  });
});

describe('equity-based metrics', () => {
  it('max drawdown: peak 110 → trough 99 = 10 %, 11 in currency', () => {
    const dd = maxDrawdown(EQUITY);
    expect(dd.fraction).toBeCloseTo(0.1, 14);
    expect(dd.amount).toBeCloseTo(11, 12);
    expect(dd.peakIndex).toBe(1);
    expect(dd.troughIndex).toBe(2);
    expect(maxDrawdown([1, 2, 3]).fraction).toBe(0);
  });

  it('max drawdown duration: from the peak to the first bar back at or above it', () => {
    // Peak 110 at bar 1 is regained at bar 4 (119.79): 3 bars, 18 hours.
    const d = maxDrawdownDuration(EQUITY, TIMES);
    expect(d).toEqual({ bars: 3, ms: 3 * SIX_HOURS, peakIndex: 1, endIndex: 4, recovered: true });
    // 110@1 regained at 5 (112): 4 bars; 112@5 still under water at 7: 2 bars → 4.
    expect(maxDrawdownDuration([100, 110, 105, 100, 108, 112, 90, 95]).bars).toBe(4);
    // Never regained: 100@0 → last bar 3.
    const open = maxDrawdownDuration([100, 90, 95, 99]);
    expect(open.bars).toBe(3);
    expect(open.recovered).toBe(false);
    expect(maxDrawdownDuration([1, 2, 3]).bars).toBe(0);
  });

  it('ulcer index = RMS of fractional drawdowns', () => {
    // Drawdowns 0, 0, 0.1, 1 − 108.9/110 = 0.01, 0 → sqrt((0.01 + 0.0001) / 5) = sqrt(0.00202) = 0.0449444.
    expect(ulcerIndex(EQUITY)).toBeCloseTo(Math.sqrt(0.00202), 14);
  });

  it('CAGR and Calmar', () => {
    // One year of 4 bars a year: 119.79/100 − 1 = 0.1979.
    expect(cagr(EQUITY, { barsPerYear: 4 })).toBeCloseTo(0.1979, 13);
    // Times spanning two Julian years: sqrt(1.1979) − 1.
    const twoYears = Float64Array.from([0, 1, 2, 3, 4].map((i) => i * (MS_PER_YEAR / 2)));
    expect(cagr(EQUITY, { times: twoYears })).toBeCloseTo(Math.sqrt(1.1979) - 1, 13);
    expect(cagr(EQUITY, {})).toBeNaN();
    // Calmar = 0.1979 / 0.1.
    expect(calmarRatio(EQUITY, { barsPerYear: 4 })).toBeCloseTo(1.979, 12);
  });

  it('drawdowns stay within [0, 1] for positive equity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (e) => {
          const dd = maxDrawdown(e);
          expect(dd.fraction).toBeGreaterThanOrEqual(0);
          expect(dd.fraction).toBeLessThan(1);
          expect(ulcerIndex(e)).toBeLessThanOrEqual(dd.fraction + 1e-15);
        },
      ),
    );
  });
});

describe('trade statistics', () => {
  // PnLs 50, −20, 30, 0, −10: wins 2, losses 2, one even trade.
  const PNLS = [50, -20, 30, 0, -10];

  it('win rate, profit factor, expectancy', () => {
    expect(winRate(PNLS)).toBe(0.4);
    expect(profitFactor(PNLS)).toBeCloseTo(80 / 30, 14);
    expect(expectancy(PNLS)).toBe(10);
    expect(profitFactor([5, 0])).toBe(Infinity);
    expect(winRate([])).toBeNaN();
  });

  it('SQN = √n·mean/std', () => {
    // Deviations 40, −30, 20, −10, −20 → Σ² = 3400, var = 850, std = 29.1548; √5·10/29.1548 = 0.766965.
    expect(sqn(PNLS)).toBeCloseTo((Math.sqrt(5) * 10) / Math.sqrt(850), 14);
    expect(sqn(PNLS)).toBeCloseTo(0.766965, 6);
  });

  it('Kelly = W − (1 − W)/R', () => {
    // W = 0.4, mean win 40, mean loss 15, R = 8/3: 0.4 − 0.6·3/8 = 0.175.
    expect(kellyFraction(PNLS)).toBeCloseTo(0.175, 14);
    expect(kellyFraction([1, 2])).toBe(1);
    expect(kellyFraction([-1, -2])).toBe(-Infinity);
  });
});

describe('exposure', () => {
  it('counts bars holding a position', () => {
    // Sizes 0, 1, 1, 0, −2 (NaN skipped): 3 of 5.
    expect(exposure([0, 1, 1, 0, -2, NaN])).toBe(0.6);
    // Spans [0,3) ∪ [2,5) ∪ [8,9) cover 6 of 10 bars.
    expect(
      exposureFromSpans(
        [
          { entryBar: 0, exitBar: 3 },
          { entryBar: 2, exitBar: 5 },
          { entryBar: 8, exitBar: 9 },
        ],
        10,
      ),
    ).toBe(0.6);
  });
});

describe('computeMetrics', () => {
  it('assembles every metric with bars per year inferred from the bar times', () => {
    const m = computeMetrics({
      equity: EQUITY,
      times: TIMES,
      tradePnls: [50, -20, 30, 0, -10],
      positionSize: [0, 1, 1, 0, 1],
    });
    expect(m.barsPerYear).toBeCloseTo(1461, 9);
    expect(m.totalReturn).toBeCloseTo(0.1979, 13);
    // One day of 1461 bars a year: (1.1979)^365.25 − 1.
    expect(m.cagr / (Math.pow(1.1979, 365.25) - 1)).toBeCloseTo(1, 12);
    expect(m.sharpe).toBeCloseTo(0.5 * Math.sqrt(1461), 11);
    expect(m.sortino).toBeCloseTo(Math.sqrt(1461), 11);
    expect(m.volatility).toBeCloseTo(0.1 * Math.sqrt(1461), 12);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(m.maxDrawdownAmount).toBeCloseTo(11, 12);
    expect(m.maxDrawdownDurationBars).toBe(3);
    expect(m.maxDrawdownDurationMs).toBe(3 * SIX_HOURS);
    expect(m.calmar / (m.cagr / 0.1)).toBeCloseTo(1, 12);
    expect(m.ulcerIndex).toBeCloseTo(Math.sqrt(0.00202), 14);
    expect(m.omega).toBeCloseTo(3, 13);
    expect(m.exposure).toBe(0.6);
    expect(m.trades).toBe(5);
    expect(m.winRate).toBe(0.4);
    expect(m.kelly).toBeCloseTo(0.175, 14);
    expect(m.expectancy).toBe(10);
  });

  it('leaves unavailable metrics NaN instead of guessing', () => {
    const m = computeMetrics({ equity: EQUITY });
    expect(m.sharpe).toBeNaN();
    expect(m.cagr).toBeNaN();
    expect(m.exposure).toBeNaN();
    expect(m.winRate).toBeNaN();
    expect(m.trades).toBe(0);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 14);
  });
});
