/**
 * The run store's schema as an ordered list of migrations. A database records the versions it has
 * applied in `schema_migrations`; opening it applies the missing ones in order, each in its own
 * transaction. Never edit a released migration: append a new one (README.md lists the tables).
 *
 * Conventions a backend can rely on: times are UNIX milliseconds (UTC) as INTEGER; money, prices
 * and quantities are REAL with NULL for "not available" (NaN in memory); `*_json` columns hold JSON
 * text; equity curves are zlib-deflated little-endian Float64 arrays.
 */

/** One schema step. */
export interface StoreMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const v1Runs = `
CREATE TABLE runs (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT    NOT NULL CHECK (kind IN ('backtest', 'verify', 'optimize', 'walkforward')),
  status           TEXT    NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  name             TEXT,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER,
  wall_ms          REAL,
  pineport_version TEXT    NOT NULL,
  seed             INTEGER,
  inputs_json      TEXT    NOT NULL DEFAULT '{}',
  strategy_json    TEXT    NOT NULL DEFAULT '{}',
  symbol_json      TEXT    NOT NULL DEFAULT '{}',
  summary_json     TEXT    NOT NULL DEFAULT '{}',
  error            TEXT
);
CREATE INDEX runs_kind_created ON runs (kind, created_at);

CREATE TABLE provenance (
  run_id          INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  pine_path       TEXT,
  pine_hash       TEXT,
  pine_source     TEXT,
  code_hash       TEXT,
  data_path       TEXT,
  data_hash       TEXT,
  data_rows       INTEGER,
  data_first_time INTEGER,
  data_last_time  INTEGER
);

CREATE TABLE trades (
  run_id         INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  number         INTEGER NOT NULL,
  direction      TEXT    NOT NULL CHECK (direction IN ('long', 'short')),
  entry_time     INTEGER,
  entry_price    REAL,
  entry_signal   TEXT    NOT NULL,
  exit_time      INTEGER,
  exit_price     REAL,
  exit_signal    TEXT    NOT NULL,
  qty            REAL,
  profit         REAL,
  profit_percent REAL,
  cum_profit     REAL,
  run_up         REAL,
  drawdown       REAL,
  commission     REAL,
  is_open        INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  entry_line     INTEGER NOT NULL,
  exit_line      INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name   TEXT    NOT NULL,
  value  REAL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

CREATE TABLE equity_curves (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name   TEXT    NOT NULL,
  length INTEGER NOT NULL,
  codec  TEXT    NOT NULL,
  times  BLOB    NOT NULL,
  vals   BLOB    NOT NULL,
  PRIMARY KEY (run_id, name)
);
`;

/**
 * The optimiser's tables came second: studies are resumable on their own (by name), trials carry
 * their own metrics, and runs and walk-forward windows point at the study that produced them.
 */
const v2Studies = `
CREATE TABLE studies (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT    NOT NULL UNIQUE,
  sampler          TEXT    NOT NULL,
  seed             INTEGER NOT NULL,
  batch_size       INTEGER NOT NULL,
  space_json       TEXT    NOT NULL,
  objectives_json  TEXT    NOT NULL,
  constraints_json TEXT    NOT NULL,
  created_at       INTEGER NOT NULL
);

CREATE TABLE trials (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id        INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  batch           INTEGER NOT NULL,
  batch_size      INTEGER NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('complete', 'failed', 'pruned')),
  reason          TEXT,
  feasible        INTEGER NOT NULL CHECK (feasible IN (0, 1)),
  params_json     TEXT    NOT NULL,
  value           REAL,
  values_json     TEXT    NOT NULL,
  violations_json TEXT    NOT NULL,
  values_f64      BLOB    NOT NULL,
  violations_f64  BLOB    NOT NULL,
  returns_f64     BLOB,
  created_at      INTEGER NOT NULL,
  UNIQUE (study_id, number)
);

CREATE TABLE trial_metrics (
  trial_id INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  name     TEXT    NOT NULL,
  value    REAL,
  PRIMARY KEY (trial_id, name)
) WITHOUT ROWID;

ALTER TABLE runs ADD COLUMN study_id INTEGER REFERENCES studies (id) ON DELETE SET NULL;

CREATE TABLE walkforward_windows (
  run_id            INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  idx               INTEGER NOT NULL,
  is_start          INTEGER NOT NULL,
  is_end            INTEGER NOT NULL,
  oos_start         INTEGER NOT NULL,
  oos_end           INTEGER NOT NULL,
  study_id          INTEGER REFERENCES studies (id) ON DELETE SET NULL,
  params_json       TEXT    NOT NULL,
  in_sample_json    TEXT    NOT NULL DEFAULT '{}',
  out_of_sample_json TEXT   NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, idx)
) WITHOUT ROWID;
`;

/** Every migration, in order; the last one's version is the schema this pineport writes. */
export const storeMigrations: readonly StoreMigration[] = [
  { version: 1, name: 'runs, provenance, trades, metrics, equity curves', sql: v1Runs },
  { version: 2, name: 'studies, trials, trial metrics, walk-forward windows', sql: v2Studies },
];

/** The schema version this pineport writes and understands. */
export const STORE_SCHEMA_VERSION = storeMigrations[storeMigrations.length - 1].version;
