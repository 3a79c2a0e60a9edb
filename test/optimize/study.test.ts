import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSampler,
  FunctionEvaluator,
  JsonlStudyStore,
  MemoryStudyStore,
  parseConstraint,
  runStudy,
} from '../../src/optimize/index.js';
import type { ParamValues, StudyOptions, Trial, TrialMetrics } from '../../src/optimize/index.js';
import { objective, space } from './helpers.js';

const s = space([
  { name: 'x', type: 'float', default: 0, minval: -4, maxval: 4 },
  { name: 'n', type: 'int', default: 5, minval: 1, maxval: 20 },
]);

function metricsOf(p: ParamValues): TrialMetrics {
  const x = p.x as number;
  const n = p.n as number;
  return { metrics: { f: (x - 1) ** 2 + (n - 7) ** 2 / 10, trades: n * 3 } };
}

function options(overrides: Partial<StudyOptions> = {}): StudyOptions {
  const seed = overrides.seed ?? 5;
  return {
    space: s,
    sampler: createSampler('tpe', s, { seed, directions: ['minimize'] }).sampler!,
    samplerName: 'tpe',
    seed,
    objectives: [objective('min: f')],
    evaluator: new FunctionEvaluator(metricsOf),
    trials: 40,
    batchSize: 4,
    ...overrides,
  };
}

const table = (trials: readonly Trial[]): unknown[] =>
  trials.map((t) => [t.number, t.batch, t.params, t.values, t.state]);

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('study', () => {
  it('records failed and NaN trials with reasons and flags constraint violations', async () => {
    const evaluator = new FunctionEvaluator((p) => {
      const n = p.n as number;
      if (n === 3) throw new Error('broker rejected the order');
      return { metrics: { f: n === 4 ? NaN : n, trades: n * 3 } };
    });
    const grid = space([{ name: 'n', type: 'int', default: 1, minval: 1, maxval: 12 }]);
    const r = await runStudy({
      space: grid,
      sampler: createSampler('grid', grid, { seed: 0, directions: ['minimize'] }).sampler!,
      samplerName: 'grid',
      seed: 0,
      objectives: [objective('min: f'), objective('max: trades')],
      constraints: [parseConstraint('trades >= 15').constraint!],
      evaluator,
      trials: 100,
      batchSize: 5,
    });
    expect(r.trials).toHaveLength(12);
    expect(r.trials[2]).toMatchObject({
      state: 'failed',
      feasible: false,
      reason: 'evaluation failed: broker rejected the order',
    });
    expect(r.trials[3]).toMatchObject({ state: 'failed', reason: "objective 'min: f' is NaN" });
    expect(r.trials[0]).toMatchObject({ state: 'complete', feasible: false, violations: [12] });
    expect(r.trials[4]).toMatchObject({ state: 'complete', feasible: true, violations: [0] });
    // Two objectives that conflict (small f = small n, many trades = large n): every feasible trial is on the front.
    expect(r.pareto.map((t) => t.params.n)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.best).toBeUndefined();
  });

  it('gives the same trials with any batch order of completion (sync vs async evaluator)', async () => {
    const a = await runStudy(options());
    const b = await runStudy(
      options({
        evaluator: {
          concurrency: 4,
          // Later trials of a batch finish first.
          evaluate: (p) =>
            new Promise((resolve) =>
              setTimeout(
                () => {
                  resolve(metricsOf(p));
                },
                20 - (p.n as number),
              ),
            ),
        },
      }),
    );
    expect(table(b.trials)).toEqual(table(a.trials));
  });

  it('resumes after an interruption with the same final table and no trial evaluated twice', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pp-study-'));
    const path = join(dir, 'study.jsonl');
    const reference = await runStudy(options({ store: new MemoryStudyStore() }));

    const controller = new AbortController();
    let calls = 0;
    const interrupted = await runStudy(
      options({
        store: new JsonlStudyStore(path),
        signal: controller.signal,
        evaluator: new FunctionEvaluator((p) => {
          if (++calls === 14) controller.abort(); // stop in the middle of batch 3 (trials 12–15)
          return metricsOf(p);
        }),
      }),
    );
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.trials).toHaveLength(14);
    // A crash while writing leaves a torn line: it is skipped with a warning.
    appendFileSync(path, '{"type":"trial","trial":{"numb');

    const seen: string[] = [];
    const store = new JsonlStudyStore(path);
    const resumed = await runStudy(
      options({
        store,
        evaluator: new FunctionEvaluator((p) => {
          seen.push(JSON.stringify(p));
          return metricsOf(p);
        }),
      }),
    );
    expect(store.diagnostics.map((d) => d.code)).toEqual(['PP7030']);
    expect(resumed.resumed).toBe(14);
    expect(resumed.evaluated).toBe(26);
    expect(seen).toHaveLength(26);
    expect(table(resumed.trials)).toEqual(table(reference.trials));
    const evaluatedNumbers = resumed.trials
      .filter((t) => seen.includes(JSON.stringify(t.params)))
      .map((t) => t.number);
    expect(evaluatedNumbers[0]).toBe(14);
    // The file now holds every trial once (plus the torn line).
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"type":"trial","trial":{"number"'));
    expect(lines).toHaveLength(40);
  });

  it('refuses to resume a study with other settings', async () => {
    const store = new MemoryStudyStore();
    await runStudy(options({ store, trials: 8 }));
    const r = await runStudy(
      options({
        store,
        seed: 6,
        sampler: createSampler('tpe', s, { seed: 6, directions: ['minimize'] }).sampler!,
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PP7031', "study 'study' was run with a different seed"],
    ]);
    expect(r.trials).toEqual([]);
  });

  it('reports progress with the best so far', async () => {
    const seen: [number, number, number | undefined][] = [];
    let clock = 0;
    await runStudy(
      options({
        trials: 8,
        now: () => (clock += 10),
        onProgress: (p) => seen.push([p.done, p.total, p.best?.number]),
      }),
    );
    expect(seen.map((x) => x[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.every((x) => x[1] === 8 && x[2] !== undefined)).toBe(true);
  });
});
