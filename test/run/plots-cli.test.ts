import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function recorder() {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) },
    out: () => out,
    err: () => err,
  };
}

/** Splits a CSV line of this test's output (quoted cells only in the header). */
function cells(line: string): string[] {
  return line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
}

describe('pineport run --plots', () => {
  it('writes time and one column per plot title, na as an empty cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pineport-plots-'));
    const pine = join(dir, 'ind.pine');
    writeFileSync(
      pine,
      [
        '//@version=5',
        'indicator("plots")',
        'plot(close, "c")',
        'plot(ta.sma(close, 3), "sma, 3")',
        'plot(bar_index % 2 == 0 ? na : bar_index)',
      ].join('\n'),
    );
    const out = join(dir, 'plots.csv');
    const r = recorder();
    const code = await main(
      ['run', pine, '--data', 'data/eth-usdt-15m.csv', '--plots', out, '--no-save'],
      r.io,
    );
    expect(r.err()).toBe('');
    expect(code).toBe(0);
    expect(r.out()).toContain(`plots: ${out}`);

    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const data = readFileSync('data/eth-usdt-15m.csv', 'utf8').trimEnd().split('\n').slice(1);
    expect(lines[0]).toBe('time,c,"sma, 3",Plot');
    expect(lines).toHaveLength(data.length + 1);
    // data/eth-usdt-15m.csv rows 1–3: times 1768906800000 + k·900000 ms, closes 3105.61, 3107.58, …
    const rows = data.slice(0, 3).map((l) => l.split(','));
    const closes = rows.map((r) => Number(r[4]));
    expect(lines[1]).toBe(`1768906800,${rows[0][4]},,`);
    expect(lines[2]).toBe(`1768907700,${rows[1][4]},,1`);
    const third = cells(lines[3]);
    expect(third[0]).toBe('1768908600');
    expect(Number(third[2])).toBeCloseTo((closes[0] + closes[1] + closes[2]) / 3, 9);
    expect(third[3]).toBe('');
  });

  it('keeps two plots of the same (default) title apart, as TradingView does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pineport-plots-'));
    const pine = join(dir, 'two.pine');
    writeFileSync(pine, ['//@version=5', 'indicator("two")', 'plot(open)', 'plot(close)'].join('\n'));
    const out = join(dir, 'plots.csv');
    const r = recorder();
    const code = await main(
      ['run', pine, '--data', 'data/eth-usdt-15m.csv', '--plots', out, '--no-save'],
      r.io,
    );
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const first = readFileSync('data/eth-usdt-15m.csv', 'utf8').split('\n')[1].split(',');
    expect(lines[0]).toBe('time,Plot,Plot');
    expect(lines[1]).toBe(`1768906800,${first[1]},${first[4]}`);
  });
});
