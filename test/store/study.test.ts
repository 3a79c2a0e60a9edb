import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildSearchSpace,
  createSampler,
  FunctionEvaluator,
  MemoryStudyStore,
  parseObjective,
  runStudy,
  type ParamValues,
  type StudyMeta,
  type StudyOptions,
  type StudyStore,
  type Trial,
  type TrialMetrics,
} from '../../src/optimize/index.js';
import { storedStudySchema } from '../../src/store/index.js';
import { exited, LineReader, sourceUrl, spawnScript } from './child.js';
import { openStore, tempDir } from './helpers.js';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => {
  folder.remove();
});

const META: StudyMeta = {
  name: 'ema-cross',
  sampler: 'tpe',
  seed: 7,
  batchSize: 4,
  objectives: ['maximize:net_profit_pct', 'minimize:max_drawdown_pct'],
  constraints: ['trades >= 30'],
  space: '{"dimensions":[{"name":"fast","low":5,"high":50}],"fixed":{}}',
};

function trial(number: number, overrides: Partial<Trial> = {}): Trial {
  return {
    number,
    batch: Math.floor(number / 4),
    batchSize: 4,
    params: { fast: 5 + number, slow: 40, source: 'close', useFilter: number % 2 === 0 },
    state: 'complete',
    values: [number * 1.5, -(number + 1) / 7],
    violations: [0],
    feasible: true,
    metrics: { trades: 10 + number, sharpe: number / 3 },
    ...overrides,
  };
}

// The optimiser's own study: minimise (x - 1)² + (n - 7)² / 10 with TPE, 40 trials in batches of 4.
const { space } = buildSearchSpace([
  { name: 'x', type: 'float', default: 0, minval: -4, maxval: 4 },
  { name: 'n', type: 'int', default: 5, minval: 1, maxval: 20 },
]);
function metricsOf(p: ParamValues): TrialMetrics {
  const x = p.x as number;
  const n = p.n as number;
  return { metrics: { f: (x - 1) ** 2 + (n - 7) ** 2 / 10, trades: n * 3 } };
}
function studyOptions(store: StudyStore, overrides: Partial<StudyOptions> = {}): StudyOptions {
  return {
    name: 'quadratic',
    space,
    sampler: createSampler('tpe', space, { seed: 5, directions: ['minimize'] }).sampler!,
    samplerName: 'tpe',
    seed: 5,
    objectives: [parseObjective('min: f').objective!],
    evaluator: new FunctionEvaluator(metricsOf),
    trials: 40,
    batchSize: 4,
    store,
    ...overrides,
  };
}

