import type { Database, Statement } from 'better-sqlite3';
import { decodeFloat64, encodeFloat64 } from './blob.js';
import type { StudyMeta, TrialState } from './schemas.js';
import { sqlNumber } from './run-writer.js';

/** A trial's parameter values (the optimiser's `ParamValues`). */
export type TrialParams = Readonly<Record<string, number | string | boolean>>;

/**
 * One evaluated trial, shaped like src/optimize's `Trial` (so its trials append as they are) plus
 * the store's extras: the 'pruned' state and timings. `values` has one entry per objective (NaN
 * when none); `violations` one per constraint (0 = satisfied); `returns` the per-period returns.
 */
export interface TrialRecord {
  readonly number: number;
  readonly batch: number;
  readonly batchSize: number;
  readonly params: TrialParams;
  readonly state: TrialState;
  readonly values: readonly number[];
  readonly violations: readonly number[];
  readonly feasible: boolean;
  /** Why the trial failed or was pruned. */
  readonly reason?: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly returns?: readonly number[];
  readonly startedAt?: number;
  readonly durationMs?: number;
}

/**
 * Where an optimiser keeps its trials, trial by trial, so a study can resume after a crash.
 * src/optimize had no such interface yet when this was written; this is the minimal one the store
 * implements (append one trial, load all, read the fixed settings).
 */
export interface StudyStore {
  readonly meta: StudyMeta;
  /** Persists one trial atomically; trial numbers are unique within a study. */
  append(trial: TrialRecord): void;
  /** Every stored trial, by trial number. */
  load(): TrialRecord[];
}

interface TrialRow {
  id: number;
  number: number;
  batch: number;
  batch_size: number;
  feasible: number;
  state: TrialState;
  reason: string | null;
  params_json: string;
  values_json: string;
  violations_json: string;
  period_returns: Buffer | null;
  started_at: number | null;
  duration_ms: number | null;
}

/** JSON has no NaN: objective values go through null. */
function valuesToJson(values: readonly number[]): string {
  return JSON.stringify(values.map((v) => (Number.isFinite(v) ? v : null)));
}

function valuesFromJson(text: string): number[] {
  return (JSON.parse(text) as (number | null)[]).map((v) => v ?? Number.NaN);
}

/** A study in the SQLite run store; obtained from RunStore.openStudy. */
export class SqliteStudyStore implements StudyStore {
  /** `studies.id`, for RunHeader.studyId and walk-forward windows. */
  readonly id: number;
  readonly meta: StudyMeta;
  private readonly db: Database;
  private readonly insertTrial: Statement;
  private readonly insertMetric: Statement;
  private readonly selectTrials: Statement<[number], TrialRow>;
  private readonly selectMetrics: Statement<
    [number],
    { trial_id: number; name: string; value: number | null }
  >;

  constructor(db: Database, id: number, meta: StudyMeta) {
    this.db = db;
    this.id = id;
    this.meta = meta;
    this.insertTrial = db.prepare(
      `INSERT INTO trials (study_id, number, batch, batch_size, state, reason, params_json, value, values_json,
         violations_json, feasible, period_returns, started_at, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMetric = db.prepare('INSERT INTO trial_metrics (trial_id, name, value) VALUES (?, ?, ?)');
    this.selectTrials = db.prepare('SELECT * FROM trials WHERE study_id = ? ORDER BY number');
    this.selectMetrics = db.prepare(
      `SELECT m.trial_id, m.name, m.value FROM trial_metrics m JOIN trials t ON t.id = m.trial_id
       WHERE t.study_id = ? ORDER BY m.trial_id, m.name`,
    );
  }

  /** Writes the trial and its metrics in one transaction; a duplicate number is a caller bug and throws. */
  append(trial: TrialRecord): void {
    this.db.transaction(() => {
      const info = this.insertTrial.run(
        this.id,
        trial.number,
        trial.batch,
        trial.batchSize,
        trial.state,
        trial.reason ?? null,
        JSON.stringify(trial.params),
        trial.values.length > 0 ? sqlNumber(trial.values[0]) : null,
        valuesToJson(trial.values),
        valuesToJson(trial.violations),
        trial.feasible ? 1 : 0,
        trial.returns === undefined ? null : encodeFloat64(Float64Array.from(trial.returns)),
        sqlNumber(trial.startedAt),
        sqlNumber(trial.durationMs),
      );
      const trialId = Number(info.lastInsertRowid);
      for (const [name, value] of Object.entries(trial.metrics)) {
        this.insertMetric.run(trialId, name, sqlNumber(value));
      }
    })();
  }

  /** Reads all trials in one snapshot (a WAL reader sees only committed trials). */
  load(): TrialRecord[] {
    return this.db.transaction(() => {
      const metrics = new Map<number, Record<string, number>>();
      for (const m of this.selectMetrics.all(this.id)) {
        let forTrial = metrics.get(m.trial_id);
        if (forTrial === undefined) metrics.set(m.trial_id, (forTrial = {}));
        forTrial[m.name] = m.value ?? Number.NaN;
      }
      return this.selectTrials.all(this.id).map((row): TrialRecord => {
        const trial: {
          -readonly [K in keyof TrialRecord]: TrialRecord[K];
        } = {
          number: row.number,
          batch: row.batch,
          batchSize: row.batch_size,
          params: JSON.parse(row.params_json) as TrialParams,
          state: row.state,
          values: valuesFromJson(row.values_json),
          violations: valuesFromJson(row.violations_json),
          feasible: row.feasible === 1,
          metrics: metrics.get(row.id) ?? {},
        };
        if (row.reason !== null) trial.reason = row.reason;
        if (row.period_returns !== null) trial.returns = Array.from(decodeFloat64(row.period_returns));
        if (row.started_at !== null) trial.startedAt = row.started_at;
        if (row.duration_ms !== null) trial.durationMs = row.duration_ms;
        return trial;
      });
    })();
  }
}
