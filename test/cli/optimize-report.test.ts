import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timeframeLabel } from '../../src/cli/commands/report-deps.js';
import { cli } from './cli.js';

// The demo strategy and sample data of the repository: MA cross on 10,001 ETH/USDT 15-minute bars.
const PINE = 'corpus/v5/ma-cross.pine';
const DATA = 'data/eth-usdt-15m.csv';

const dir = mkdtempSync(join(tmpdir(), 'pp-cli-wiring-'));
const store = join(dir, 'runs.db');
// 3 × 3 grid: fastLength 5, 10, 15 × slowLength 20, 30, 40; maType and stopPct stay at their defaults.
const space = join(dir, 'space.json');
writeFileSync(
  space,
  JSON.stringify({
    only: ['fastLength', 'slowLength'],
    params: { fastLength: { min: 5, max: 15, step: 5 }, slowLength: { min: 20, max: 40, step: 10 } },
  }),
);
/** The options both optimiser commands share here: the grid above, in process, JSON out. */
const GRID = [
  '--data',
  DATA,
  '--sampler',
  'grid',
  '--space',
  space,
  '--workers',
  '1',
  '--store',
  store,
  '--json',
];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface JsonTrial {
  readonly number: number;
  readonly params: Record<string, number | string>;
  readonly metrics: Record<string, number | string>;
}

/** `pineport run --json` for the given inputs: TradingView's Performance Summary of that backtest. */
async function runNetProfit(inputs: Record<string, number | string>): Promise<number> {
  const args = ['run', PINE, '--data', DATA, '--no-save', '--json'];
  for (const [k, v] of Object.entries(inputs)) args.push('--input', `${k}=${String(v)}`);
  const r = await cli(args);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { summary: { all: { netProfit: number } } }).summary.all.netProfit;
}

