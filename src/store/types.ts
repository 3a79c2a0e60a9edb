import type { Trade } from '../exports/index.js';
import type { JsonObject, RunKind, WalkForwardWindow } from './schemas.js';

/** A run's id: the `runs.id` integer. */
export type RunId = number;

/** A curve sampled at bar times: `times` in UNIX ms, one value per time. */
export interface Curve {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/**
 * Where a run's inputs came from. The store hashes `pineSource` itself; the data file's hash comes
 * from {@link hashFile} (the caller has the file, the store may not).
 */
export interface ProvenanceInput {
  readonly pinePath?: string;
  readonly pineSource?: string;
  /** sha256 hex of the generated TypeScript ({@link hashText}). */
  readonly codeHash?: string;
  readonly dataPath?: string;
  readonly dataHash?: string;
  readonly dataRows?: number;
  readonly dataFirstTime?: number;
  readonly dataLastTime?: number;
}

/** The parts of a run that {@link RunStore.beginRun} writes before the work starts. */
export interface RunHeader {
  readonly kind: RunKind;
  readonly pineportVersion: string;
  /** A label for lists, e.g. the strategy title. */
  readonly name?: string;
  /** UNIX ms; default now. */
  readonly createdAt?: number;
  readonly seed?: number;
  readonly inputs?: JsonObject;
  readonly strategy?: JsonObject;
  readonly symbol?: JsonObject;
  readonly provenance?: ProvenanceInput;
  /** The optimiser study behind this run (see RunStore.openStudy). */
  readonly studyId?: number;
}

/** The results of a run: written together, atomically, by saveRun or finishRun. */
export interface RunResults {
  /** Default 'complete'. */
  readonly status?: 'complete' | 'failed';
  /** UNIX ms; default now. */
  readonly finishedAt?: number;
  readonly wallMs?: number;
  readonly error?: string;
  readonly summary?: JsonObject;
  /** Trades in list order; any iterable (a generator works). */
  readonly trades?: Iterable<Trade>;
  /** Flat named figures (net profit, Sharpe…); NaN is stored as NULL. */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The equity curve (stored as the curve named 'equity'). */
  readonly equity?: Curve;
  /** Further curves by name, e.g. 'drawdown', 'buyHold', 'oosEquity'. */
  readonly curves?: Readonly<Record<string, Curve>>;
  readonly windows?: readonly WalkForwardWindowInput[];
  /** The optimiser study behind the run, when it was created after beginRun (optimize). */
  readonly studyId?: number;
}

/** A walk-forward window to store; studyId optional. */
export type WalkForwardWindowInput = Omit<WalkForwardWindow, 'studyId'> & { readonly studyId?: number };

/** A complete run for {@link RunStore.saveRun}. */
export type NewRun = RunHeader & RunResults;
