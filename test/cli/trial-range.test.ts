import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { optimizeDeps } from '../../src/cli/commands/optimize-deps.js';
import { main } from '../../src/cli/main.js';
import type { BarRange, TrialEvaluator } from '../../src/optimize/index.js';
import { RunStore } from '../../src/store/index.js';

// A trial measured over a bar range must equal `pineport run` on a data file holding only those
// bars: the independent path re-reads the CSV and runs the whole pipeline without the optimiser.
const PINE = 'corpus/v5/ma-cross.pine';
const DATA = 'data/eth-usdt-15m.csv';
const PARAMS = { fastLength: 10, slowLength: 30, maType: 'EMA', stopPct: 2 };

const dir = mkdtempSync(join(tmpdir(), 'pp-cli-range-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const lines = readFileSync(DATA, 'utf8').trim().split('\n');
/** Bar `i`'s open time from the CSV (line 0 is the header). */
const barTime = (i: number): number => Number(lines[i + 1].split(',')[0]);

/** Writes bars [from, to) of the sample data as their own CSV. */
function subset(from: number, to: number): string {
  const path = join(dir, `bars-${String(from)}-${String(to)}.csv`);
  writeFileSync(path, [lines[0], ...lines.slice(from + 1, to + 1)].join('\n') + '\n');
  return path;
}

async function evaluator(): Promise<TrialEvaluator> {
  const prepared = await optimizeDeps({ progressStream: null }).prepare({
    file: PINE,
    source: readFileSync(PINE, 'utf8'),
    data: DATA,
  });
  expect(prepared.target?.inputs.map((i) => i.name)).toEqual([
    'fastLength',
    'slowLength',
    'maType',
    'stopPct',
  ]);
  return prepared.target!.createEvaluator({ workers: 1, settings: {} });
}

async function evaluate(range: BarRange): Promise<{ net: number; bars: number }> {
  const m = await (await evaluator()).evaluate(PARAMS, range);
  return { net: m.metrics.net_profit, bars: m.equity?.length ?? -1 };
}

describe('optimizer trial over a bar range', () => {
  it('without warm-up equals `pineport run` on a file of the same bars', async () => {
    const csv = subset(2000, 5000);
    let out = '';
    const code = await main(['run', PINE, '--data', csv, '--no-save', '--json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const expected = (JSON.parse(out) as { summary: { all: { netProfit: number } } }).summary.all.netProfit;
    const trial = await evaluate({ warmupFrom: 2000, from: 2000, to: 5000 });
    expect(trial.bars).toBe(3000);
    expect(trial.net).toBeCloseTo(expected, 6);
  });

  it('with warm-up counts only the trades closed from the measured window on', async () => {
    const csv = subset(2000, 5000);
    const store = join(dir, 'runs.db');
    let out = '';
    const code = await main(['run', PINE, '--data', csv, '--store', store, '--json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const { runId } = JSON.parse(out) as { runId: number };
    const opened = RunStore.open(store, { create: false });
    if (!opened.ok) throw new Error('store did not open');
    const trades = opened.store.getTrades(runId) ?? [];
    opened.store.close();
    const from = barTime(3000);
    const expected = trades.filter((t) => !t.open && t.exitTime >= from).reduce((s, t) => s + t.profit, 0);
    // Some trades close before bar 3000, so the window's figure really differs from the whole run's.
    expect(trades.some((t) => t.exitTime < from)).toBe(true);
    const trial = await evaluate({ warmupFrom: 2000, from: 3000, to: 5000 });
    expect(trial.bars).toBe(2000);
    expect(trial.net).toBeCloseTo(expected, 6);
  });
});
