/**
 * verify, optimize and walkforward store their runs with provenance, keep the optimiser's study in
 * the run store (resumable trial by trial), and `pineport report <id>` rebuilds the same page
 * `--report` wrote, with each kind's sections: verify's side-by-side diff with the first divergence,
 * optimize's study and robustness, walk-forward's windows and stitched out-of-sample equity.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli.js';
import { RunStore, type RunDetails } from '../../src/store/index.js';

const PINE = 'corpus/v5/ma-cross.pine';
const DATA = 'data/eth-usdt-15m.csv';
const dir = mkdtempSync(join(tmpdir(), 'pp-cli-stored-'));
const store = join(dir, 'runs.db');
const space = join(dir, 'space.json');
// 3 × 2 grid: fastLength 10, 15, 20 × slowLength 30, 60.
writeFileSync(
  space,
  JSON.stringify({
    only: ['fastLength', 'slowLength'],
    params: { fastLength: { min: 10, max: 20, step: 5 }, slowLength: { min: 30, max: 60, step: 30 } },
  }),
);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function storedRun(id: number): RunDetails {
  const opened = RunStore.open(store, { create: false });
  if (!opened.ok) throw new Error('store missing');
  try {
    const run = opened.store.getRun(id);
    if (run === undefined) throw new Error(`no run ${String(id)}`);
    return run;
  } finally {
    opened.store.close();
  }
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** `pineport report <id>` next to the `--report` file: the same page, byte for byte. */
async function rebuiltEquals(id: number, written: string): Promise<string> {
  const again = join(dir, `again-${String(id)}.html`);
  const r = await cli(['report', String(id), '--store', store, '-o', again]);
  expect(r.code).toBe(0);
  const html = readFileSync(written, 'utf8');
  expect(readFileSync(again, 'utf8')).toBe(html);
  return html;
}

