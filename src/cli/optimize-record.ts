/** Storing `optimize` and `walkforward` runs: headers, results, walk-forward robustness. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { Trade } from '../exports/index.js';
import type { PerformanceMetrics } from '../metrics/index.js';
import type {
  Objective,
  ParamValues,
  RobustnessReport,
  StudyResult,
  Trial,
  WalkForwardResult,
} from '../optimize/index.js';
import type { ReportBars } from '../report/index.js';
import {
  maxDrawdownStatistic,
  probabilisticSharpe,
  profitFactorStatistic,
  sharpeStatistic,
  stationaryBootstrap,
} from '../robust/index.js';
import { dailyReturns } from '../run/trial-worker.js';
import type { PerformanceSummary } from '../runtime/strategy/summary.js';
import type { JsonObject, ProvenanceInput, RunStore, WalkForwardWindowInput } from '../store/index.js';
import type { OptimizeRunSummary, WalkForwardRunSummary } from './run-summaries.js';
import { toStoredJson } from './run-summaries.js';

/** A full backtest of one parameter set: what the report shows for the best trial. */
export interface BacktestOutcome {
  readonly summary: PerformanceSummary;
  readonly trades: readonly Trade[];
  /** Equity at each bar's close, same length as the bars. */
  readonly equity: Float64Array;
}

/**
 * What the run store and the report need about an optimisation target. The CLI's wiring fills it;
 * a target without it (test doubles) is optimised without being stored.
 */
export interface OptimizeRecordSource {
  /** The strategy's title. */
  readonly name: string;
  readonly provenance: ProvenanceInput;
  /** Default inputs, strategy and symbol settings. */
  readonly inputs: JsonObject;
  readonly strategy: JsonObject;
  readonly symbol: JsonObject;
  readonly bars: ReportBars;
  /** Runs the strategy on all bars with the given inputs and fixed strategy settings. */
  backtest(params: ParamValues, settings: ParamValues): BacktestOutcome | undefined;
}

const first = (d: readonly Diagnostic[]): string | undefined =>
  d.find((x) => x.severity === 'error')?.message;

/** How an optimisation ran: what its stored summary records besides the outcome. */
export interface OptimizeSettings {
  readonly sampler: string;
  readonly seed: number;
  readonly batchSize: number;
  readonly workers: number;
  readonly objectives: readonly Objective[];
  readonly constraints: readonly string[];
}

/** The optimize run's summary block (settings, outcome, robustness). */
export function optimizeSummary(
  study: string,
  settings: OptimizeSettings,
  result: StudyResult,
  best: Trial | undefined,
  robustness: RobustnessReport,
): OptimizeRunSummary['optimize'] {
  const p = robustness.pboDetail;
  const q = robustness.plateauDetail;
  const n = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    study,
    sampler: settings.sampler,
    seed: settings.seed,
    batchSize: settings.batchSize,
    workers: settings.workers,
    objectives: settings.objectives.map((o) => ({ text: o.text, direction: o.direction })),
    constraints: [...settings.constraints],
    trials: result.trials.length,
    evaluated: result.evaluated,
    resumed: result.resumed,
    best: best?.number ?? null,
    bestParams: best === undefined ? null : { ...best.params },
    pareto: result.pareto.map((t) => t.number),
    robustness: {
      dsr: n(robustness.dsr),
      trialsUsed: robustness.trialsUsed,
      pbo: n(robustness.pbo),
      pboDetail:
        p === undefined
          ? null
          : {
              pbo: n(p.pbo),
              probabilityOfLoss: n(p.probabilityOfLoss),
              combinations: p.combinations,
              blocks: p.blocks,
              degradation: {
                slope: n(p.degradation.slope),
                intercept: n(p.degradation.intercept),
                rSquared: n(p.degradation.rSquared),
              },
            },
      plateau: n(robustness.plateau),
      plateauRatio: n(robustness.plateauRatio),
      plateauDetail:
        q === undefined
          ? null
          : {
              optimum: n(q.optimum),
              plateau: n(q.plateau),
              worst: n(q.worst),
              ratio: n(q.ratio),
              points: q.points,
            },
    },
  };
}

/**
 * Finishes a begun optimize run: the best parameters re-run on all bars give its trades, equity
 * and Performance Summary (what the report's charts show); the study's trials stay in the study.
 */
