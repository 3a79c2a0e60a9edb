import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSampler,
  FunctionEvaluator,
  fromShared,
  PoolEvaluator,
  runStudy,
  toShared,
} from '../../src/optimize/index.js';
import type { BarFeed, TrialEvaluator } from '../../src/optimize/index.js';
import { feedTrial } from './fixtures/feed-worker.js';
import { objective, space } from './helpers.js';
import { transpileForWorkers } from './worker-build.js';

const root = transpileForWorkers([
  'src/optimize/shared-feed.ts',
  'src/optimize/worker-kit.ts',
  'test/optimize/fixtures/feed-worker.ts',
]);
const worker = pathToFileURL(join(root, 'test/optimize/fixtures/feed-worker.js'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A deterministic wavy price series. */
function syntheticFeed(n: number): BarFeed {
  const col = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));
  const close = col((i) => 100 + 10 * Math.sin(i / 37) + 3 * Math.sin(i / 5.3) + i * 0.01);
  return {
    length: n,
    time: col((i) => 1_700_000_000_000 + i * 900_000),
    open: close,
    high: col((i) => close[i] + 1),
    low: col((i) => close[i] - 1),
    close,
    volume: col(() => 1),
  };
}

const s = space([
  { name: 'len', type: 'int', default: 10, minval: 2, maxval: 60 },
  { name: 'k', type: 'float', default: 1, minval: 0.1, maxval: 5 },
]);

async function run(evaluator: TrialEvaluator): Promise<unknown[]> {
  try {
    const r = await runStudy({
      space: s,
      sampler: createSampler('tpe', s, { seed: 42, directions: ['maximize'] }).sampler!,
      samplerName: 'tpe',
      seed: 42,
      objectives: [objective('max: score')],
      evaluator,
      trials: 32,
      batchSize: 8,
      range: { warmupFrom: 100, from: 200, to: 1800 },
    });
    return r.trials.map((t) => [t.number, t.params, t.values, t.metrics]);
  } finally {
    await evaluator.close?.();
  }
}

describe('shared feed', () => {
  it('round-trips the columns through one SharedArrayBuffer', () => {
    const feed = syntheticFeed(50);
    const shared = toShared(feed);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.buffer.byteLength).toBe(50 * 6 * 8);
    const back = fromShared(shared);
    expect(Array.from(back.close)).toEqual(Array.from(feed.close));
    expect(Array.from(back.time)).toEqual(Array.from(feed.time));
    expect(back.length).toBe(50);
  });
});

describe('worker pool', () => {
  it('gives identical trial tables with 1 and 2 workers and in process', async () => {
    const feed = syntheticFeed(2000);
    const shared = toShared(feed);
    const one = await run(new PoolEvaluator({ worker, workers: 1, feed: shared }));
    const two = await run(new PoolEvaluator({ worker, workers: 2, feed: shared }));
    const inline = await run(new FunctionEvaluator((p, range) => feedTrial(fromShared(shared), p, range)));
    expect(one).toHaveLength(32);
    // Every trial read the bars from shared memory, in the workers as in process.
    expect(
      one.every((row) => (row as [number, unknown, unknown, Record<string, number>])[3].shared === 1),
    ).toBe(true);
    expect(two).toEqual(one);
    expect(inline).toEqual(one);
  });

  it('posts equity curves back only when asked', async () => {
    const feed = syntheticFeed(500);
    const evaluator = new PoolEvaluator({ worker, workers: 1, feed: toShared(feed) });
    try {
      const range = { warmupFrom: 0, from: 100, to: 400 };
      const lean = await evaluator.evaluate({ len: 10, k: 1 }, range);
      const full = await evaluator.evaluate({ len: 10, k: 1 }, range, { curves: true });
      expect(lean.equity).toBeUndefined();
      expect(full.equity).toHaveLength(300);
      // The curve's last value is the trial's score (the fixture accumulates it bar by bar).
      expect(full.equity![299]).toBe(full.metrics.score);
      expect(lean.metrics).toEqual(full.metrics);
    } finally {
      await evaluator.close();
    }
  });

  it('records a worker error as a failed trial', async () => {
    const evaluator = new PoolEvaluator({ worker, workers: 1 }); // no feed: the worker throws
    try {
      const r = await runStudy({
        space: s,
        sampler: createSampler('random', s, { seed: 1, directions: ['maximize'] }).sampler!,
        samplerName: 'random',
        seed: 1,
        objectives: [objective('score')],
        evaluator,
        trials: 2,
        batchSize: 2,
      });
      expect(r.trials.map((t) => [t.state, t.reason])).toEqual([
        ['failed', 'evaluation failed: no feed'],
        ['failed', 'evaluation failed: no feed'],
      ]);
      expect(r.diagnostics[0].code).toBe('PP7041');
    } finally {
      await evaluator.close();
    }
  });
});
