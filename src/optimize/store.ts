import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.js';
import { optimizeCodes } from '../diagnostics/codes/optimize.js';
import type { ParamValue, Trial, TrialState } from './types.js';

/** What identifies a study: a resumed run must match it, or the replay would diverge. */
export interface StudyMeta {
  readonly name: string;
  readonly sampler: string;
  readonly seed: number;
  readonly batchSize: number;
  readonly objectives: readonly string[];
  readonly constraints: readonly string[];
  /** The search space's dimensions and fixed values, as JSON, to detect a changed space. */
  readonly space: string;
}

/**
 * Where a study keeps its trials, one at a time, so an interrupted run loses nothing. The JSON-lines
 * file here and the SQLite store implement the same three members; methods may be sync or async.
 */
export interface StudyStore {
  /** The stored study's meta, undefined for a new store. */
  meta(): StudyMeta | undefined | Promise<StudyMeta | undefined>;
  /** Starts a new study (called once, before the first append). */
  create(meta: StudyMeta): void | Promise<void>;
  /** Persists one trial durably before returning. */
  append(trial: Trial): void | Promise<void>;
  /** Every stored trial, ordered by trial number. */
  load(): Trial[] | Promise<Trial[]>;
}

/** Numbers JSON cannot hold (NaN, ±Infinity) are written as strings and read back. */
function encodeNumber(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN' || v === null) return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

/** A trial as one JSON object (non-finite numbers as strings). */
export function encodeTrial(trial: Trial): Record<string, unknown> {
  const metrics: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(trial.metrics)) metrics[k] = encodeNumber(v);
  return {
    number: trial.number,
    batch: trial.batch,
    batchSize: trial.batchSize,
    params: trial.params,
    state: trial.state,
    values: trial.values.map(encodeNumber),
    violations: trial.violations.map(encodeNumber),
    feasible: trial.feasible,
    ...(trial.reason === undefined ? {} : { reason: trial.reason }),
    metrics,
    ...(trial.returns === undefined ? {} : { returns: trial.returns.map(encodeNumber) }),
  };
}

/** Reads back what {@link encodeTrial} wrote; throws on a malformed record. */
export function decodeTrial(raw: unknown): Trial {
  if (typeof raw !== 'object' || raw === null) throw new Error('trial record is not an object');
  const r = raw as Record<string, unknown>;
  const integer = (k: string): number => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`trial.${k} is not an integer`);
    return v;
  };
  const list = (k: string): number[] => {
    const v = r[k];
    if (!Array.isArray(v)) throw new Error(`trial.${k} is not a list`);
    return v.map(decodeNumber);
  };
  const state = r.state;
  if (state !== 'complete' && state !== 'failed') throw new Error('trial.state is invalid');
  const rawParams: unknown = r.params;
  if (typeof rawParams !== 'object' || rawParams === null) throw new Error('trial.params is not an object');
  const params = rawParams as Record<string, ParamValue>;
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries((r.metrics ?? {}) as Record<string, unknown>))
    metrics[k] = decodeNumber(v);
  return {
    number: integer('number'),
    batch: integer('batch'),
    batchSize: integer('batchSize'),
    params,
    state: state satisfies TrialState,
    values: list('values'),
    violations: list('violations'),
    feasible: r.feasible === true,
    ...(typeof r.reason === 'string' ? { reason: r.reason } : {}),
    metrics,
    ...(Array.isArray(r.returns) ? { returns: list('returns') } : {}),
  };
}

/**
 * A study as a JSON-lines file: a `{"type":"meta",…}` line, then one `{"type":"trial",…}` line per
 * trial in completion order, each appended synchronously so a crash loses at most the line being
 * written. Unreadable lines (a torn last line) are skipped with a warning in `diagnostics`.
 */
export class JsonlStudyStore implements StudyStore {
  readonly path: string;
  readonly diagnostics: Diagnostic[] = [];
  private cachedMeta: StudyMeta | undefined;
  private trials: Trial[] | undefined;
  /** A torn last line (no newline) must be ended before the next record is appended. */
  private needsNewline = false;

  /** A store on `path`; the file is created by {@link create}. */
  constructor(path: string) {
    this.path = path;
  }

  private write(record: unknown): void {
    appendFileSync(this.path, `${this.needsNewline ? '\n' : ''}${JSON.stringify(record)}\n`);
    this.needsNewline = false;
  }

  private read(): void {
    if (this.trials !== undefined) return;
    this.trials = [];
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    this.needsNewline = text.length > 0 && !text.endsWith('\n');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const record = JSON.parse(line) as { type?: unknown; meta?: unknown; trial?: unknown };
        if (record.type === 'meta') this.cachedMeta = record.meta as StudyMeta;
        else if (record.type === 'trial') this.trials!.push(decodeTrial(record.trial));
        else throw new Error('unknown record type');
      } catch (error) {
        this.diagnostics.push({
          code: optimizeCodes.storeCorrupt.code,
          severity: optimizeCodes.storeCorrupt.severity,
          message: `${this.path}:${i + 1}: skipped an unreadable line (${error instanceof Error ? error.message : String(error)})`,
          file: this.path,
        });
      }
    });
    this.trials.sort((a, b) => a.number - b.number);
  }

  /** The meta line, if the file exists. */
  meta(): StudyMeta | undefined {
    this.read();
    return this.cachedMeta;
  }

  /** Writes the meta line. */
  create(meta: StudyMeta): void {
    this.read();
    this.cachedMeta = meta;
    this.write({ type: 'meta', meta });
  }

  /** Appends one trial line. */
  append(trial: Trial): void {
    this.read();
    this.trials!.push(trial);
    this.write({ type: 'trial', trial: encodeTrial(trial) });
  }

  /** Stored trials by number. */
  load(): Trial[] {
    this.read();
    return [...this.trials!].sort((a, b) => a.number - b.number);
  }
}

/** A store in memory (tests, walk-forward windows). */
export class MemoryStudyStore implements StudyStore {
  private storedMeta: StudyMeta | undefined;
  private readonly trials: Trial[] = [];

  /** The meta given to {@link create}. */
  meta(): StudyMeta | undefined {
    return this.storedMeta;
  }

  /** Remembers the meta. */
  create(meta: StudyMeta): void {
    this.storedMeta = meta;
  }

  /** Keeps the trial. */
  append(trial: Trial): void {
    this.trials.push(trial);
  }

  /** Trials by number. */
  load(): Trial[] {
    return [...this.trials].sort((a, b) => a.number - b.number);
  }
}
