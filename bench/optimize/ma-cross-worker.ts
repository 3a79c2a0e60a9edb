/** Worker module of the optimiser benchmark: one hand-written MA-cross backtest per task on the shared feed. */
import { trialWorker } from '../../src/optimize/worker-kit.js';
import { maCrossBacktest } from './ma-cross.js';

// The kit posts back metrics and returns only: the equity curve stays in the worker.
export default trialWorker((feed, params, range) => {
  if (feed === undefined) throw new Error('the benchmark worker needs the shared feed');
  return maCrossBacktest(feed, params, range);
});
