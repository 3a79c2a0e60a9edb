/**
 * The optimiser's vocabulary: parameter values, the evaluator contract (a trial is any function
 * from parameters to metrics) and the trial record a study keeps.
 */

/** One input value: numbers for int/float inputs, strings for string/source inputs, booleans. */
export type ParamValue = number | string | boolean;

/** Values of every input of the strategy, by input name (fixed inputs included). */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/**
 * Bars a trial runs on, as indexes into the study's bar feed: the strategy runs from `warmupFrom`
 * (so indicators are warm) and is measured over `[from, to)` only. Omitted: the whole feed.
 */
export interface BarRange {
  readonly warmupFrom: number;
  readonly from: number;
  readonly to: number;
}

/**
 * What one backtest reports. `metrics` are plain named numbers (`net_profit_pct`, `sharpe`,
 * `trades`…; NaN where undefined). `returns` is the per-period return series (daily, say) used by
 * DSR and PBO; every trial of a study must use the same periods. `equity` and `trades` are only
 * needed by walk-forward's stitched out-of-sample curve and are never persisted.
 */
export interface TrialMetrics {
  readonly metrics: Readonly<Record<string, number>>;
  readonly returns?: ArrayLike<number>;
  readonly equity?: ArrayLike<number>;
  readonly trades?: readonly unknown[];
}

/** Per-evaluation wishes. */
export interface EvaluateOptions {
  /**
   * The equity curve and trades are wanted (walk-forward's out-of-sample run). Otherwise an
   * evaluator may leave them out: a worker pool then never posts them between threads.
   */
  readonly curves?: boolean;
}

/**
 * Runs one trial. Implementations: an in-process function ({@link FunctionEvaluator}) or a worker
 * pool ({@link PoolEvaluator}). Throwing (or rejecting) marks the trial failed with the message as
 * the reason; it never stops the study.
 */
export interface TrialEvaluator {
  evaluate(
    params: ParamValues,
    range?: BarRange,
    options?: EvaluateOptions,
  ): Promise<TrialMetrics> | TrialMetrics;
  /** How many trials it runs at once (1 for in-process evaluators). */
  readonly concurrency?: number;
  close?(): Promise<void>;
}

/** `complete`: objectives computed (constraints may still be violated); `failed`: see `reason`. */
export type TrialState = 'complete' | 'failed';

/** One evaluated trial as the study records, persists and tells the sampler. */
export interface Trial {
  /** 0-based, in the order the sampler proposed it. */
  readonly number: number;
  /** The batch the sampler proposed it in, and that batch's size (needed to replay on resume). */
  readonly batch: number;
  readonly batchSize: number;
  readonly params: ParamValues;
  readonly state: TrialState;
  /** One value per objective, in the objective's own direction; NaN when failed. */
  readonly values: readonly number[];
  /** Per constraint: how far it is violated (0 = satisfied). */
  readonly violations: readonly number[];
  /** True when complete and every violation is 0. */
  readonly feasible: boolean;
  readonly reason?: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly returns?: readonly number[];
}

type TrialFn = (
  params: ParamValues,
  range?: BarRange,
  options?: EvaluateOptions,
) => Promise<TrialMetrics> | TrialMetrics;

/** An evaluator over an in-process function; trials run one after another. */
export class FunctionEvaluator implements TrialEvaluator {
  private readonly fn: TrialFn;
  readonly concurrency = 1;

  /** Wraps `fn`, which may be sync or async. */
  constructor(fn: TrialFn) {
    this.fn = fn;
  }

  /** Runs the wrapped function. */
  evaluate(
    params: ParamValues,
    range?: BarRange,
    options?: EvaluateOptions,
  ): Promise<TrialMetrics> | TrialMetrics {
    return this.fn(params, range, options);
  }
}
