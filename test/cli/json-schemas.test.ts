/**
 * Every command's `--json` output validates against its exported schema (src/cli/schemas.ts), on
 * the repository's demo strategy and sample data, and the figures agree across commands: the run's
 * trades are verify's trades, the stored run ids are the ones `runs` and `report` see.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli.js';
import { commandJsonSchemas } from '../../src/store/index.js';

const PINE = 'corpus/v5/ma-cross.pine';
const DATA = 'data/eth-usdt-15m.csv';
const dir = mkdtempSync(join(tmpdir(), 'pp-cli-json-'));
const store = join(dir, 'runs.db');
const tvCsv = join(dir, 'tv.csv');
const space = join(dir, 'space.json');
// 2 × 2 grid on the two MA lengths; the other inputs keep their defaults.
writeFileSync(
  space,
  JSON.stringify({
    only: ['fastLength', 'slowLength'],
    params: { fastLength: { min: 10, max: 20, step: 10 }, slowLength: { min: 30, max: 60, step: 30 } },
  }),
);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs a command with --json (`runs export` writes JSON by default and has no such flag), expects
 * exit 0 and nothing on stderr, and validates its output.
 */
async function jsonOf<K extends keyof typeof commandJsonSchemas>(
  command: K,
  args: string[],
): Promise<ReturnType<(typeof commandJsonSchemas)[K]['parse']>> {
  const r = await cli([...command.split(' '), ...args, ...(command === 'runs export' ? [] : ['--json'])]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const parsed = commandJsonSchemas[command].safeParse(JSON.parse(r.out));
  if (!parsed.success) throw new Error(`${command}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return parsed.data as ReturnType<(typeof commandJsonSchemas)[K]['parse']>;
}

describe('--json output of every command matches its schema', () => {
  it('parse, check and data check', async () => {
    const parsed = await jsonOf('parse', [PINE]);
    expect(Array.isArray(parsed)).toBe(false);
    const checked = await jsonOf('check', [PINE]);
    // ma-cross.pine declares fastLength, slowLength, maType and stopPct.
    expect(Array.isArray(checked) ? [] : checked.inputs.map((i) => i.variable)).toEqual([
      'fastLength',
      'slowLength',
      'maType',
      'stopPct',
    ]);
    const data = await jsonOf('data check', [DATA]);
    // data/eth-usdt-15m.csv: 10,001 rows of 15-minute bars (data/README.md).
    expect(Array.isArray(data) ? 0 : [data.bars, data.timeframeMs]).toEqual([10_001, 900_000]);
  });

  it('run, verify and parity agree on the trades', async () => {
    const run = await jsonOf('run', [PINE, '--data', DATA, '--store', store, '--trades', tvCsv]);
    expect(run.runId).toBe(1);
    const verify = await jsonOf('verify', [
      PINE,
      ...['--data', DATA, '--trades', tvCsv, '--timezone', 'UTC', '--mintick', '0.01', '--store', store],
    ]);
    expect([verify.grade, verify.ourTrades, verify.tvTrades, verify.runId]).toEqual([
      'exact',
      run.trades,
      run.trades,
      2,
    ]);
    const cases = join(dir, 'cases', 'ma-cross');
    mkdirSync(cases, { recursive: true });
    copyFileSync(PINE, join(cases, 'strategy.pine'));
    copyFileSync(tvCsv, join(cases, 'tv_trades.csv'));
    const parity = await jsonOf('parity', [join(dir, 'cases'), '--data', DATA, '--timezone', 'UTC']);
    expect(parity.summary).toMatchObject({ exact: 1, total: 1 });
    expect(parity.cases[0].tvTrades).toBe(run.trades);
  });

  it('optimize, walkforward, report and runs', async () => {
    const grid = ['--data', DATA, '--sampler', 'grid', '--space', space, '--workers', '1', '--store', store];
    const optimize = await jsonOf('optimize', [PINE, ...grid]);
    expect([optimize.evaluated, optimize.trials.length, optimize.study]).toEqual([
      4,
      4,
      `optimize-run-${String(optimize.runId)}`,
    ]);
    const wf = await jsonOf('walkforward', [PINE, ...grid, '--train', '30D', '--test', '10D']);
    expect(wf.windows.length).toBeGreaterThan(0);
    const listed = await jsonOf('runs list', ['--store', store]);
    expect(listed.map((r) => r.kind)).toEqual(['walkforward', 'optimize', 'verify', 'backtest']);
    expect(listed.map((r) => r.id)).toEqual([wf.runId, optimize.runId, 2, 1]);
    const shown = await jsonOf('runs show', [String(wf.runId), '--store', store]);
    expect(shown.windows.length).toBe(wf.windows.length);
    const exported = await jsonOf('runs export', [String(optimize.runId), '--store', store]);
    expect(exported.run.studyId).not.toBeNull();
    const deleted = await jsonOf('runs delete', ['1', '--store', store]);
    expect(deleted).toEqual({ deleted: 1 });
    const out = join(dir, 'r.html');
    const report = await jsonOf('report', [String(optimize.runId), '-o', out, '--store', store]);
    expect(report.output).toBe(out);
  });
});