export function finishOptimizeRun(
  store: RunStore,
  id: number,
  args: {
    readonly source: OptimizeRecordSource;
    readonly settings: ParamValues;
    readonly summary: OptimizeRunSummary['optimize'];
    readonly best: Trial | undefined;
    readonly studyId: number | undefined;
    readonly diagnostics: readonly Diagnostic[];
    readonly wallMs: number;
  },
): void {
  const outcome = args.best === undefined ? undefined : args.source.backtest(args.best.params, args.settings);
  const failed = args.summary.trials === 0 ? (first(args.diagnostics) ?? 'no trial ran') : undefined;
  const summary: OptimizeRunSummary = {
    ...(outcome === undefined ? {} : { performance: toStoredJson(outcome.summary) }),
    optimize: args.summary,
  };
  store.finishRun(id, {
    status: failed === undefined ? 'complete' : 'failed',
    ...(failed === undefined ? {} : { error: failed }),
    wallMs: args.wallMs,
    summary: toStoredJson(summary),
    ...(args.best === undefined ? {} : { metrics: args.best.metrics }),
    ...(outcome === undefined
      ? {}
      : { trades: outcome.trades, equity: { times: args.source.bars.time, values: outcome.equity } }),
    ...(args.studyId === undefined ? {} : { studyId: args.studyId }),
  });
}

/** Bootstrap samples for the walk-forward confidence intervals: enough for stable 95 % bounds. */
const BOOTSTRAP_SAMPLES = 2000;

/**
 * Robustness of the stitched out-of-sample result: PSR (vs 0) of its daily returns and stationary
 * block bootstrap 95 % intervals of the daily Sharpe, the maximum drawdown and the trades' profit
 * factor (src/robust; seeded, so a run is reproducible).
 */
export function walkForwardRobustness(
  equity: ArrayLike<number>,
  times: ArrayLike<number> | undefined,
  tradePnls: ArrayLike<number>,
  seed: number,
): WalkForwardRunSummary['walkforward']['robustness'] {
  const returns = times === undefined ? [] : dailyReturns(equity, times);
  const n = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const interval = (statistic: string, series: ArrayLike<number>, fn: (x: Float64Array) => number) => {
    const r = stationaryBootstrap(series, fn, { seed, samples: BOOTSTRAP_SAMPLES });
    return {
      statistic,
      estimate: n(r.estimate),
      lower: n(r.lower),
      upper: n(r.upper),
      confidence: r.confidence,
      standardError: n(r.standardError),
      blockLength: n(r.blockLength),
    };
  };
  return {
    psr: returns.length >= 2 ? n(probabilisticSharpe(returns, 0)) : null,
    bootstrap: [
      ...(returns.length >= 2
        ? [
            interval('Sharpe (per day)', returns, sharpeStatistic()),
            interval('Max drawdown (fraction)', returns, maxDrawdownStatistic),
          ]
        : []),
      ...(tradePnls.length >= 2
        ? [interval('Profit factor (trades)', tradePnls, profitFactorStatistic)]
        : []),
    ],
  };
}

/** The walk-forward windows as store rows (times UNIX ms; in/out-of-sample values and metrics). */
export function windowRows(
  result: WalkForwardResult,
  times: ArrayLike<number>,
  studyIdFor: (index: number) => number | undefined,
): WalkForwardWindowInput[] {
  const part = (t: Trial | undefined): JsonObject =>
    t === undefined
      ? {}
      : toStoredJson({ values: t.values, metrics: t.metrics, state: t.state, reason: t.reason ?? null });
  return result.windows.map((w) => {
    const studyId = studyIdFor(w.window.index);
    return {
      index: w.window.index,
      inSampleStart: times[w.window.train.from],
      inSampleEnd: times[w.window.train.to - 1],
      outOfSampleStart: times[w.window.test.from],
      outOfSampleEnd: times[w.window.test.to - 1],
      ...(studyId === undefined ? {} : { studyId }),
      params: toStoredJson(w.inSample?.params ?? {}),
      inSample: part(w.inSample),
      outOfSample: part(w.outOfSample),
    };
  });
}

/** Stitched out-of-sample metrics as stored JSON. */
export function storedMetrics(metrics: PerformanceMetrics | undefined): JsonObject | null {
  return metrics === undefined ? null : toStoredJson(metrics);
}
