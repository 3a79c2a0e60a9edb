import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Diagnostic } from '../diagnostics/index.js';
import { storeCodes } from '../diagnostics/codes/store.js';
import type { Trade } from '../exports/index.js';
import { runToJson, tradesToTradingViewCsv, type ExportOptions } from './export.js';
import { migrateStore, schemaVersion } from './migrate.js';
import { RunReader } from './run-reader.js';
import { RunWriter } from './run-writer.js';
import type { RunDetails, RunKind, StoredRun, StoredStudy } from './schemas.js';
import { SqliteStudyStore } from './study.js';
import type { Curve, NewRun, RunHeader, RunId, RunResults } from './types.js';

/** `.pineport/runs.db` under the working directory: where runs go unless `--store PATH` says otherwise. */
export function defaultStorePath(cwd: string = process.cwd()): string {
  return join(cwd, '.pineport', 'runs.db');
}

/** Options of {@link RunStore.open}. */
export interface OpenOptions {
  /** Create the file (and its folder) when missing; default true. Read-only commands pass false. */
  readonly create?: boolean;
}

/** The outcome of opening a store: the store, or why not (PP8001 unreadable, PP8002 too new, PP8003 missing). */
export type OpenResult =
  | { readonly ok: true; readonly store: RunStore }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options of {@link RunStore.listRuns}. */
export interface ListOptions {
  readonly kind?: RunKind;
  /** At most this many, newest first; default all. */
  readonly limit?: number;
}

function failure(code: { code: string }, path: string, message: string, hint: string): OpenResult {
  return { ok: false, diagnostics: [{ code: code.code, severity: 'error', message, hint, file: path }] };
}

/**
 * The run store: an embedded SQLite database (WAL mode, foreign keys on) holding runs with their
 * provenance, trades, metrics, curves and walk-forward windows, and the optimiser's studies.
 * Each run is written in one transaction, so a crash never leaves half a run. One instance is one
 * connection; open one per process (WAL lets readers run while another connection writes).
 */
export class RunStore {
  readonly path: string;
  private readonly db: Database;
  private readonly writer: RunWriter;
  private readonly reader: RunReader;

  private constructor(path: string, db: Database) {
    this.path = path;
    this.db = db;
    this.writer = new RunWriter(db);
    this.reader = new RunReader(db);
  }

  /** Opens (and creates or migrates) the store at `path`. Problems come back as diagnostics. */
  static open(path: string = defaultStorePath(), options: OpenOptions = {}): OpenResult {
    const create = options.create ?? true;
    if (!create && path !== ':memory:' && !existsSync(path)) {
      return failure(
        storeCodes.storeMissing,
        path,
        `no run store at ${path}`,
        'runs are stored by run, verify, optimize and walkforward',
      );
    }
    let db: Database | undefined;
    try {
      if (create && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new BetterSqlite3(path, { fileMustExist: !create });
      db.pragma('busy_timeout = 5000');
      if (isForeignDatabase(db)) {
        db.close();
        return failure(
          storeCodes.storeUnreadable,
          path,
          `${path} is an SQLite database, but not a pineport run store`,
          'pass another file with --store PATH',
        );
      }
      // Checked above before any write, so a foreign database is never switched to WAL.
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // In WAL mode NORMAL is still atomic and consistent after a crash; it only skips the fsync per commit.
      db.pragma('synchronous = NORMAL');
      const migrated = migrateStore(db);
      if (!migrated.ok) {
        db.close();
        return { ok: false, diagnostics: migrated.diagnostics.map((d) => ({ ...d, file: path })) };
      }
      return { ok: true, store: new RunStore(path, db) };
    } catch (error) {
      db?.close();
      const reason = error instanceof Error ? error.message : String(error);
      return failure(
        storeCodes.storeUnreadable,
        path,
        `cannot open the run store ${path} (${reason})`,
        'check the path, or pass another file with --store PATH',
      );
    }
  }

  /** Closes the connection (checkpointing the WAL). */
  close(): void {
    this.db.close();
  }

  /** The schema version of the open database. */
  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  /** Writes a finished run with all its rows in one transaction and returns its id. */
  saveRun(run: NewRun): RunId {
    return this.db
      .transaction(() => {
        const id = this.writer.header(run);
        this.writer.results(id, run);
        return id;
      })
      .immediate();
  }

  /**
   * Records a long run (optimize, walk-forward) as 'running' before its work starts, so its study
   * can point at it; {@link finishRun} later writes the results atomically.
   */
  beginRun(header: RunHeader): RunId {
    return this.db.transaction(() => this.writer.header(header)).immediate();
  }

  /** Writes a begun run's results and status in one transaction; false when the run is not running. */
  finishRun(id: RunId, results: RunResults): boolean {
    return this.db.transaction(() => this.writer.results(id, results)).immediate();
  }

  /** A run with provenance, metrics, curve names and windows; undefined for an unknown id. */
  getRun(id: RunId): RunDetails | undefined {
    return this.db.transaction(() => this.reader.details(id))();
  }

  /** Runs, newest first. */
  listRuns(options: ListOptions = {}): StoredRun[] {
    return this.reader.list(options.kind, options.limit ?? -1);
  }

  /** The run's trades in list order; undefined for an unknown id. */
  getTrades(id: RunId): Trade[] | undefined {
    return this.db.transaction(() =>
      this.reader.storedRun(id) === undefined ? undefined : this.reader.tradeList(id),
    )();
  }

  /** A curve (default the equity curve), decompressed; undefined when the run has none by that name. */
  getEquity(id: RunId, name = 'equity'): Curve | undefined {
    return this.reader.namedCurve(id, name);
  }

  /** Deletes a run and all its rows (studies stay); false for an unknown id. */
  deleteRun(id: RunId): boolean {
    return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
  }

  /**
   * The run as text: `json` is everything stored (runExportSchema), `csv` its trades as a
   * TradingView List of Trades. Undefined for an unknown id.
   */
  exportRun(id: RunId, format: 'json' | 'csv', options: ExportOptions = {}): string | undefined {
    return this.db.transaction(() => {
      const run = this.reader.details(id);
      if (run === undefined) return undefined;
      const trades = this.reader.tradeList(id);
      return format === 'csv'
        ? tradesToTradingViewCsv(run, trades, options)
        : runToJson(this.schemaVersion, run, trades, this.reader.allCurves(id));
    })();
  }

  /**
   * The optimiser's store for the study `name` (src/optimize `StudyStore`): new until the optimiser
   * calls `create`, resumed when a study of that name exists (the optimiser checks its settings).
   */
  studyStore(name: string): SqliteStudyStore {
    return new SqliteStudyStore(this.db, name);
  }

  /** The study with `studies.id` = `id` (a run's or window's studyId); undefined when there is none. */
  studyStoreById(id: number): SqliteStudyStore | undefined {
    const row = this.db.prepare('SELECT name FROM studies WHERE id = ?').get(id) as
      { name: string } | undefined;
    return row === undefined ? undefined : new SqliteStudyStore(this.db, row.name);
  }

  /** Every study with its trial count, newest first. */
  listStudies(): StoredStudy[] {
    return this.reader.studies();
  }

  /** Deletes a study and its trials; runs and windows that pointed at it keep a NULL study id. */
  deleteStudy(name: string): boolean {
    return this.db.prepare('DELETE FROM studies WHERE name = ?').run(name).changes > 0;
  }
}

/** True for a database that has tables but never was a run store (we must not write into it). */
function isForeignDatabase(db: Database): boolean {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
  return names.length > 0 && !names.includes('schema_migrations');
}
