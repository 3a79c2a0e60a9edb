import type { Database, Statement } from 'better-sqlite3';
import type { StudyMeta, StudyStore } from '../optimize/store.js';
import type { ParamValues, Trial } from '../optimize/types.js';
import { decodeFloat64, encodeFloat64 } from './blob.js';
import { sqlNumber } from './run-writer.js';

/** A `studies` row as SQLite returns it. */
export interface StudyRow {
  id: number;
  name: string;
  sampler: string;
  seed: number;
  batch_size: number;
  space_json: string;
  objectives_json: string;
  constraints_json: string;
}

interface TrialRow {
  id: number;
  number: number;
  batch: number;
  batch_size: number;
  state: Trial['state'];
  reason: string | null;
  feasible: number;
  params_json: string;
  values_f64: Buffer;
  violations_f64: Buffer;
  returns_f64: Buffer | null;
}

/** For SQL and JSON readers: non-finite numbers have no JSON spelling and become null. */
function readableJson(values: readonly number[]): string {
  return JSON.stringify(values.map((v) => (Number.isFinite(v) ? v : null)));
}

/** The exact numbers (NaN, ±Infinity, -0 kept): a resumed study must tell its sampler what it was told. */
function exact(values: readonly number[]): Buffer {
  return encodeFloat64(Float64Array.from(values));
}

/**
 * One optimiser study in the run store, implementing src/optimize's `StudyStore`: the study row is
 * written by `create`, each trial by `append` in its own transaction (so a crash loses at most the
 * trial being written), and `load` reads every committed trial in one snapshot — WAL readers in
 * other processes see each trial as soon as it commits. Obtain it from `RunStore.studyStore(name)`.
 */
export class SqliteStudyStore implements StudyStore {
  readonly name: string;
  private readonly db: Database;
  private cachedId: number | undefined;
  private readonly selectStudy: Statement<[string], StudyRow>;
  private readonly insertStudy: Statement;
  private readonly insertTrial: Statement;
  private readonly insertMetric: Statement;
  private readonly selectTrials: Statement<[number], TrialRow>;
  private readonly selectMetrics: Statement<
    [number],
    { trial_id: number; name: string; value: number | null }
  >;

  constructor(db: Database, name: string) {
    this.db = db;
    this.name = name;
    this.cachedId = undefined;
    this.selectStudy = db.prepare('SELECT * FROM studies WHERE name = ?');
    this.insertStudy = db.prepare(
      `INSERT INTO studies (name, sampler, seed, batch_size, space_json, objectives_json, constraints_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertTrial = db.prepare(
      `INSERT INTO trials (study_id, number, batch, batch_size, state, reason, feasible, params_json, value, values_json,
         violations_json, values_f64, violations_f64, returns_f64, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMetric = db.prepare('INSERT INTO trial_metrics (trial_id, name, value) VALUES (?, ?, ?)');
    this.selectTrials = db.prepare('SELECT * FROM trials WHERE study_id = ? ORDER BY number');
    this.selectMetrics = db.prepare(
      `SELECT m.trial_id, m.name, m.value FROM trial_metrics m JOIN trials t ON t.id = m.trial_id
       WHERE t.study_id = ? ORDER BY m.trial_id, m.name`,
    );
  }

  /** `studies.id` once the study exists (for RunHeader.studyId and walk-forward windows). */
  id(): number | undefined {
    this.cachedId ??= this.selectStudy.get(this.name)?.id;
    return this.cachedId;
  }

  /** The stored settings, undefined before {@link create}. */
  meta(): StudyMeta | undefined {
    const row = this.selectStudy.get(this.name);
    if (row === undefined) return undefined;
    return {
      name: row.name,
      sampler: row.sampler,
      seed: row.seed,
      batchSize: row.batch_size,
      objectives: JSON.parse(row.objectives_json) as string[],
      constraints: JSON.parse(row.constraints_json) as string[],
      space: row.space_json,
    };
  }

  /** Writes the study row under this store's name (the optimiser calls it once, before any trial). */
  create(meta: StudyMeta): void {
    const info = this.insertStudy.run(
      this.name,
      meta.sampler,
      meta.seed,
      meta.batchSize,
      meta.space,
      JSON.stringify(meta.objectives),
      JSON.stringify(meta.constraints),
      Date.now(),
    );
    this.cachedId = Number(info.lastInsertRowid);
  }

  /** Writes one trial with its metrics in one transaction. Appending before create, or a duplicate number, throws (caller bugs). */
  append(trial: Trial): void {
    const studyId = this.id();
    if (studyId === undefined) throw new Error(`study '${this.name}': append before create`);
    this.db.transaction(() => {
      const info = this.insertTrial.run(
        studyId,
        trial.number,
        trial.batch,
        trial.batchSize,
        trial.state,
        trial.reason ?? null,
        trial.feasible ? 1 : 0,
        JSON.stringify(trial.params),
        trial.values.length > 0 ? sqlNumber(trial.values[0]) : null,
        readableJson(trial.values),
        readableJson(trial.violations),
        exact(trial.values),
        exact(trial.violations),
        trial.returns === undefined ? null : exact(trial.returns),
        Date.now(),
      );
      const trialId = Number(info.lastInsertRowid);
      for (const [name, value] of Object.entries(trial.metrics))
        this.insertMetric.run(trialId, name, sqlNumber(value));
    })();
  }

  /** Every committed trial by number, read in one snapshot. */
  load(): Trial[] {
    const studyId = this.id();
    if (studyId === undefined) return [];
    return this.db.transaction(() => {
      const metrics = new Map<number, Record<string, number>>();
      for (const m of this.selectMetrics.all(studyId)) {
        let forTrial = metrics.get(m.trial_id);
        if (forTrial === undefined) metrics.set(m.trial_id, (forTrial = {}));
        forTrial[m.name] = m.value ?? Number.NaN;
      }
      return this.selectTrials.all(studyId).map((row): Trial => ({
        number: row.number,
        batch: row.batch,
        batchSize: row.batch_size,
        params: JSON.parse(row.params_json) as ParamValues,
        state: row.state,
        values: Array.from(decodeFloat64(row.values_f64)),
        violations: Array.from(decodeFloat64(row.violations_f64)),
        feasible: row.feasible === 1,
        ...(row.reason === null ? {} : { reason: row.reason }),
        metrics: metrics.get(row.id) ?? {},
        ...(row.returns_f64 === null ? {} : { returns: Array.from(decodeFloat64(row.returns_f64)) }),
      }));
    })();
  }
}
