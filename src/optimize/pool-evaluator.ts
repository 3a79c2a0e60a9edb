import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SharedFeed } from './shared-feed.js';
import type { BarRange, EvaluateOptions, ParamValues, TrialEvaluator, TrialMetrics } from './types.js';

/**
 * What every pool worker receives once, when its thread starts (piscina's `workerData`): the
 * study's bars (a SharedArrayBuffer, shared by all threads, never copied) and the fixed context
 * (a compiled strategy's code, settings…). Trials then carry only their parameters.
 */
export interface TrialWorkerData {
  readonly feed?: SharedFeed;
  readonly context?: unknown;
}

/** The message a pool worker receives per trial: small, so posting it costs next to nothing. */
export interface TrialTask {
  readonly params: ParamValues;
  readonly range?: BarRange;
  /** Send the equity curve and trades back too (walk-forward's out-of-sample run); default no. */
  readonly curves?: boolean;
}

/** Options of {@link PoolEvaluator}. */
export interface PoolEvaluatorOptions {
  /**
   * The worker module, as a path or file URL. Its default export takes a {@link TrialTask} and
   * returns (or resolves to) {@link TrialMetrics}; build it with `trialWorker` (`worker-kit.ts`).
   */
  readonly worker: string | URL;
  /** Worker threads; default: the machine's available parallelism. */
  readonly workers?: number;
  readonly feed?: SharedFeed;
  readonly context?: unknown;
}

/**
 * Trials queued per worker thread. With 2, a thread finds its next trial already posted when it
 * finishes one and starts it at once, instead of idling until the main thread (which may be
 * descheduled on a busy machine) hands out the next; the imbalance this allows at the end of a
 * batch is at most one trial.
 */
const TASKS_PER_WORKER = 2;

/**
 * A {@link TrialEvaluator} that runs each trial on a piscina worker pool. The feed and the context
 * go to every thread once at start-up ({@link TrialWorkerData}); each trial posts its parameters
 * and gets back metrics and the per-period returns — equity curves and trades only when asked
 * (`curves`), since the study never needs them. The pool is started at construction and stopped
 * by {@link close}.
 */
export class PoolEvaluator implements TrialEvaluator {
  private readonly pool: Piscina<TrialTask, TrialMetrics>;
  readonly concurrency: number;

  /** Starts `workers` threads on the worker module. */
  constructor(options: PoolEvaluatorOptions) {
    const workers = Math.max(1, options.workers ?? availableParallelism());
    this.concurrency = workers;
    const filename = typeof options.worker === 'string' ? options.worker : options.worker.href;
    const workerData: TrialWorkerData = {
      ...(options.feed === undefined ? {} : { feed: options.feed }),
      ...(options.context === undefined ? {} : { context: options.context }),
    };
    this.pool = new Piscina<TrialTask, TrialMetrics>({
      filename,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      idleTimeout: 60_000,
      workerData,
    });
  }

  /** Queues the trial on the pool. */
  evaluate(params: ParamValues, range?: BarRange, options?: EvaluateOptions): Promise<TrialMetrics> {
    const task: TrialTask = {
      params,
      ...(range === undefined ? {} : { range }),
      ...(options?.curves === true ? { curves: true } : {}),
    };
    return this.pool.run(task);
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
