import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BAR_COLUMNS, mismatches, readOracle } from '../runtime/ta/oracle-csv.js';
import { oracleIndicator } from './oracle-pine.js';

// TradingView's ma.csv export (provenance: test/data/oracles/README.md): its OHLCV goes in as the
// data file, the generated indicator through `pineport run --plots`, and the plots CSV must
// reproduce every moving-average column TradingView exported.
it('pineport run --plots reproduces the ma.csv oracle columns from its own OHLCV', async () => {
  const table = readOracle(join(import.meta.dirname, '../data/oracles/ta/ma.csv'));
  const dir = mkdtempSync(join(tmpdir(), 'pineport-oracle-cli-'));
  const column = (name: string) => table.values.get(name) ?? new Float64Array();
  const ohlcv = ['time,open,high,low,close,volume'];
  for (let i = 0; i < table.length; i++)
    ohlcv.push(['time', 'open', 'high', 'low', 'close', 'Volume'].map((c) => String(column(c)[i])).join(','));
  writeFileSync(join(dir, 'bars.csv'), `${ohlcv.join('\n')}\n`);
  const columns = table.columns.filter((c) => !BAR_COLUMNS.has(c));
  const indicator = oracleIndicator('ma.csv', columns);
  writeFileSync(join(dir, 'ma.pine'), indicator.source);

  let stderr = '';
  const code = await main(
    [
      'run',
      join(dir, 'ma.pine'),
      '--data',
      join(dir, 'bars.csv'),
      '--plots',
      join(dir, 'plots.csv'),
      '--no-save',
    ],
    { stdout: () => undefined, stderr: (s) => void (stderr += s) },
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);

  const lines = readFileSync(join(dir, 'plots.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.map((r) => Number(r[0]))).toEqual(Array.from(column('time')));
  expect(columns.length).toBe(15);
  for (const name of columns) {
    const at = header.indexOf(indicator.plots.get(name) ?? '');
    const ours = Float64Array.from(rows, (r) => (r[at] === '' ? NaN : Number(r[at])));
    expect(mismatches(column(name), ours, column('time')), name).toEqual([]);
  }
});
