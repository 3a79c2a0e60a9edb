import type { TrialTask } from './pool-evaluator.js';
import type { BarFeed } from './shared-feed.js';
import { fromShared } from './shared-feed.js';
import type { BarRange, ParamValues, TrialMetrics } from './types.js';

/** The function a worker module wraps: one backtest over the feed. */
export type TrialFunction = (
  feed: BarFeed | undefined,
  params: ParamValues,
  range: BarRange | undefined,
  context: unknown,
) => TrialMetrics | Promise<TrialMetrics>;

/**
 * Builds a worker module's default export from a trial function: it views the task's shared feed
 * as columns (six typed-array views over the shared memory, no copy) and calls `fn`. Usage in a
 * worker module: `export default trialWorker((feed, params, range) => …)`.
 */
export function trialWorker(fn: TrialFunction): (task: TrialTask) => TrialMetrics | Promise<TrialMetrics> {
  return (task) =>
    fn(task.feed === undefined ? undefined : fromShared(task.feed), task.params, task.range, task.context);
}
