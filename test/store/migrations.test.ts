import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RunStore,
  STORE_SCHEMA_VERSION,
  defaultStorePath,
  migrateStore,
  storeMigrations,
} from '../../src/store/index.js';
import { tempDir } from './helpers.js';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => {
  folder.remove();
});

function openOrFail(path: string): RunStore {
  const opened = RunStore.open(path);
  if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
  return opened.store;
}

describe('schema migrations', () => {
  it('builds the latest schema in an empty file, in WAL mode', () => {
    const path = join(folder.dir, 'runs.db');
    writeFileSync(path, '');
    const store = openOrFail(path);
    expect(store.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(STORE_SCHEMA_VERSION).toBe(2);
    store.close();

    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'); // WAL is stored in the file
    const versions = raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(storeMigrations.map((m) => ({ version: m.version, name: m.name })));
    const tables = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'equity_curves',
      'metrics',
      'provenance',
      'runs',
      'schema_migrations',
      'studies',
      'trades',
      'trial_metrics',
      'trials',
      'walkforward_windows',
    ]);
    raw.close();
  });

  it('creates the default .pineport folder when missing', () => {
    const path = defaultStorePath(folder.dir);
    expect(path).toBe(join(folder.dir, '.pineport', 'runs.db'));
    const store = openOrFail(path);
    store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('migrates a version-1 store with a run in it to the latest, keeping the run', () => {
    const path = join(folder.dir, 'v1.db');
    const raw = new BetterSqlite3(path);
    expect(migrateStore(raw, 1)).toEqual({ ok: true, from: 0, to: 1 });
    // Written as a version-1 pineport would: no study_id column, no studies tables yet.
    raw
      .prepare(
        `INSERT INTO runs (kind, status, name, created_at, finished_at, pineport_version, inputs_json, summary_json)
         VALUES ('backtest', 'complete', 'old run', 1700000000000, 1700000001000, '0.0.9', '{"len":14}', '{"net":5}')`,
      )
      .run();
    raw
      .prepare(
        `INSERT INTO trades (run_id, seq, number, direction, entry_time, entry_price, entry_signal, exit_time, exit_price,
           exit_signal, qty, profit, is_open, entry_line, exit_line)
         VALUES (1, 0, 1, 'long', 1700000000000, 100.5, 'L', 1700000900000, 101.25, 'X', 2, 1.5, 0, 0, 0)`,
      )
      .run();
    raw.close();

    const store = openOrFail(path);
    expect(store.schemaVersion).toBe(2);
    expect(store.getRun(1)).toMatchObject({
      name: 'old run',
      pineportVersion: '0.0.9',
      inputs: { len: 14 },
      summary: { net: 5 },
      studyId: null,
      windows: [],
      tradeCount: 1,
    });
    expect(store.getTrades(1)?.[0]).toMatchObject({
      entryPrice: 100.5,
      exitPrice: 101.25,
      profit: 1.5,
      qty: 2,
    });
    // The version-2 tables work on the migrated file.
    const study = store.studyStore('s');
    study.create({
      name: 's',
      sampler: 'tpe',
      seed: 1,
      batchSize: 1,
      objectives: [],
      constraints: [],
      space: '{}',
    });
    expect(study.meta()?.sampler).toBe('tpe');
    store.close();
  });

  it('refuses a store written by a newer pineport with PP8002, without touching it', () => {
    const path = join(folder.dir, 'future.db');
    const raw = new BetterSqlite3(path);
    migrateStore(raw);
    raw
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)')
      .run('from the future');
    raw.close();
    const opened = RunStore.open(path);
    expect(opened).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'PP8002',
          severity: 'error',
          message: `the run store has schema version 99, but this pineport understands up to version ${STORE_SCHEMA_VERSION}`,
          hint: 'upgrade pineport, or use another store with --store PATH',
          file: path,
        },
      ],
    });
  });

  it('reports a file that is not a database, and a foreign database, as PP8001', () => {
    const text = join(folder.dir, 'notes.db');
    writeFileSync(
      text,
      'this is not SQLite, just text that is long enough to be read as a header page\n'.repeat(20),
    );
    const opened = RunStore.open(text);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.diagnostics[0]).toMatchObject({
        code: 'PP8001',
        message: `cannot open the run store ${text} (file is not a database)`,
      });
    }

    const foreign = join(folder.dir, 'app.db');
    const raw = new BetterSqlite3(foreign);
    raw.exec('CREATE TABLE users (id INTEGER)');
    raw.close();
    const refused = RunStore.open(foreign);
    expect(refused.ok ? [] : refused.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PP8001', `${foreign} is an SQLite database, but not a pineport run store`],
    ]);
    // Untouched: still in its own journal mode, no tables of ours added.
    const after = new BetterSqlite3(foreign, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([
      'users',
    ]);
    after.close();
  });

  it('reports a missing store as PP8003 when asked not to create one', () => {
    const path = join(folder.dir, 'absent.db');
    const opened = RunStore.open(path, { create: false });
    expect(opened.ok ? '' : opened.diagnostics[0].code).toBe('PP8003');
    expect(existsSync(path)).toBe(false);
  });
});
