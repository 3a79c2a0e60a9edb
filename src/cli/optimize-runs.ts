/** The store side of `optimize` and `walkforward`: begin a run, pick the study store, finish and report. */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { computeMetrics } from '../metrics/index.js';
import {
  JsonlStudyStore,
  robustnessReport,
  type SearchSpace,
  type StudyResult,
  type StudyStore,
  type Trial,
  type WalkForwardResult,
} from '../optimize/index.js';
import { pineportVersion } from '../run/version.js';
import type { RunKind } from '../store/index.js';
import type { CliIO, ExitStatus } from './io.js';
import {
  finishOptimizeRun,
  optimizeSummary,
  storedMetrics,
  walkForwardRobustness,
  windowRows,
  type OptimizeRecordSource,
  type OptimizeSettings,
} from './optimize-record.js';
import {
  openRecordStore,
  storedLine,
  writeStoredReport,
  type RecordOptions,
  type RecordStore,
} from './record.js';
import { toStoredJson, type WalkForwardRunSummary } from './run-summaries.js';

/** A begun optimize or walk-forward run: the store it goes to, its id and what it ran on. */
export interface RunRecorder {
  readonly record: RecordStore;
  readonly id: number;
  readonly source: OptimizeRecordSource;
  readonly started: number;
}

/**
 * Opens the store and writes the run's header (status `running`) before the work starts, so its
 * studies can be written trial by trial and a crash leaves a `running` row, never half a run.
 * Undefined when nothing is to be recorded (`--no-save` without `--report`, no store configured,
 * or a target that cannot say what it ran on).
 */
export function beginRecord(
  kind: RunKind,
  options: RecordOptions,
  storePath: string | undefined,
  source: OptimizeRecordSource | undefined,
  seed: number,
  io: CliIO,
  status: ExitStatus,
): RunRecorder | undefined {
  if (source === undefined) return undefined;
  const record = openRecordStore(options, storePath, io, status);
  if (record === undefined) return undefined;
  const id = record.store.beginRun({
    kind,
    pineportVersion: pineportVersion(),
    name: source.name,
    seed,
    inputs: source.inputs,
    strategy: source.strategy,
    symbol: source.symbol,
    provenance: source.provenance,
  });
  return { record, id, source, started: performance.now() };
}

/**
 * Where a study keeps its trials: the run store (named `--study`, or `<kind>-run-<id>`) when the
 * run is stored in a file; a `<name>.study.jsonl` file when `--study` is given but runs are not
 * stored; an in-memory study of the report store otherwise; none when nothing is recorded.
 */
export function studyStoreFor(
  recorder: RunRecorder | undefined,
  study: string | undefined,
  fallbackName: string,
  studyDir: string | undefined,
): { store: StudyStore | undefined; name: string; path?: string } {
  const name = study ?? fallbackName;
  if (
    study !== undefined &&
    (recorder === undefined || !recorder.record.persistent || study.endsWith('.jsonl'))
  ) {
    const path = join(studyDir ?? process.cwd(), study.endsWith('.jsonl') ? study : `${study}.study.jsonl`);
    return { store: new JsonlStudyStore(path), name, path };
  }
  if (recorder === undefined) return { store: undefined, name };
  return { store: recorder.record.store.studyStore(name), name };
}

