import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Deps from '../../src/cli/commands/optimize-deps.js';
import { optimizeDeps } from '../../src/cli/commands/optimize-deps.js';
import type { ParamValues, TrialEvaluator } from '../../src/optimize/index.js';
import { transpileForWorkers } from '../optimize/worker-build.js';

// Node 20 worker threads cannot load TypeScript, so the pool path only runs from JavaScript: this
// test transpiles src/ into a temporary tree (its node_modules a link to the repository's, so the
// dependencies resolve), loads the CLI wiring from there and checks that the worker pool's trials
// equal the in-process ones.
const repo = join(import.meta.dirname, '..', '..');
const sources = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => join('src', f));
const root = transpileForWorkers(sources);
symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const PINE = 'corpus/v5/ma-cross.pine';
const request = { file: PINE, source: readFileSync(PINE, 'utf8'), data: 'data/eth-usdt-15m.csv' };

async function evaluatorFrom(make: typeof optimizeDeps, workers: number): Promise<TrialEvaluator> {
  const prepared = await make({ progressStream: null }).prepare(request);
  return prepared.target!.createEvaluator({ workers, settings: {} });
}

describe('optimize with a worker pool', () => {
  it('runs trials on 2 worker threads with the same metrics as in process', async () => {
    const built = (await import(
      pathToFileURL(join(root, 'src/cli/commands/optimize-deps.js')).href
    )) as typeof Deps;
    const pool = await evaluatorFrom(built.optimizeDeps, 2);
    const local = await evaluatorFrom(optimizeDeps, 1);
    expect(pool.concurrency).toBe(2);
    expect(local.concurrency).toBe(1);
    const params: ParamValues[] = [5, 10, 15].map((fastLength) => ({
      fastLength,
      slowLength: 30,
      maType: 'SMA',
      stopPct: 3,
    }));
    const range = { warmupFrom: 1000, from: 2000, to: 8000 };
    try {
      const fromPool = await Promise.all(params.map((p) => Promise.resolve(pool.evaluate(p, range))));
      for (const [i, p] of params.entries()) {
        const expected = await local.evaluate(p, range);
        expect(fromPool[i].metrics).toEqual(expected.metrics);
        expect(Array.from(fromPool[i].returns ?? [])).toEqual(Array.from(expected.returns ?? []));
      }
      // Different inputs really reach the strategy: the three trials differ.
      expect(new Set(fromPool.map((m) => m.metrics.net_profit)).size).toBe(3);
    } finally {
      await pool.close?.();
    }
  });
});
