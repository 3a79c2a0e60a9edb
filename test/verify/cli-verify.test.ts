import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerVerifyCommand } from '../../src/cli/commands/verify.js';
import { readTradesCsv, writeTradesJson } from '../../src/exports/index.js';
import { fixturePath, fixtureText } from '../exports/fixtures.js';
import { runCommand } from './cli-harness.js';

const TV = fixturePath('real/g4-ta-linreg-stdev-channel-revert-01.csv');
const tvTrades = readTradesCsv(fixtureText('real/g4-ta-linreg-stdev-channel-revert-01.csv'), {
  timezone: 'UTC+8',
}).trades;
const dir = mkdtempSync(join(tmpdir(), 'pineport-verify-'));

function writeOurs(name: string, trades: typeof tvTrades): string {
  const path = join(dir, name);
  writeFileSync(path, writeTradesJson(trades));
  return path;
}

// --no-save: these runs are not recorded, so the test writes no ./.pineport/runs.db into the checkout.
const verify = (args: string[]) => runCommand(registerVerifyCommand, ['verify', '--no-save', ...args]);

describe('pineport verify --tv --trades', () => {
  it('the export against itself (as our JSON, times in UTC ms) is exact', async () => {
    const ours = writeOurs('same.json', tvTrades);
    const { code, stdout } = await verify([
      '--tv',
      TV,
      '--trades',
      ours,
      '--timezone',
      'UTC+8',
      '--mintick',
      '0.01',
    ]);
    expect(code).toBe(0);
    // Window: first entry 2025-04-06 16:45 and last exit 2026-04-06 03:45 at UTC+8 (the file's rows 3 and 496).
    expect(stdout.split('\n')[0]).toBe(
      'verify: exact — 248 TradingView trades, 248 ours, 248 paired (248 exact) in 2025-04-06 08:45 UTC → 2026-04-05 19:45 UTC',
    );
  });

  it('names the first divergence: trade 3 exits one bar later', async () => {
    const shifted = tvTrades.map((t) => (t.number === 3 ? { ...t, exitTime: t.exitTime + 900_000 } : t));
    const ours = writeOurs('shifted.json', shifted);
    const { code, stdout } = await verify([
      '--tv',
      TV,
      '--trades',
      ours,
      '--timezone',
      'UTC+8',
      '--mintick',
      '0.01',
    ]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^verify: excellent — 248 TradingView trades, 248 ours, 248 paired \(247 exact\)/,
    );
    expect(lines[2]).toMatch(
      /^first divergence at TradingView trade #3 \(.*\): exitTime TradingView (.*) UTC, ours (.*) UTC$/,
    );
  });

  it('--require exact turns a non-exact grade into exit 1; --json prints the report', async () => {
    const ours = writeOurs('missing.json', tvTrades.slice(1));
    const { code, stdout } = await verify([
      '--tv',
      TV,
      '--trades',
      ours,
      '--timezone',
      'UTC+8',
      '--mintick',
      '0.01',
      '--json',
      '--require',
      'exact',
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      grade: string;
      tvTrades: number;
      ourTrades: number;
      firstDivergence: { kind: string; tv: { number: number } };
    };
    // 1 of 248 missing: count Δ 0.4 % → excellent.
    expect([
      json.grade,
      json.tvTrades,
      json.ourTrades,
      json.firstDivergence.kind,
      json.firstDivergence.tv.number,
    ]).toEqual(['excellent', 248, 247, 'missing', 1]);
  });

  it('infers the mintick from the export with a warning when not given', async () => {
    const ours = writeOurs('same2.json', tvTrades);
    const { stdout } = await verify(['--tv', TV, '--trades', ours, '--timezone', 'UTC+8']);
    expect(stdout).toContain("warning PP4050: mintick not given: inferred 0.01 from the prices' decimals");
  });

  it('usage and I/O errors exit 2', async () => {
    expect((await verify(['--tv', TV, '--timezone', 'UTC+8'])).code).toBe(2);
    const missing = await verify(['--tv', join(dir, 'nope.csv'), '--trades', TV, '--timezone', 'UTC+8']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringContaining('nope.csv: error: cannot read file'),
    ]);
  });

  it('an input with errors exits 1 and compares nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'time,open\n1,2\n');
    const { code, stderr } = await verify([
      '--tv',
      bad,
      '--trades',
      TV,
      '--timezone',
      'UTC+8',
      '--mintick',
      '0.01',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('error PP4102: not a List of Trades header');
  });
});
