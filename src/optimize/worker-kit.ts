import { workerData } from 'node:worker_threads';
import type { TrialTask, TrialWorkerData } from './pool-evaluator.js';
import type { BarFeed } from './shared-feed.js';
import { fromShared } from './shared-feed.js';
import type { BarRange, ParamValues, TrialMetrics } from './types.js';

/**
 * The function a worker module wraps: one backtest over the feed. `curves` says whether the
 * equity curve and trades are wanted; when false they are dropped before posting anyway.
 */
export type TrialFunction = (
  feed: BarFeed | undefined,
  params: ParamValues,
  range: BarRange | undefined,
  context: unknown,
  curves: boolean,
) => TrialMetrics | Promise<TrialMetrics>;

/** Only what the study keeps: metrics and returns (as a Float64Array, which clones as one block). */
function withoutCurves(result: TrialMetrics): TrialMetrics {
  const { metrics, returns } = result;
  return returns === undefined ? { metrics } : { metrics, returns: Float64Array.from(returns) };
}

/**
 * Builds a worker module's default export from a trial function. On the first trial it reads the
 * thread's {@link TrialWorkerData} (sent once by the pool) and views the shared feed as columns —
 * six typed-array views over the shared memory, no copy — then calls `fn` per task. The views and
 * the context live in this closure, one per thread. Usage in a worker module:
 * `export default trialWorker((feed, params, range, context, curves) => …)`.
 */
export function trialWorker(fn: TrialFunction): (task: TrialTask) => Promise<TrialMetrics> {
  let setup: { readonly feed: BarFeed | undefined; readonly context: unknown } | undefined;
  return async (task) => {
    if (setup === undefined) {
      const data = (workerData ?? {}) as TrialWorkerData;
      setup = { feed: data.feed === undefined ? undefined : fromShared(data.feed), context: data.context };
    }
    const curves = task.curves === true;
    const result = await fn(setup.feed, task.params, task.range, setup.context, curves);
    return curves ? result : withoutCurves(result);
  };
}
