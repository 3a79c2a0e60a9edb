import type { Diagnostic } from '../../diagnostics/index.js';
import type { Constraint, Objective } from '../objective/objectives.js';
import type { Sampler } from '../sampler.js';
import type { SearchSpace } from '../space.js';
import type { StudyProgress } from '../study.js';
import { runStudy, scoreTrial } from '../study.js';
import type { StudyStore } from '../store.js';
import type { ParamValue, Trial, TrialEvaluator } from '../types.js';
import type { WalkForwardWindow } from './windows.js';

/** Everything {@link runWalkForward} needs. */
export interface WalkForwardOptions {
  readonly windows: readonly WalkForwardWindow[];
  readonly space: SearchSpace;
  readonly objectives: readonly Objective[];
  readonly constraints?: readonly Constraint[];
  readonly evaluator: TrialEvaluator;
  /** A fresh sampler per window (seed it from the window index for reproducible runs). */
  readonly makeSampler: (window: WalkForwardWindow) => Sampler;
  readonly samplerName: string;
  readonly seed: number;
  readonly trials: number;
  readonly batchSize: number;
  /** Metric whose per-bar rate defines walk-forward efficiency. Default `net_profit_pct`. */
  readonly efficiencyMetric?: string;
  /** A store per window (to resume long walk-forwards); default: in memory. */
  readonly storeFor?: (window: WalkForwardWindow) => StudyStore | undefined;
  readonly onProgress?: (window: WalkForwardWindow, progress: StudyProgress) => void;
  readonly onWindow?: (result: WindowResult) => void;
  readonly signal?: AbortSignal;
}

/** One window's outcome. */
export interface WindowResult {
  readonly window: WalkForwardWindow;
  /** The in-sample study's best trial (first objective), undefined when nothing was feasible. */
  readonly inSample: Trial | undefined;
  /** The best parameters run out of sample, scored with the same objectives and constraints. */
  readonly outOfSample: Trial | undefined;
  readonly equity?: ArrayLike<number>;
  readonly trades?: readonly unknown[];
  /** (OOS metric / test bars) / (IS metric / train bars) for the efficiency metric. */
  readonly efficiency: number;
  readonly trialsRun: number;
}

/** How much a parameter's chosen value moves between windows. */
export type ParamStability =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly values: readonly number[];
      readonly mean: number;
      readonly std: number;
      /** std / |mean|: 0 = the same value in every window. */
      readonly cv: number;
    }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      readonly values: readonly ParamValue[];
      readonly mode: ParamValue;
      /** Share of windows choosing the mode. */
      readonly modeShare: number;
    };