/** The provenance every run records (data/eth-usdt-15m.csv: 10,001 bars, 2026-01-20 11:00 → 2026-05-04 15:00 UTC). */
function expectProvenance(run: RunDetails): void {
  expect(run.provenance).toMatchObject({
    pinePath: PINE,
    pineHash: sha256(PINE),
    pineSource: readFileSync(PINE, 'utf8'),
    dataPath: DATA,
    dataHash: sha256(DATA),
    dataRows: 10_001,
    dataFirstTime: Date.UTC(2026, 0, 20, 11),
    dataLastTime: Date.UTC(2026, 4, 4, 15),
  });
  expect(run.provenance?.codeHash).toMatch(/^[0-9a-f]{64}$/);
  expect(run.pineportVersion).toBe(
    (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
  );
  expect(run.wallMs).toBeGreaterThan(0);
}

describe('stored verify, optimize and walk-forward runs', () => {
  it('verify: stores both trade lists and reports the first divergence side by side', async () => {
    const exported = join(dir, 'tv.csv');
    expect((await cli(['run', PINE, '--data', DATA, '--no-save', '--trades', exported])).code).toBe(0);
    // Trade 2 of the export exits at 2919.71 (its Stop); say TradingView filled it at 2925.
    const edited = join(dir, 'tv-edited.csv');
    const text = readFileSync(exported, 'utf8');
    expect(text).toContain('2,Exit long,2026-01-21 16:30,Stop,2919.71,');
    writeFileSync(
      edited,
      text.replace('2,Exit long,2026-01-21 16:30,Stop,2919.71,', '2,Exit long,2026-01-21 16:30,Stop,2925,'),
    );
    const html = join(dir, 'verify.html');
    const r = await cli([
      'verify',
      PINE,
      ...['--data', DATA, '--trades', edited, '--timezone', 'UTC', '--mintick', '0.01'],
      ...['--store', store, '--report', html],
    ]);
    expect(r.err).toBe('');
    expect(r.out).toContain('first divergence at TradingView trade #2');
    expect(r.out).toContain(`stored as run 1 in ${store}`);
    const run = storedRun(1);
    expect([run.kind, run.status, run.tradeCount, run.symbol.mintick]).toEqual([
      'verify',
      'complete',
      172,
      0.01,
    ]);
    expectProvenance(run);
    const page = await rebuiltEquals(1, html);
    const row = /<tr[^>]*id="first-divergence"[^>]*>([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(row).toContain('<td class="diff">2,925.00</td>');
    expect(row).toContain('<td class="diff">2,919.71</td>');

    // Two trade lists compared without a strategy run: stored too, and the page has no equity charts.
    const lists = join(dir, 'lists.html');
    const r2 = await cli([
      'verify',
      ...['--tv', edited, '--trades', exported, '--timezone', 'UTC', '--mintick', '0.01'],
      ...['--store', store, '--report', lists],
    ]);
    expect(r2.err).toBe('');
    expect(storedRun(2)).toMatchObject({ kind: 'verify', tradeCount: 172, provenance: null });
    const listsPage = await rebuiltEquals(2, lists);
    expect(listsPage).toContain('id="first-divergence"');
    expect(listsPage).not.toContain('id="equity-chart"');
  });

  it('optimize: the study lives in the store, resumes trial by trial, and the report shows it', async () => {
    const grid = ['--data', DATA, '--sampler', 'random', '--space', space, '--workers', '1', '--seed', '7'];
    const first = await cli([
      'optimize',
      PINE,
      ...grid,
      '--trials',
      '4',
      '--study',
      'ma',
      '--store',
      store,
      '--json',
    ]);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.out) as { runId: number; evaluated: number; study: string };
    expect([a.evaluated, a.study]).toEqual([4, 'ma']);
    const html = join(dir, 'optimize.html');
    const second = await cli([
      'optimize',
      PINE,
      ...grid,
      ...['--trials', '6', '--study', 'ma', '--store', store, '--report', html, '--json'],
    ]);
    const b = JSON.parse(second.out) as { runId: number; evaluated: number; resumed: number; best: number };
    expect([b.resumed, b.evaluated]).toEqual([4, 2]);
    const run = storedRun(b.runId);
    expect([run.kind, run.status, run.seed]).toEqual(['optimize', 'complete', 7]);
    expectProvenance(run);
    const opened = RunStore.open(store, { create: false });
    if (!opened.ok) throw new Error('store missing');
    const studies = opened.store.listStudies();
    opened.store.close();
    expect(studies.map((s) => [s.name, s.trialCount, s.id === run.studyId])).toEqual([['ma', 6, true]]);
    // The run's trades are the best trial re-run on all bars: its net profit is the trial's.
    const summary = run.summary as { performance: { all: { netProfit: number } } };
    expect(summary.performance.all.netProfit).toBeCloseTo(run.metrics.net_profit ?? Number.NaN, 6);
    const page = await rebuiltEquals(b.runId, html);
    for (const id of ['optimisation', 'convergence-chart', 'robustness', 'summary'])
      expect(page).toContain(`id="${id}"`);
  });

  it('walkforward: windows, stitched out-of-sample equity and robustness are stored and reported', async () => {
    const html = join(dir, 'wf.html');
    const r = await cli([
      'walkforward',
      PINE,
      ...['--data', DATA, '--sampler', 'grid', '--space', space, '--workers', '1'],
      ...['--train', '30D', '--test', '10D', '--store', store, '--report', html, '--json'],
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { runId: number; windows: unknown[]; stitched: { bars: number } };
    const run = storedRun(json.runId);
    expect([run.kind, run.status, run.windows.length]).toEqual([
      'walkforward',
      'complete',
      json.windows.length,
    ]);
    expect(run.windows.every((w) => w.studyId !== null)).toBe(true);
    expectProvenance(run);
    const opened = RunStore.open(store, { create: false });
    if (!opened.ok) throw new Error('store missing');
    const equity = opened.store.getEquity(json.runId);
    opened.store.close();
    expect(equity?.values.length).toBe(json.stitched.bars);
    const page = await rebuiltEquals(json.runId, html);
    for (const id of ['walk-forward', 'wf-chart', 'robustness']) expect(page).toContain(`id="${id}"`);
    // No single backtest to summarise: the Performance Summary table is left out.
    expect(page).not.toContain('id="summary"');
  });
});
