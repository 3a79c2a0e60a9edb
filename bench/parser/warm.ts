import { median, msSince, percentile } from '../lib/stats.js';
import type { PineFile } from './corpus.js';

/** Work done on one file; returns something derived from the result so it cannot be optimised away. */
export type FileWork = (file: PineFile) => number;

/** Warm timings of one kind of work over a corpus. */
export interface WarmTiming {
  /** Per file, the median over the timed passes, in ms. */
  readonly perFileMs: readonly number[];
  /**
   * The least CPU time (user + system, all threads of the process) of a timed pass, in ms: unlike wall
   * time it does not grow when other processes take the cores, and it still counts GC threads.
   */
  readonly passCpuMs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Lines over the least CPU time of a pass (see `passCpuMs`). */
  readonly linesPerSecond: number;
}

/**
 * Times several kinds of work over the same files in the same process: untimed warm-up passes of
 * each (at least two, and at least `warmupMs` of work per kind, so the JIT has settled), then
 * `passes` timed passes in which the kinds alternate, so that machine noise hits them alike.
 * Each file is timed on its own (hrtime), so per-file medians and p90 come from the same passes.
 */
export function timeWarm(
  files: readonly PineFile[],
  kinds: Readonly<Record<string, FileWork>>,
  passes: number,
  warmupMs: number,
): { timings: Record<string, WarmTiming>; sink: number } {
  const names = Object.keys(kinds);
  let sink = 0;
  for (const name of names) {
    const start = process.hrtime.bigint();
    for (let pass = 0; pass < 2 || msSince(start) < warmupMs; pass++)
      for (const f of files) sink += kinds[name](f);
  }
  const samples: Record<string, number[][]> = {};
  const cpu: Record<string, number[]> = {};
  for (const name of names) {
    samples[name] = files.map(() => []);
    cpu[name] = [];
  }
  for (let pass = 0; pass < passes; pass++) {
    for (const name of names) {
      const work = kinds[name];
      const perFile = samples[name];
      const cpuStart = process.cpuUsage();
      for (let i = 0; i < files.length; i++) {
        const start = process.hrtime.bigint();
        sink += work(files[i]);
        perFile[i].push(msSince(start));
      }
      const used = process.cpuUsage(cpuStart);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const lines = files.reduce((n, f) => n + f.lines, 0);
  const timings: Record<string, WarmTiming> = {};
  for (const name of names) {
    const perFile = samples[name];
    const perFileMs = perFile.map(median);
    const passCpuMs = Math.min(...cpu[name]);
    timings[name] = {
      perFileMs,
      passCpuMs,
      medianMs: median(perFileMs),
      p90Ms: percentile(perFileMs, 90),
      linesPerSecond: lines / (passCpuMs / 1000),
    };
  }
  return { timings, sink };
}