describe('studies in the run store', () => {
  it('round-trips trials exactly: NaN and infinite values, failed states, returns, violations, metrics', () => {
    const store = openStore(join(folder.dir, 'runs.db'));
    const study = store.studyStore(META.name);
    expect(study.meta()).toBeUndefined();
    expect(study.load()).toEqual([]);
    study.create(META);
    const trials = [
      trial(0, { returns: [0.01, -0.02, -0, 1e-9, Number.NaN] }),
      trial(1, {
        state: 'failed',
        values: [Number.NaN, Number.NaN],
        feasible: false,
        reason: 'division by zero',
      }),
      trial(2, {
        values: [Number.POSITIVE_INFINITY, -0],
        violations: [Number.POSITIVE_INFINITY],
        feasible: false,
      }),
      trial(3, {
        violations: [0.5],
        feasible: false,
        metrics: { trades: Number.NaN, pf: Number.NEGATIVE_INFINITY },
      }),
    ];
    for (const t of trials) study.append(t);
    const loaded = store.studyStore(META.name).load();
    expect(loaded).toEqual(trials);
    expect(Object.is(loaded[2].values[1], -0)).toBe(true);
    expect(store.studyStore(META.name).meta()).toEqual(META);
    // A duplicate trial number is a bug in the caller, not user input.
    expect(() => {
      study.append(trial(2));
    }).toThrow(/UNIQUE/);
    expect(storedStudySchema.array().parse(store.listStudies())).toMatchObject([
      { name: 'ema-cross', trialCount: 4, objectives: META.objectives, space: META.space },
    ]);
    store.close();
  });

  it('resumes an interrupted runStudy from the store, in a new connection, to the same trials', async () => {
    const path = join(folder.dir, 'runs.db');
    const reference = await runStudy(studyOptions(new MemoryStudyStore()));

    const controller = new AbortController();
    let calls = 0;
    const first = openStore(path);
    const interrupted = await runStudy(
      studyOptions(first.studyStore('quadratic'), {
        signal: controller.signal,
        evaluator: new FunctionEvaluator((p) => {
          if (++calls === 14) controller.abort(); // stop in the middle of batch 3 (trials 12–15)
          return metricsOf(p);
        }),
      }),
    );
    expect(interrupted.trials).toHaveLength(14);
    first.close();

    const second = openStore(path);
    let evaluated = 0;
    const resumed = await runStudy(
      studyOptions(second.studyStore('quadratic'), {
        evaluator: new FunctionEvaluator((p) => {
          evaluated++;
          return metricsOf(p);
        }),
      }),
    );
    expect(resumed.diagnostics).toEqual([]);
    expect(resumed.resumed).toBe(14);
    expect(evaluated).toBe(26);
    expect(resumed.trials).toEqual(reference.trials);
    expect(second.studyStore('quadratic').load()).toEqual(reference.trials);

    // Other settings under the same name are refused by the optimiser, from the stored meta.
    const other = await runStudy(
      studyOptions(second.studyStore('quadratic'), {
        seed: 6,
        sampler: createSampler('tpe', space, { seed: 6, directions: ['minimize'] }).sampler!,
      }),
    );
    expect(other.diagnostics.map((d) => d.message)).toEqual([
      "study 'quadratic' was run with a different seed",
    ]);
    second.close();
  });

  it('links an optimize run to its study; deleting the study keeps the run', () => {
    const store = openStore(join(folder.dir, 'runs.db'));
    const study = store.studyStore(META.name);
    study.create(META);
    const studyId = study.id()!;
    const id = store.beginRun({ kind: 'optimize', pineportVersion: '0.1.0', studyId, seed: 7 });
    expect(store.getRun(id)).toMatchObject({ status: 'running', studyId, finishedAt: null });
    study.append(trial(0));
    const windows = [
      {
        index: 0,
        inSampleStart: 0,
        inSampleEnd: 100,
        outOfSampleStart: 100,
        outOfSampleEnd: 150,
        studyId,
        params: { fast: 5 },
        inSample: { net: 3 },
        outOfSample: { net: -1 },
      },
    ];
    expect(store.finishRun(id, { wallMs: 10, metrics: { best: 1.5 }, windows })).toBe(true);
    expect(store.finishRun(id, {})).toBe(false); // already finished
    expect(store.getRun(id)).toMatchObject({
      status: 'complete',
      wallMs: 10,
      metrics: { best: 1.5 },
      windows,
    });
    expect(store.deleteStudy(META.name)).toBe(true);
    expect(store.getRun(id)).toMatchObject({ studyId: null, windows: [{ ...windows[0], studyId: null }] });
    expect(store.studyStore(META.name).meta()).toBeUndefined();
    store.close();
  });

  it('lets a second connection read every committed trial while another process appends them (WAL)', async () => {
    const path = join(folder.dir, 'runs.db');
    const reader = openStore(path); // creates the schema before the writer starts
    // The writer appends trial k, prints k, and waits for our go-ahead on stdin before the next one.
    const child = spawnScript(
      folder.dir,
      `import { readSync, writeSync } from 'node:fs';
import { RunStore } from ${JSON.stringify(sourceUrl('src/store/index.ts'))};
const opened = RunStore.open(process.argv[2]);
if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
const study = opened.store.studyStore('concurrent');
study.create(JSON.parse(process.argv[3]));
const go = Buffer.alloc(1);
for (let k = 0; k < 25; k++) {
  study.append({ number: k, batch: k, batchSize: 1, params: { fast: k }, state: 'complete', values: [k / 4],
    violations: [], feasible: true, metrics: { trades: k }, returns: [k, -k] });
  writeSync(1, k + '\\n');
  readSync(0, go);
}
opened.store.close();
`,
      [path, JSON.stringify(META)],
    );
    const lines = new LineReader(child);
    for (let k = 0; k < 25; k++) {
      expect(await lines.next(child)).toBe(String(k));
      const seen = reader.studyStore('concurrent').load();
      expect(seen.map((t) => t.number)).toEqual(Array.from({ length: k + 1 }, (_, i) => i));
      expect(seen[k]).toMatchObject({ values: [k / 4], returns: [k, -k], metrics: { trades: k } });
      child.stdin.write('g');
    }
    expect(await exited(child)).toBeNull();
    expect(child.exitCode).toBe(0);
    reader.close();
  });
});
