import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerOptimizeCommand } from '../../src/cli/commands/optimize.js';
import type { OptimizeDeps } from '../../src/cli/commands/optimize.js';
import { ExitStatus } from '../../src/cli/io.js';
import { FunctionEvaluator } from '../../src/optimize/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pp-cli-opt-'));
const script = join(dir, 'ma.pine');
writeFileSync(script, '//@version=6\nstrategy("ma")\n');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const hour = 3_600_000;
const deps: OptimizeDeps = {
  studyDir: dir,
  prepare: () =>
    Promise.resolve({
      diagnostics: [],
      target: {
        inputs: [
          { name: 'fast', type: 'int', default: 5, minval: 1, maxval: 5 },
          { name: 'slow', type: 'int', default: 20, minval: 10, maxval: 30, step: 10 },
        ],
        times: Array.from({ length: 400 }, (_, i) => Date.UTC(2024, 0, 1) + i * hour),
        createEvaluator: () =>
          new FunctionEvaluator((p, range) => {
            const fast = p.fast as number;
            const slow = p.slow as number;
            const bars = range === undefined ? 400 : range.to - range.from;
            return {
              metrics: {
                net_profit_pct: 10 - (fast - 3) ** 2 - (slow - 20) ** 2 / 100,
                trades: fast * 10,
                max_drawdown_pct: fast,
              },
              equity: Array.from({ length: bars }, (_, i) => 1000 + i),
            };
          }),
      },
    }),
};

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  const status = new ExitStatus();
  const program = new Command('pineport').exitOverride();
  registerOptimizeCommand(program, io, status, deps);
  await program.parseAsync(args, { from: 'user' });
  return { out, err, code: status.code };
}

describe('pineport optimize', () => {
  it('prints the top trials, best parameters, the in-sample warning and the robustness block', async () => {
    const r = await run([
      'optimize',
      script,
      '--data',
      'x.csv',
      '--sampler',
      'grid',
      '--trials',
      '100',
      '--constraint',
      'trades >= 20',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toContain('grid, 15 trials (15 run, 0 resumed; 0 failed, 3 violate constraints)');
    expect(lines[1].trim().split(/\s+/)).toEqual(['#', 'net_profit_pct', 'fast', 'slow', 'trades']);
    expect(lines[3].trim().split(/\s+/)).toEqual(['7', '10', '3', '20', '30']);
    expect(r.out).toContain('Best parameters (trial 7): fast = 3, slow = 20');
    expect(r.out).toContain('warning: in-sample result');
    expect(r.out).toContain('deflated Sharpe (DSR)      n/a');
    expect(r.out).toMatch(/plateau\s+8\.\d+/);
  });

  it('writes JSON and resumes a named study without re-running trials', async () => {
    const first = await run([
      'optimize',
      script,
      '--data',
      'x.csv',
      '--sampler',
      'random',
      '--trials',
      '6',
      '--study',
      's1',
      '--json',
    ]);
    const a = JSON.parse(first.out) as { evaluated: number; trials: unknown[]; best: number };
    expect(a.evaluated).toBe(6);
    const again = await run([
      'optimize',
      script,
      '--data',
      'x.csv',
      '--sampler',
      'random',
      '--trials',
      '9',
      '--study',
      's1',
      '--json',
    ]);
    const b = JSON.parse(again.out) as { evaluated: number; resumed: number; trials: unknown[] };
    expect([b.resumed, b.evaluated, b.trials.length]).toEqual([6, 3, 9]);
    expect(b.trials.slice(0, 6)).toEqual(a.trials);
  });

  it('reports expression errors with did-you-mean and exit 1', async () => {
    const r = await run([
      'optimize',
      script,
      '--data',
      'x.csv',
      '--objective',
      'net_profit_pct - max_drawdwn_pct',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--objective #1:1:18: error PP7021: unknown metric 'max_drawdwn_pct'");
    expect(r.err).toContain("hint: did you mean 'max_drawdown_pct'?");
  });

  it('rejects a bad --trials as usage error', async () => {
    const r = await run(['optimize', script, '--data', 'x.csv', '--trials', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: --trials must be a whole number ≥ 1, got 'many'\n");
  });
});

describe('pineport walkforward', () => {
  it('prints per-window results, efficiency, stability and stitched OOS metrics', async () => {
    const r = await run([
      'walkforward',
      script,
      '--data',
      'x.csv',
      '--train',
      '100',
      '--test',
      '100',
      '--sampler',
      'grid',
      '--trials',
      '15',
    ]);
    expect(r.err).toBe('');
    expect(r.out).toContain(
      'walk-forward, 3 windows (rolling, train 100, test 100), grid × 15 trials per window',
    );
    expect(r.out).toContain('fast = 3, slow = 20');
    // OOS earns the same per-bar rate as IS in this fake: efficiency 1.
    expect(r.out).toContain('Walk-forward efficiency (net_profit_pct per bar, OOS ÷ IS): 1');
    expect(r.out).toContain('fast: mean 3, std 0, CV 0');
    expect(r.out).toContain('Stitched out-of-sample: 300 bars, 0 trades');
  });

  it('rejects an unparsable duration', async () => {
    const r = await run(['walkforward', script, '--data', 'x.csv', '--train', 'half', '--test', '1M']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--train 'half' is not a positive duration or bar count");
  });
});
