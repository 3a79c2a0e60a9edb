import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerDataCommand } from '../../src/cli/commands/data.js';
import { fixturePath } from '../exports/fixtures.js';
import { runCommand } from '../verify/cli-harness.js';

const check = (args: string[]) => runCommand(registerDataCommand, ['data', 'check', ...args]);

describe('pineport data check', () => {
  it('summarises a clean file, exit 0', async () => {
    const file = fixturePath('ohlcv/eth-15m-first5.csv');
    const { code, stdout } = await check([file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${file}: 5 bars, 2024-10-19 21:00 UTC → 2024-10-19 22:00 UTC, timeframe 15m, time unix-ms, columns timestamp,open,high,low,close,volume; 0 errors, 0 warnings (0 gaps)\n`,
    );
  });

  it('prints errors with file:line:col and a code frame, exit 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pineport-data-')), 'bad.csv');
    writeFileSync(
      file,
      'time,open,high,low,close,volume\n1700000000,1,2,0.5,1.5,1\n1700000060,1,1.2,0.5,1.5,1\n',
    );
    const { code, stderr } = await check([file]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        `${file}:3:14: error PP4012: high 1.2 is below max(open 1, close 1.5)`,
        '  2 | 1700000000,1,2,0.5,1.5,1',
        '  3 | 1700000060,1,1.2,0.5,1.5,1',
        '    |              ^^^',
        '  hint: fix or remove the bar at its source; pineport keeps every bar as given',
        '',
      ].join('\n'),
    );
  });

  it('--json gives a machine-readable report; a missing file exits 2', async () => {
    const { stdout } = await check(['--json', fixturePath('ohlcv/chart-export-eurusd-accdist.csv')]);
    const json = JSON.parse(stdout) as { ok: boolean; bars: number; timeframeMs: number; gaps: unknown[] };
    expect([json.ok, json.bars, json.timeframeMs, json.gaps.length]).toEqual([true, 5, 1_800_000, 1]);
    expect((await check(['/nonexistent/x.csv'])).code).toBe(2);
  });
});
