import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trade } from '../../src/exports/index.js';
import { exited, LineReader, sourceUrl, spawnScript } from './child.js';
import { fixtureTrades, fullRun, openStore, tempDir } from './helpers.js';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => {
  folder.remove();
});

/** Row counts of every run-owned table, read with a plain SQLite connection. */
function rowCounts(path: string): Record<string, number> {
  const raw = new BetterSqlite3(path, { readonly: true });
  const counts = Object.fromEntries(
    ['runs', 'provenance', 'trades', 'metrics', 'equity_curves'].map((table) => [
      table,
      raw.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number,
    ]),
  );
  raw.close();
  return counts;
}

describe('a crash mid-write leaves no partial run', () => {
  it('rolls back everything when the write throws inside the transaction', () => {
    const path = join(folder.dir, 'runs.db');
    const store = openStore(path);
    const kept = store.saveRun(fullRun());
    function* failing(): Generator<Trade> {
      yield* fixtureTrades().slice(0, 10);
      throw new Error('strategy crashed after 10 trades');
    }
    expect(() => store.saveRun({ ...fullRun(), trades: failing() })).toThrow(
      'strategy crashed after 10 trades',
    );
    expect(store.listRuns().map((r) => r.id)).toEqual([kept]);
    store.close();
    // Only the first run's rows: 1 run, its provenance, 24 trades, 4 metrics, 2 curves.
    expect(rowCounts(path)).toEqual({ runs: 1, provenance: 1, trades: 24, metrics: 4, equity_curves: 2 });
  });

  it('keeps the store consistent when the writing process is killed with SIGKILL mid-transaction', async () => {
    const path = join(folder.dir, 'runs.db');
    // The child commits one small run, then starts a run whose trades come from a generator that,
    // after 150,000 trades (~25 MB, beyond better-sqlite3's 16 MB page cache, so pages spill into the WAL
    // file before the commit),
    // says so and blocks forever inside the transaction. We kill it there.
    const child = spawnScript(
      folder.dir,
      `import { writeSync } from 'node:fs';
import { RunStore } from ${JSON.stringify(sourceUrl('src/store/index.ts'))};
const opened = RunStore.open(process.argv[2]);
if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
const store = opened.store;
store.saveRun({ kind: 'backtest', pineportVersion: 'child', name: 'committed' });
writeSync(1, 'committed\\n');
function* trades() {
  for (let i = 1; i <= 150000; i++) {
    yield { number: i, direction: 'long', entryTime: i * 1000, entryPrice: 100 + i, entrySignal: 'a long signal name ' + i,
      exitTime: i * 1000 + 500, exitPrice: 101 + i, exitSignal: 'a long exit name ' + i, qty: 1, profit: 1, profitPercent: 1,
      cumProfit: i, runUp: 2, drawdown: -1, commission: 0, open: false, entryLine: 0, exitLine: 0 };
  }
  writeSync(1, 'mid-write\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
store.saveRun({ kind: 'backtest', pineportVersion: 'child', name: 'killed', trades: trades() });
`,
      [path],
    );
    const lines = new LineReader(child);
    expect(await lines.next(child)).toBe('committed');
    const walAtCommit = statSync(`${path}-wal`).size;
    expect(await lines.next(child)).toBe('mid-write');

    // While the child holds its write transaction open, a second connection still reads (WAL):
    // it sees the committed run and nothing of the one being written.
    const reader = openStore(path);
    expect(reader.listRuns().map((r) => r.name)).toEqual(['committed']);
    reader.close();
    // The half-written run's pages really are on disk, uncommitted: a crash here is the hard case.
    expect(statSync(`${path}-wal`).size - walAtCommit).toBeGreaterThan(1_000_000);

    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');

    const store = openStore(path);
    expect(store.listRuns().map((r) => [r.name, r.status, r.tradeCount])).toEqual([
      ['committed', 'complete', 0],
    ]);
    const next = store.saveRun(fullRun());
    expect(store.getTrades(next)).toHaveLength(24);
    store.close();
    expect(rowCounts(path)).toMatchObject({ runs: 2, trades: 24 });
  });
});
