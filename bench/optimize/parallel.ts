/**
 * Parallel efficiency of a grid study on the worker pool: the same grid with 1 and with 2 worker
 * threads, `t1 / (2·t2)`, repeated (pairs interleaved, so a burst of load on the shared machine
 * hits both sides) and reported as best and median.
 */
import { createSampler, PoolEvaluator, runStudy, toShared } from '../../src/optimize/index.js';
import type { BarFeed, SearchSpace, StudyResult } from '../../src/optimize/index.js';
import { median } from '../lib/stats.js';
import { netProfitObjective } from './problem.js';

/** Which worker module runs the trials and what it is given once per thread. */
export interface GridWorkload {
  readonly space: SearchSpace;
  readonly worker: URL;
  readonly context?: unknown;
}

/** One grid run on a pool of `workers` threads: seconds and the study. */
export async function timedGrid(
  feed: BarFeed,
  workload: GridWorkload,
  workers: number,
  trials: number,
): Promise<{ seconds: number; cpuSeconds: number; mainBusy: number; study: StudyResult }> {
  const evaluator = new PoolEvaluator({
    worker: workload.worker,
    workers,
    feed: toShared(feed),
    ...(workload.context === undefined ? {} : { context: workload.context }),
  });
  try {
    // Warm every thread (module load, strategy transpile, JIT) outside the timing.
    const first = createSampler('grid', workload.space, { seed: 0, directions: ['maximize'] }).sampler!.ask(
      workers * 2,
    );
    await Promise.all(first.map((p) => evaluator.evaluate(p)));
    const t0 = process.hrtime.bigint();
    const loop0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const study = await runStudy({
      space: workload.space,
      sampler: createSampler('grid', workload.space, { seed: 0, directions: ['maximize'] }).sampler!,
      samplerName: 'grid',
      seed: 0,
      objectives: [netProfitObjective()],
      evaluator,
      trials,
      batchSize: 100,
    });
    // Share of the run the main thread's event loop was busy (scoring, storing, posting tasks):
    // on a 2-core machine with 2 workers it competes with them, so it should be near 0.
    const mainBusy = performance.eventLoopUtilization(loop0).utilization;
    // CPU time of every thread of the process (workers, main, GC): what the grid cost in work,
    // whatever share of the cores other processes left it.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds, mainBusy, study };
  } finally {
    await evaluator.close();
  }
}

/** Result of {@link parallelEfficiency}. */
export interface EfficiencyResult {
  readonly seconds1: readonly number[];
  readonly seconds2: readonly number[];
  /** Process CPU seconds of each run (all threads). */
  readonly cpu1: readonly number[];
  readonly cpu2: readonly number[];
  /** Main-thread event-loop utilisation of each 2-worker run. */
  readonly mainBusy2: readonly number[];
  /** Per repetition `t1 / (2·t2)`. */
  readonly efficiencies: readonly number[];
  readonly best: number;
  readonly median: number;
  /** Every run's trial table (number, params, values) equals the first 1-worker run's. */
  readonly identical: boolean;
  /** The 1-worker study of the first repetition (the grid's trial table). */
  readonly study: StudyResult;
}

/** `repeats` interleaved pairs of 1-worker and 2-worker grid runs. */
export async function parallelEfficiency(
  feed: BarFeed,
  workload: GridWorkload,
  repeats: number,
  trials = 1000,
): Promise<EfficiencyResult> {
  const table = (s: StudyResult): string =>
    JSON.stringify(s.trials.map((t) => [t.number, t.params, t.values]));
  const seconds1: number[] = [];
  const seconds2: number[] = [];
  const mainBusy2: number[] = [];
  const cpu1: number[] = [];
  const cpu2: number[] = [];
  let first: StudyResult | undefined;
  let identical = true;
  for (let r = 0; r < repeats; r++) {
    const one = await timedGrid(feed, workload, 1, trials);
    const two = await timedGrid(feed, workload, 2, trials);
    first ??= one.study;
    identical &&= table(one.study) === table(first) && table(two.study) === table(first);
    seconds1.push(one.seconds);
    seconds2.push(two.seconds);
    mainBusy2.push(two.mainBusy);
    cpu1.push(one.cpuSeconds);
    cpu2.push(two.cpuSeconds);
  }
  const efficiencies = seconds1.map((t1, i) => t1 / (2 * seconds2[i]));
  return {
    seconds1,
    seconds2,
    mainBusy2,
    cpu1,
    cpu2,
    efficiencies,
    best: Math.max(...efficiencies),
    median: median(efficiencies),
    identical,
    study: first!,
  };
}
