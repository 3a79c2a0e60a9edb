import type { Database } from 'better-sqlite3';
import type { Diagnostic } from '../diagnostics/index.js';
import { storeCodes } from '../diagnostics/codes/store.js';
import { STORE_SCHEMA_VERSION, storeMigrations } from './schema.js';

/** What {@link migrateStore} did, or why it refused. */
export type MigrationResult =
  | { readonly ok: true; readonly from: number; readonly to: number }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The highest applied version (0 for an empty database). */
export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings a database up to `upTo` (default: the latest schema), applying each missing migration in
 * its own IMMEDIATE transaction so that two processes opening the same new file do not both apply
 * it. A database already past the versions this pineport knows is refused with PP8002.
 */
export function migrateStore(db: Database, upTo: number = STORE_SCHEMA_VERSION): MigrationResult {
  // Only write when there is something to do: a reader opening the store while another process
  // holds the write lock must not wait for it.
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (exists === undefined) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
  }
  const from = schemaVersion(db);
  if (from > STORE_SCHEMA_VERSION) {
    return {
      ok: false,
      diagnostics: [
        {
          code: storeCodes.storeTooNew.code,
          severity: 'error',
          message: `the run store has schema version ${from}, but this pineport understands up to version ${STORE_SCHEMA_VERSION}`,
          hint: 'upgrade pineport, or use another store with --store PATH',
        },
      ],
    };
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of storeMigrations) {
    if (migration.version > upTo) break;
    if (migration.version <= from) continue;
    const apply = db.transaction(() => {
      // Re-read inside the lock: another process may have applied it since we looked.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    });
    apply.immediate();
  }
  return { ok: true, from, to: schemaVersion(db) };
}
