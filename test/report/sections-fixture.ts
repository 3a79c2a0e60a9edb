/**
 * The optional sections on top of the backtest fixture: a grid study with a known shape, walk-forward
 * windows over the fixture's bars, robustness figures from src/robust, and a verify comparison in
 * which "our" trade list differs from the reference at a known trade, and a health report with one
 * finding of each severity (text with HTML specials, to check escaping).
 */
import type { Trade } from '../../src/exports/index.js';
import type { HealthReport } from '../../src/health/index.js';
import type { OptimisationTrial, ReportInput } from '../../src/report/index.js';
import { sharpeStatistic, stationaryBootstrap } from '../../src/robust/index.js';
import { compareTrades } from '../../src/verify/index.js';
import { buildReportInput } from './fixture.js';

/**
 * fast ∈ {5, 10, …, 30} × slow ∈ {20, 30, …, 100} × filter ∈ {0, 1}: the objective peaks at
 * fast = 15, slow = 60 and does not depend on `filter`; trial 7 failed (NaN).
 */
export function gridTrials(): OptimisationTrial[] {
  const trials: OptimisationTrial[] = [];
  for (let fast = 5; fast <= 30; fast += 5) {
    for (let slow = 20; slow <= 100; slow += 10) {
      for (const filter of [0, 1]) {
        const number = trials.length + 1;
        const value = number === 7 ? Number.NaN : 100 - (fast - 15) ** 2 / 5 - (slow - 60) ** 2 / 40;
        trials.push({ number, params: { fast, slow, filter }, value });
      }
    }
  }
  return trials;
}

/** "Our" trades: the reference with trade 4's exit 0.50 higher (the first divergence) and trade 6 missing. */
export function divergedTrades(reference: readonly Trade[]): Trade[] {
  return reference
    .filter((t) => t.number !== 6)
    .map((t) =>
      t.number === 4
        ? { ...t, exitPrice: t.exitPrice + 0.5, profit: t.profit - (t.direction === 'long' ? -1 : 1) }
        : t,
    );
}

/** The backtest fixture with every optional section. */
export function buildFullReportInput(): ReportInput {
  const base = buildReportInput();
  const { time, equity } = base.equity;
  const returns = Float64Array.from({ length: equity.length - 1 }, (_, i) => equity[i + 1] / equity[i] - 1);
  const quarter = Math.floor(time.length / 4);
  const windows = [0, 1, 2, 3].map((k) => {
    const from = k * quarter;
    const to = Math.min(time.length - 1, from + quarter - 1);
    const split = from + Math.floor(quarter * 0.7);
    return {
      index: k + 1,
      inSampleFrom: time[from],
      inSampleTo: time[split - 1],
      outOfSampleFrom: time[split],
      outOfSampleTo: time[to],
      params: { fast: 10 + 5 * k, slow: 60, filter: k % 2 === 0 },
      inSampleObjective: 1.5 - 0.2 * k,
      outOfSampleObjective: 0.8 - 0.3 * k,
      outOfSampleNetProfit: equity[to] - equity[split],
      outOfSampleTrades: 2,
    };
  });
  return {
    ...base,
    optimisation: {
      objective: 'Net profit',
      maximize: true,
      parameters: ['fast', 'slow', 'filter'],
      trials: gridTrials(),
    },
    walkForward: {
      objective: 'Sharpe',
      windows,
      stitchedEquity: {
        time: time.slice(Math.floor(quarter * 0.7)),
        equity: equity.slice(Math.floor(quarter * 0.7)),
      },
      efficiency: 0.42,
    },
    robustness: {
      deflatedSharpe: { value: 0.61, trials: 108 },
      probabilisticSharpe: 0.83,
      pbo: {
        pbo: 0.3,
        probabilityOfLoss: 0.2,
        combinations: 12870,
        blocks: 16,
        degradation: { slope: -0.4, intercept: 0.1, rSquared: 0.2 },
      },
      bootstrap: [
        {
          statistic: 'Sharpe (per bar)',
          result: stationaryBootstrap(returns, sharpeStatistic(), { seed: 7, samples: 200 }),
        },
      ],
      plateau: { optimum: 100, plateau: 97.5, worst: 95, ratio: 0.975, points: 9 },
    },
    verify: compareTrades(base.trades, divergedTrades(base.trades), { mintick: 0.01 }),
    health: HEALTH,
  };
}

/** Three findings, given best first so the section's worst-first order is visible; the <b> must stay text. */
export const HEALTH: HealthReport = {
  bars: 500,
  runs: 12,
  findings: [
    { code: 'PP9305', severity: 'info', message: '1 trade(s) still open at the last bar' },
    { code: 'PP9302', severity: 'warning', message: '2 trade(s) entered in the first 40 bars' },
    {
      code: 'PP9201',
      severity: 'error',
      message: "plot '<b>fast</b>' changed before the cut",
      hint: 'use close[1]',
      span: { start: 0, end: 1, line: 12, column: 1, endLine: 12, endColumn: 2 },
    },
  ],
  lookahead: { cuts: [100, 250, 400], differingCuts: 1 },
};
