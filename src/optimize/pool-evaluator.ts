import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SharedFeed } from './shared-feed.js';
import type { BarRange, ParamValues, TrialEvaluator, TrialMetrics } from './types.js';

/** The message a pool worker receives per trial. */
export interface TrialTask {
  readonly params: ParamValues;
  readonly range?: BarRange;
  /** The study's bars, shared (not copied) with every worker. */
  readonly feed?: SharedFeed;
  /** Anything the worker module needs besides the feed (a compiled strategy's path, settings…). */
  readonly context?: unknown;
}

/** Options of {@link PoolEvaluator}. */
export interface PoolEvaluatorOptions {
  /**
   * The worker module, as a path or file URL. Its default export takes a {@link TrialTask} and
   * returns (or resolves to) {@link TrialMetrics}; see `trialWorker` in `worker-kit.ts`.
   */
  readonly worker: string | URL;
  /** Worker threads; default: the machine's available parallelism. */
  readonly workers?: number;
  readonly feed?: SharedFeed;
  readonly context?: unknown;
}

/**
 * A {@link TrialEvaluator} that runs each trial on a piscina worker pool. Every trial posts its
 * params with the shared feed handle (the SharedArrayBuffer is shared, not copied), so workers
 * need no set-up message. The pool is started at construction and stopped by {@link close}.
 */
export class PoolEvaluator implements TrialEvaluator {
  private readonly pool: Piscina<TrialTask, TrialMetrics>;
  private readonly feed: SharedFeed | undefined;
  private readonly context: unknown;
  readonly concurrency: number;

  /** Starts `workers` threads on the worker module. */
  constructor(options: PoolEvaluatorOptions) {
    const workers = Math.max(1, options.workers ?? availableParallelism());
    this.concurrency = workers;
    this.feed = options.feed;
    this.context = options.context;
    const filename = typeof options.worker === 'string' ? options.worker : options.worker.href;
    this.pool = new Piscina<TrialTask, TrialMetrics>({
      filename,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
    });
  }

  /** Queues the trial on the pool. */
  evaluate(params: ParamValues, range?: BarRange): Promise<TrialMetrics> {
    const task: TrialTask = {
      params,
      ...(range === undefined ? {} : { range }),
      ...(this.feed === undefined ? {} : { feed: this.feed }),
      ...(this.context === undefined ? {} : { context: this.context }),
    };
    return this.pool.run(task);
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