describe('pineport optimize on a real strategy', () => {
  it('runs the 9-point grid and its trials match `pineport run` with the same inputs', async () => {
    const r = await cli(['optimize', PINE, ...GRID, '--objective', 'net_profit']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { trials: JsonTrial[]; best: number; evaluated: number };
    expect(report.evaluated).toBe(9);
    const grid = report.trials.map((t) => `${String(t.params.fastLength)}/${String(t.params.slowLength)}`);
    expect(new Set(grid)).toEqual(
      new Set(['5/20', '5/30', '5/40', '10/20', '10/30', '10/40', '15/20', '15/30', '15/40']),
    );
    // Fixed inputs travel with every trial at the script's defaults.
    expect(report.trials.every((t) => t.params.maType === 'EMA' && t.params.stopPct === 2)).toBe(true);
    const byProfit = [...report.trials].sort(
      (a, b) => Number(b.metrics.net_profit) - Number(a.metrics.net_profit),
    );
    const best = byProfit[0];
    expect(report.best).toBe(best.number);
    // The independent reference: the same backtest through `pineport run`, one process path, no optimiser.
    for (const trial of [best, byProfit[byProfit.length - 1]]) {
      const net = await runNetProfit({
        fastLength: trial.params.fastLength,
        slowLength: trial.params.slowLength,
      });
      expect(Number(trial.metrics.net_profit)).toBeCloseTo(net, 6);
      // net_profit_pct is TradingView's: net profit over the initial capital of 10,000.
      expect(Number(trial.metrics.net_profit_pct)).toBeCloseTo(net / 100, 6);
    }
  });

  it('TPE models the inputs jointly unless --no-multivariate', async () => {
    const wide = join(dir, 'wide-space.json');
    writeFileSync(
      wide,
      JSON.stringify({
        only: ['fastLength', 'slowLength'],
        params: { fastLength: { min: 2, max: 40 }, slowLength: { min: 20, max: 200, step: 10 } },
      }),
    );
    const tpe = async (...extra: string[]): Promise<string[]> => {
      const args = ['optimize', PINE, '--data', DATA, '--sampler', 'tpe', '--trials', '24', '--seed', '3'];
      args.push(
        '--space',
        wide,
        '--workers',
        '1',
        '--no-save',
        '--json',
        '--objective',
        'net_profit',
        ...extra,
      );
      const r = await cli(args);
      expect(r.code).toBe(0);
      const trials = (JSON.parse(r.out) as { trials: JsonTrial[] }).trials;
      return trials.map((t) => `${String(t.params.fastLength)}/${String(t.params.slowLength)}`);
    };
    const byDefault = await tpe();
    expect(byDefault).toHaveLength(24);
    expect(await tpe('--multivariate')).toEqual(byDefault);
    // The first 10 trials are the same uniform start-up draws; the modelled ones differ.
    const independent = await tpe('--no-multivariate');
    expect(independent.slice(0, 10)).toEqual(byDefault.slice(0, 10));
    expect(independent.slice(10)).not.toEqual(byDefault.slice(10));
  });

  it('walkforward prints one row per window: 30-day training, 10-day test over 104 days', async () => {
    const r = await cli(['walkforward', PINE, ...GRID, '--train', '30D', '--test', '10D']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      windows: {
        inSample: { params: Record<string, number> } | null;
        outOfSample: { state: string } | null;
      }[];
      stitched: { bars: number };
    };
    // 2026-01-20 11:00 → 2026-05-04 15:00 is 104.2 days: after the first 30 training days, 74.2 days
    // remain, so 7 whole 10-day test windows (a partial last window is not tested).
    expect(report.windows.length).toBe(7);
    for (const w of report.windows) {
      expect([5, 10, 15]).toContain(w.inSample?.params.fastLength);
      expect(w.outOfSample?.state).toBe('complete');
    }
    // Seven 10-day test windows of 15-minute bars, stitched: 7 × 960 bars.
    expect(report.stitched.bars).toBe(7 * 960);
  });
});

describe('pineport report', () => {
  it('renders a stored run as HTML carrying the strategy title', async () => {
    const run = await cli(['run', PINE, '--data', DATA, '--store', store, '--json']);
    expect(run.code).toBe(0);
    const { runId } = JSON.parse(run.out) as { runId: number };
    const output = join(dir, 'report.html');
    const r = await cli(['report', String(runId), '--store', store, '-o', output]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(output)).toBe(true);
    const html = readFileSync(output, 'utf8');
    expect(html).toContain('<title>MA cross');
    // The run's data file is still there unchanged, so the candles come back with it.
    expect(html).toContain('id="price-chart"');
    expect(r.out).toContain(`run ${String(runId)}`);
  });

  it('leaves the price chart out when the run’s data file is gone', async () => {
    const data = join(dir, 'bars.csv');
    copyFileSync(DATA, data);
    const run = await cli(['run', PINE, '--data', data, '--store', store, '--json']);
    const { runId } = JSON.parse(run.out) as { runId: number };
    rmSync(data);
    const output = join(dir, 'no-bars.html');
    const r = await cli(['report', String(runId), '--store', store, '-o', output]);
    expect(r.code).toBe(0);
    const html = readFileSync(output, 'utf8');
    expect(html).toContain('<title>MA cross');
    expect(html).not.toContain('id="price-chart"');
  });

  it('labels bar spacings as traders write them', () => {
    expect(timeframeLabel(15 * 60_000)).toBe('15m');
    expect(timeframeLabel(4 * 3_600_000)).toBe('4h');
    expect(timeframeLabel(86_400_000)).toBe('1D');
    expect(timeframeLabel(7 * 86_400_000)).toBe('1W');
    expect(timeframeLabel(30_000)).toBe('30s');
    expect(timeframeLabel(Number.NaN)).toBe('—');
  });

  it('exits 1 for a run id the store does not have', async () => {
    const r = await cli(['report', '999', '--store', store, '-o', join(dir, 'none.html')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no run with id 999');
  });
});
