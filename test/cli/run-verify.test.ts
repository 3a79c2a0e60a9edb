import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function recorder(): {
  io: { stdout: (s: string) => void; stderr: (s: string) => void };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    out: () => out,
    err: () => err,
  };
}

describe("run → verify round trip through TradingView's CSV layout", () => {
  it('a strategy verified against its own List of Trades export is exact, trade for trade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pineport-cli-'));
    const trades = join(dir, 'trades.csv');
    const run = recorder();
    const code = await main(
      [
        'run',
        'corpus/v5/ma-cross.pine',
        '--data',
        'data/eth-usdt-15m.csv',
        '--trades',
        trades,
        '--store',
        join(dir, 'runs.db'),
      ],
      run.io,
    );
    expect(run.err()).toBe('');
    expect(code).toBe(0);
    const closed = Number(/(\d+) closed trades/.exec(run.out())?.[1]);
    expect(closed).toBeGreaterThan(50);
    expect(
      readFileSync(trades, 'utf8')
        .split('\n')
        .filter((l) => /^\d+,/.test(l)),
    ).toHaveLength(2 * closed);

    const verify = recorder();
    const verified = await main(
      [
        'verify',
        'corpus/v5/ma-cross.pine',
        '--data',
        'data/eth-usdt-15m.csv',
        '--trades',
        trades,
        '--timezone',
        'UTC',
        '--mintick',
        '0.01',
        '--require',
        'exact',
      ],
      verify.io,
    );
    expect(verify.out()).toMatch(
      /^verify: exact — (\d+) TradingView trades, \1 ours, \1 paired \(\1 exact\)/,
    );
    expect(verified).toBe(0);
  }, 120_000);

  it('rejects an input value outside the range the script declares, naming the input', async () => {
    const r = recorder();
    const code = await main(
      [
        'run',
        'corpus/v5/ma-cross.pine',
        '--data',
        'data/eth-usdt-15m.csv',
        '--input',
        'fastLength=0',
        '--no-save',
      ],
      r.io,
    );
    expect(code).toBe(2);
    expect(r.err()).toContain('--input fastLength');
    expect(r.err()).toContain('>=1');
  });

  it('reports a missing data file with exit code 2', async () => {
    const r = recorder();
    const code = await main(['run', 'corpus/v5/ma-cross.pine', '--data', 'no/such.csv', '--no-save'], r.io);
    expect(code).toBe(2);
    expect(r.err()).toContain('no/such.csv');
  });
});