/** The walk-forward report. */
export interface WalkForwardResult {
  readonly windows: readonly WindowResult[];
  /** Out-of-sample equity curves chained: each window rescaled to start where the previous ended. */
  readonly stitchedEquity: number[];
  /** Out-of-sample trades of every window, in window order. */
  readonly stitchedTrades: { readonly window: number; readonly trade: unknown }[];
  /**
   * Walk-forward efficiency (Pardo): the out-of-sample per-bar rate of the efficiency metric over
   * the in-sample per-bar rate, pooled over windows: `Σ oos / Σ testBars ÷ Σ is / Σ trainBars`.
   */
  readonly efficiency: number;
  readonly stability: readonly ParamStability[];
  readonly interrupted: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Walk-forward analysis: per window, a study optimises on the training bars (each trial measured on
 * `[train.from, train.to)`), then the best parameters run once on the test bars with warm-up from
 * `window.warmupFrom` (so indicators carry the training history instead of restarting), scored with
 * the same objectives. Out-of-sample equity curves are stitched, trades concatenated, efficiency
 * and the stability of the chosen parameters across windows computed.
 */
export async function runWalkForward(options: WalkForwardOptions): Promise<WalkForwardResult> {
  const results: WindowResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const metric = options.efficiencyMetric ?? 'net_profit_pct';
  let interrupted = false;
  for (const window of options.windows) {
    const study = await runStudy({
      name: `window-${window.index}`,
      space: options.space,
      sampler: options.makeSampler(window),
      samplerName: options.samplerName,
      seed: options.seed,
      objectives: options.objectives,
      ...(options.constraints === undefined ? {} : { constraints: options.constraints }),
      evaluator: options.evaluator,
      trials: options.trials,
      batchSize: options.batchSize,
      range: { warmupFrom: window.train.from, from: window.train.from, to: window.train.to },
      ...(options.storeFor?.(window) === undefined ? {} : { store: options.storeFor(window)! }),
      ...(options.onProgress === undefined
        ? {}
        : { onProgress: (p: StudyProgress) => options.onProgress?.(window, p) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    diagnostics.push(...study.diagnostics);
    if (study.interrupted) {
      interrupted = true;
      break;
    }
    const inSample: Trial | undefined = study.best ?? (study.pareto.length > 0 ? study.pareto[0] : undefined);
    let outOfSample: Trial | undefined;
    let equity: ArrayLike<number> | undefined;
    let trades: readonly unknown[] | undefined;
    if (inSample !== undefined) {
      const head = { number: 0, batch: 0, batchSize: 1, params: inSample.params };
      const range = { warmupFrom: window.warmupFrom, from: window.test.from, to: window.test.to };
      try {
        const metrics = await options.evaluator.evaluate(inSample.params, range, { curves: true });
        outOfSample = scoreTrial(head, { metrics }, options.objectives, options.constraints ?? []);
        equity = metrics.equity;
        trades = metrics.trades;
      } catch (error) {
        outOfSample = scoreTrial(
          head,
          { error: error instanceof Error ? error.message : String(error) },
          options.objectives,
          options.constraints ?? [],
        );
      }
    }
    const trainBars = window.train.to - window.train.from;
    const testBars = window.test.to - window.test.from;
    const isRate = metricOf(inSample, metric) / trainBars;
    const oosRate = metricOf(outOfSample, metric) / testBars;
    const result: WindowResult = {
      window,
      inSample,
      outOfSample,
      ...(equity === undefined ? {} : { equity }),
      ...(trades === undefined ? {} : { trades }),
      efficiency: oosRate / isRate,
      trialsRun: study.trials.length,
    };
    results.push(result);
    options.onWindow?.(result);
  }
  return {
    windows: results,
    stitchedEquity: stitchEquity(results.map((r) => r.equity)),
    stitchedTrades: results.flatMap((r) =>
      (r.trades ?? []).map((trade) => ({ window: r.window.index, trade })),
    ),
    efficiency: pooledEfficiency(results, metric),
    stability: parameterStability(
      options.space,
      results.map((r) => r.inSample),
    ),
    interrupted,
    diagnostics,
  };
}

/** Chains equity curves: each curve is scaled so its first value equals the previous curve's last. */
export function stitchEquity(curves: readonly (ArrayLike<number> | undefined)[]): number[] {
  const out: number[] = [];
  for (const curve of curves) {
    if (curve === undefined || curve.length === 0) continue;
    if (out.length === 0) {
      for (let i = 0; i < curve.length; i++) out.push(curve[i]);
      continue;
    }
    // Growth relative to the curve's own start, so each joint repeats the previous value exactly.
    const start = out[out.length - 1];
    for (let i = 0; i < curve.length; i++) out.push(start * (curve[i] / curve[0]));
  }
  return out;
}

function metricOf(trial: Trial | undefined, metric: string): number {
  return trial !== undefined && metric in trial.metrics ? trial.metrics[metric] : NaN;
}

function pooledEfficiency(results: readonly WindowResult[], metric: string): number {
  let is = 0;
  let oos = 0;
  let trainBars = 0;
  let testBars = 0;
  for (const r of results) {
    const a = metricOf(r.inSample, metric);
    const b = metricOf(r.outOfSample, metric);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    is += a;
    oos += b;
    trainBars += r.window.train.to - r.window.train.from;
    testBars += r.window.test.to - r.window.test.from;
  }
  if (trainBars === 0 || testBars === 0) return NaN;
  return oos / testBars / (is / trainBars);
}

/**
 * Stability of each searched parameter across windows' best trials: numeric — mean, sample
 * standard deviation (ddof 1) and coefficient of variation; categorical — the mode and its share.
 */
export function parameterStability(
  space: SearchSpace,
  best: readonly (Trial | undefined)[],
): ParamStability[] {
  const chosen = best.filter((t): t is Trial => t !== undefined);
  return space.dimensions.map((d) => {
    if (d.kind === 'numeric') {
      const values = chosen.map((t) => t.params[d.name] as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std =
        values.length > 1
          ? Math.sqrt(values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (values.length - 1))
          : NaN;
      return { name: d.name, kind: 'numeric', values, mean, std, cv: std / Math.abs(mean) };
    }
    const values = chosen.map((t) => t.params[d.name]);
    const counts = new Map<ParamValue, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let mode: ParamValue = d.choices[0];
    let top = 0;
    for (const [v, c] of counts) {
      if (c > top) {
        top = c;
        mode = v;
      }
    }
    return {
      name: d.name,
      kind: 'categorical',
      values,
      mode,
      modeShare: values.length > 0 ? top / values.length : NaN,
    };
  });
}