/** The optimize run's figures the store and report need. */
export interface OptimizeOutcome extends OptimizeSettings {
  readonly studyName: string;
  readonly space: SearchSpace;
  readonly result: StudyResult;
  readonly best: Trial | undefined;
  readonly robustness: ReturnType<typeof robustnessReport>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Finishes the run in one transaction, writes `--report`, closes the store; lines for the user. */
export async function recordOptimize(
  recorder: RunRecorder | undefined,
  outcome: OptimizeOutcome,
  options: RecordOptions,
  io: CliIO,
  status: ExitStatus,
): Promise<{ id?: number; lines: string[] }> {
  if (recorder === undefined) return { lines: [] };
  const { record, id } = recorder;
  try {
    finishOptimizeRun(record.store, id, {
      source: recorder.source,
      settings: outcome.space.settings,
      summary: optimizeSummary(outcome.studyName, outcome, outcome.result, outcome.best, outcome.robustness),
      best: outcome.best,
      studyId: record.store.studyStore(outcome.studyName).id(),
      diagnostics: outcome.diagnostics,
      wallMs: performance.now() - recorder.started,
    });
    return await finish(recorder, options, io, status);
  } finally {
    record.store.close();
  }
}

async function finish(
  recorder: RunRecorder,
  options: RecordOptions,
  io: CliIO,
  status: ExitStatus,
): Promise<{ id?: number; lines: string[] }> {
  const { record, id } = recorder;
  const wrote =
    options.report !== undefined &&
    (await writeStoredReport(record.store, id, options.report, io, status, recorder.source.bars));
  return {
    ...(record.persistent ? { id } : {}),
    lines: [...storedLine(record, id), ...(wrote ? [`report: ${options.report ?? ''}`] : [])],
  };
}

/** The walk-forward run's figures the store and report need. */
export interface WalkForwardOutcome {
  readonly result: WalkForwardResult;
  readonly times: ArrayLike<number>;
  /** Times of the stitched equity, when it covers the test windows bar for bar. */
  readonly stitchedTimes: Float64Array | undefined;
  readonly oos: ReturnType<typeof computeMetrics> | undefined;
  readonly summary: Omit<
    WalkForwardRunSummary['walkforward'],
    'robustness' | 'stitched' | 'stability' | 'efficiency'
  >;
  readonly studyIdFor: (index: number) => number | undefined;
}

/** Finishes a walk-forward run: windows, stitched OOS equity and trade P&Ls, robustness; then `--report`. */
export async function recordWalkForward(
  recorder: RunRecorder | undefined,
  outcome: WalkForwardOutcome,
  options: RecordOptions,
  io: CliIO,
  status: ExitStatus,
): Promise<{ id?: number; lines: string[] }> {
  if (recorder === undefined) return { lines: [] };
  const { record, id } = recorder;
  const { result, stitchedTimes } = outcome;
  const trades = result.stitchedTrades
    .map((t) => t.trade as { exitTime?: unknown; profit?: unknown })
    .filter(
      (t): t is { exitTime: number; profit: number } =>
        typeof t.exitTime === 'number' && typeof t.profit === 'number',
    );
  const pnls = Float64Array.from(trades, (t) => t.profit);
  const summary: WalkForwardRunSummary = {
    walkforward: {
      ...outcome.summary,
      efficiency: Number.isFinite(result.efficiency) ? result.efficiency : null,
      stability: result.stability.map((s) => toStoredJson(s)),
      stitched: {
        bars: result.stitchedEquity.length,
        trades: result.stitchedTrades.length,
        metrics: storedMetrics(outcome.oos),
      },
      robustness: walkForwardRobustness(result.stitchedEquity, stitchedTimes, pnls, outcome.summary.seed),
    },
  };
  try {
    record.store.finishRun(id, {
      status: result.windows.length > 0 ? 'complete' : 'failed',
      ...(result.windows.length > 0 ? {} : { error: 'no window ran' }),
      wallMs: performance.now() - recorder.started,
      summary: toStoredJson(summary),
      ...(outcome.oos === undefined ? {} : { metrics: oosMetrics(outcome.oos) }),
      ...(stitchedTimes === undefined
        ? {}
        : {
            equity: { times: stitchedTimes, values: Float64Array.from(result.stitchedEquity) },
            curves: {
              oosTrades: { times: Float64Array.from(trades, (t) => t.exitTime), values: pnls },
            },
          }),
      windows: windowRows(result, outcome.times, outcome.studyIdFor),
    });
    return await finish(recorder, options, io, status);
  } finally {
    record.store.close();
  }
}

/** The stitched metrics as flat named numbers (the `metrics` table). */
function oosMetrics(m: ReturnType<typeof computeMetrics>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number') out[k] = v;
  return out;
}
