import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trial } from '../../src/optimize/types.js';
import type { StudyMeta, StudyStore, TrialRecord } from '../../src/store/index.js';
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
  name: 'ema-cross-tpe',
  sampler: 'tpe',
  seed: 7,
  space: { fast: { type: 'int', low: 5, high: 50 }, slow: { type: 'int', low: 20, high: 200 } },
  objectives: [
    { name: 'net_profit_pct', direction: 'maximize' },
    { name: 'max_drawdown_pct', direction: 'minimize' },
  ],
};

function trial(number: number, overrides: Partial<TrialRecord> = {}): TrialRecord {
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

describe('studies', () => {
  it("accepts the optimiser's Trial records as they are", () => {
    // Compile-time contract with src/optimize: its Trial is a TrialRecord.
    const fromOptimiser: Trial = { ...trial(0), state: 'failed', reason: 'boom' };
    const record: TrialRecord = fromOptimiser;
    expect(record.reason).toBe('boom');
  });

  it('round-trips trials: NaN values, pruned and failed states, returns, violations, metrics', () => {
    const store = openStore(join(folder.dir, 'runs.db'));
    const opened = store.openStudy(META);
    if (!opened.ok) throw new Error('not opened');
    expect(opened.resumed).toBe(false);
    const study: StudyStore = opened.study;
    const trials = [
      trial(0, { returns: [0.01, -0.02, 0, 1e-9], startedAt: 1_700_000_000_000, durationMs: 12.5 }),
      trial(1, {
        state: 'failed',
        values: [Number.NaN, Number.NaN],
        feasible: false,
        reason: 'division by zero',
      }),
      trial(2, { state: 'pruned', reason: 'below median at 50%', feasible: false }),
      trial(3, { violations: [0.5], feasible: false, metrics: { trades: Number.NaN } }),
    ];
    for (const t of trials) study.append(t);
    expect(study.load()).toEqual(trials);
    expect(study.meta).toEqual(META);
    // A duplicate trial number is a bug in the caller, not user input.
    expect(() => {
      study.append(trial(2));
    }).toThrow(/UNIQUE/);
    store.close();
  });

  it('resumes a study by name with the same settings, in any key order, and refuses other settings', () => {
    const store = openStore(join(folder.dir, 'runs.db'));
    const first = store.openStudy(META);
    if (!first.ok) throw new Error('not opened');
    first.study.append(trial(0));
    const reordered: StudyMeta = {
      objectives: META.objectives,
      space: { slow: { high: 200, low: 20, type: 'int' }, fast: { high: 50, low: 5, type: 'int' } },
      seed: 7,
      sampler: 'tpe',
      name: META.name,
    };
    const again = store.openStudy(reordered);
    expect(again.ok && again.resumed && again.study.id === first.study.id).toBe(true);
    if (again.ok) expect(again.study.load()).toHaveLength(1);

    const other = store.openStudy({ ...META, seed: 8 });
    expect(other).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'PP8005',
          severity: 'error',
          message:
            "study 'ema-cross-tpe' already exists with another sampler, seed, search space or objectives",
          hint: 'choose another study name to start afresh, or rerun with the original settings to resume',
          file: join(folder.dir, 'runs.db'),
        },
      ],
    });
    expect(store.deleteStudy(META.name)).toBe(true);
    expect(store.openStudy({ ...META, seed: 8 }).ok).toBe(true);
    store.close();
  });

  it('links an optimize run to its study; deleting the study keeps the run', () => {
    const store = openStore(join(folder.dir, 'runs.db'));
    const opened = store.openStudy(META);
    if (!opened.ok) throw new Error('not opened');
    const id = store.beginRun({
      kind: 'optimize',
      pineportVersion: '0.1.0',
      studyId: opened.study.id,
      seed: 7,
    });
    expect(store.getRun(id)).toMatchObject({ status: 'running', studyId: opened.study.id, finishedAt: null });
    opened.study.append(trial(0));
    const windows = [
      {
        index: 0,
        inSampleStart: 0,
        inSampleEnd: 100,
        outOfSampleStart: 100,
        outOfSampleEnd: 150,
        studyId: opened.study.id,
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
    store.deleteStudy(META.name);
    expect(store.getRun(id)).toMatchObject({ studyId: null, windows: [{ ...windows[0], studyId: null }] });
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
const study = opened.store.openStudy(JSON.parse(process.argv[3]));
if (!study.ok) throw new Error(JSON.stringify(study.diagnostics));
const go = Buffer.alloc(1);
for (let k = 0; k < 25; k++) {
  study.study.append({ number: k, batch: k, batchSize: 1, params: { fast: k }, state: 'complete', values: [k / 4],
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
      const resumed = reader.openStudy(META);
      if (!resumed.ok) throw new Error('not opened');
      const seen = resumed.study.load();
      expect(seen.map((t) => t.number)).toEqual(Array.from({ length: k + 1 }, (_, i) => i));
      expect(seen[k]).toMatchObject({ values: [k / 4], returns: [k, -k], metrics: { trades: k } });
      child.stdin.write('g');
    }
    expect(await exited(child)).toBeNull();
    expect(child.exitCode).toBe(0);
    reader.close();
  });
});
