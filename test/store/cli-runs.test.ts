import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerRunsCommand } from '../../src/cli/commands/runs.js';
import { runDetailsSchema, runExportSchema, runListSchema } from '../../src/store/index.js';
import { runCommand } from '../verify/cli-harness.js';
import { fullRun, openStore, tempDir } from './helpers.js';

let folder: ReturnType<typeof tempDir>;
let path: string;

beforeEach(() => {
  folder = tempDir();
  path = join(folder.dir, 'runs.db');
  const store = openStore(path);
  store.saveRun(fullRun());
  store.saveRun({
    kind: 'optimize',
    pineportVersion: '0.1.0',
    createdAt: Date.UTC(2026, 10, 21, 8),
    wallMs: 65_000,
  });
  store.close();
});
afterEach(() => {
  folder.remove();
});

function runs(...args: string[]): ReturnType<typeof runCommand> {
  return runCommand(registerRunsCommand, ['runs', ...args]);
}

const LIST_HINT = '  hint: run `pineport runs list` to see the stored runs\n';

describe('pineport runs list', () => {
  it('prints a table, newest first', async () => {
    expect(await runs('list', '--store', path)).toEqual({
      code: 0,
      stdout: [
        '   ID kind        status   created (UTC)            wall  trades  name',
        '    2 optimize    complete 2026-11-21 08:00 UTC    65.0s       0',
        '    1 backtest    complete 2026-11-20 09:30 UTC     1.8s      24   MTF MACD confluence',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('filters and limits, and prints JSON that validates against runListSchema', async () => {
    const result = await runs('list', '--store', path, '--kind', 'backtest', '--limit', '1', '--json');
    expect(result.code).toBe(0);
    const list = runListSchema.parse(JSON.parse(result.stdout));
    expect(list.map((r) => [r.id, r.kind, r.tradeCount])).toEqual([[1, 'backtest', 24]]);
  });

  it('says there are no runs when the store does not exist, and does not create it', async () => {
    const missing = join(folder.dir, 'none', 'runs.db');
    expect(await runs('list', '--store', missing)).toEqual({
      code: 0,
      stdout: `No runs stored in ${missing} yet.\n`,
      stderr: '',
    });
    expect((await runs('list', '--store', missing, '--json')).stdout).toBe('[]\n');
  });

  it('rejects a bad --kind and --limit with exit 2', async () => {
    expect(await runs('list', '--kind', 'bogus', '--store', path)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: option '--kind <kind>' argument 'bogus' is invalid. Allowed choices are backtest, verify, optimize, walkforward.\n",
    });
    expect(await runs('list', '--limit', '0', '--store', path)).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: --limit must be a whole number of at least 1, got '0'\n",
    });
    expect((await runs('list', '--limit', '99999999999999999999', '--store', path)).code).toBe(2);
  });

  it('exits 2 with PP8001 when the store is not a database', async () => {
    const garbage = join(folder.dir, 'garbage.db');
    writeFileSync(garbage, 'not a database\n'.repeat(100));
    expect(await runs('list', '--store', garbage)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${garbage}: error PP8001: cannot open the run store ${garbage} (file is not a database)\n  hint: check the path, or pass another file with --store PATH\n`,
    });
  });

  it('exits 2 with PP8002 when the store comes from a newer pineport', async () => {
    const raw = new BetterSqlite3(path);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('future');
    raw.close();
    const result = await runs('show', '1', '--store', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${path}: error PP8002: the run store has schema version 99, but this pineport understands up to version 2\n` +
        '  hint: upgrade pineport, or use another store with --store PATH\n',
    );
  });
});

describe('pineport runs show', () => {
  it('prints the run with provenance and metrics', async () => {
    const result = await runs('show', '1', '--store', path);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'Run 1: backtest, complete — MTF MACD confluence',
      '  created   2026-11-20 09:30 UTC, finished 2026-11-20 09:30:02 UTC',
      '  wall time 1.83 s',
      '  pineport  0.1.0, seed 42',
      '  trades    24',
    ]);
    expect(result.stdout).toContain(
      '  data      data/ohlcv_ETH-USDT-USDT_15m.csv sha256 ' +
        'da7a'.repeat(16) +
        ', 36361 rows, 2025-04-20 21:00 UTC → 2026-05-04 15:00 UTC\n',
    );
    expect(result.stdout).toContain(
      '    netProfit                    -1761.78\n    profitFactor                 -\n',
    );
    expect(result.stdout).toContain('    sharpe                       0.123457\n');
  });

  it('prints JSON that validates against runDetailsSchema', async () => {
    const result = await runs('show', '1', '--json', '--store', path);
    const details = runDetailsSchema.parse(JSON.parse(result.stdout));
    expect(details).toMatchObject({ id: 1, tradeCount: 24, metrics: { profitFactor: null } });
  });

  it('exits 1 for an unknown id and 2 for something that is not an id', async () => {
    expect(await runs('show', '5', '--store', path)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path}: error PP8004: no run with id 5\n${LIST_HINT}`,
    });
    const missing = join(folder.dir, 'nope.db');
    expect((await runs('show', '5', '--store', missing)).stderr).toBe(
      `${missing}: error PP8004: no run with id 5 (the run store does not exist yet)\n  hint: pass --store PATH if your runs are stored elsewhere\n`,
    );
    expect(await runs('show', 'abc', '--store', path)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: 'abc' is not a run id (ids are whole numbers such as 12; run `pineport runs list` to see the stored runs)\n",
    });
  });
});

describe('pineport runs export', () => {
  it('writes the TradingView CSV to a file, in the run symbol timezone by default', async () => {
    const out = join(folder.dir, 'trades.csv');
    expect(await runs('export', '1', '--format', 'csv', '-o', out, '--store', path)).toEqual({
      code: 0,
      stdout: `Wrote run 1 as csv to ${out}\n`,
      stderr: '',
    });
    const lines = readFileSync(out, 'utf8').split('\n');
    // The run's symbol timezone is UTC+8, as in the TradingView export the trades came from.
    expect(lines[1]).toBe(
      '1,Exit long,2025-05-24 00:00,flip to short,2567.37,1,1825.6,741.96,40.63,,912.97,50.01,-39.6,-2.17,741.96,0.07,',
    );
    const utc = await runs('export', '1', '--format', 'csv', '--timezone', 'UTC', '--store', path);
    expect(utc.stdout.split('\n')[1]).toContain(',2025-05-23 16:00,');
  });

  it('prints JSON to standard output that validates against runExportSchema', async () => {
    const result = await runs('export', '1', '--store', path);
    expect(result.code).toBe(0);
    const doc = runExportSchema.parse(JSON.parse(result.stdout));
    expect(doc.curves.equity.values).toHaveLength(36_361);
  });

  it('reports a bad format, a bad timezone, an unwritable file and an unknown id', async () => {
    expect((await runs('export', '1', '--format', 'xml', '--store', path)).stderr).toBe(
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, csv.\n",
    );
    expect(await runs('export', '1', '--timezone', 'Mars/Olympus', '--store', path)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: unknown timezone 'Mars/Olympus' (use an IANA name such as Asia/Taipei, UTC, or UTC+8)\n",
    });
    const unwritable = join(folder.dir, 'no-such-dir', 'out.json');
    const failed = await runs('export', '1', '-o', unwritable, '--store', path);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^error: cannot write .*out\.json \(ENOENT: no such file or directory/);
    expect(await runs('export', '9', '--store', path)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path}: error PP8004: no run with id 9\n${LIST_HINT}`,
    });
  });
});

describe('pineport runs delete', () => {
  it('deletes a run, then the id is unknown', async () => {
    expect(await runs('delete', '1', '--store', path)).toEqual({
      code: 0,
      stdout: 'Deleted run 1.\n',
      stderr: '',
    });
    expect((await runs('delete', '1', '--store', path)).code).toBe(1);
    expect((await runs('show', '1', '--store', path)).code).toBe(1);
    expect((await runs('list', '--store', path, '--json')).stdout).toContain('"id": 2');
  });
});

describe('help', () => {
  it.each([['list'], ['show'], ['export'], ['delete']])(
    'runs %s --help shows an example',
    async (command) => {
      const result = await runs(command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`Usage: pineport runs ${command} [\\s\\S]*\\nExample:\\n  pineport runs ${command} `),
      );
    },
  );
});
