/** Worker module of the optimiser benchmark: one MA-cross backtest per task on the shared feed. */
import { trialWorker } from '../../src/optimize/worker-kit.js';
import { maCrossBacktest } from './ma-cross.js';

export default trialWorker((feed, params, range) => {
  if (feed === undefined) throw new Error('the benchmark worker needs the shared feed');
  // Equity stays in the worker: posting 54k numbers per trial back would dominate the benchmark.
  const { metrics, returns } = maCrossBacktest(feed, params, range);
  return returns === undefined ? { metrics } : { metrics, returns };
});
