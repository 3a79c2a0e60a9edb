/** Recording a command's run in the store: where the store is, provenance, and the `--report` page. */
import { writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/index.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { renderReport, type ReportBars } from '../report/index.js';
import { RunStore, hashFile, hashText, type ProvenanceInput, type RunId } from '../store/index.js';
import { ExitCode, type CliIO, type ExitStatus } from './io.js';
import { reportInputFromStore } from './report-input.js';

/** The options every recording command shares: `--store PATH`, `--no-save`, `--report FILE`. */
export interface RecordOptions {
  readonly store?: string;
  /** commander's `--no-save` sets false. */
  readonly save?: boolean;
  readonly report?: string;
}

/** Where a command records its run. `persistent` false: an in-memory store that only feeds `--report`. */
export interface RecordStore {
  readonly store: RunStore;
  readonly persistent: boolean;
}

/**
 * The store a command records into: the `--store` file (default `defaultPath`), or an in-memory
 * one when `--no-save` was given but a report is wanted (the report is always built from what was
 * stored, so `--report` and `pineport report <id>` show the same page). Undefined: nothing to
 * record. A store that cannot be opened is reported (exit 2) and the command goes on unrecorded.
 */
export function openRecordStore(
  options: RecordOptions,
  defaultPath: string | undefined,
  io: CliIO,
  status: ExitStatus,
): RecordStore | undefined {
  const path = options.store ?? defaultPath;
  const wantsReport = options.report !== undefined;
  if (options.save === false || path === undefined) return wantsReport ? inMemory() : undefined;
  const opened = RunStore.open(path);
  if (opened.ok) return { store: opened.store, persistent: true };
  printStoreDiagnostics(io, opened.diagnostics);
  status.set(ExitCode.usage);
  return wantsReport ? inMemory() : undefined;
}

function inMemory(): RecordStore | undefined {
  const opened = RunStore.open(':memory:');
  return opened.ok ? { store: opened.store, persistent: false } : undefined;
}

function printStoreDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${renderDiagnostic(d, undefined)}\n`);
}

/** Provenance of the Pine script: its path and text (the store hashes the text) and the generated code's hash. */
export function scriptProvenance(path: string, source: string, code: string | undefined): ProvenanceInput {
  return {
    pinePath: path,
    pineSource: source,
    ...(code === undefined ? {} : { codeHash: hashText(code) }),
  };
}

/** Provenance of the OHLCV file: path, sha256 of its bytes, bar count, first and last bar time. */
export async function dataProvenance(path: string, times: ArrayLike<number>): Promise<ProvenanceInput> {
  let dataHash: string | undefined;
  try {
    dataHash = await hashFile(path);
  } catch {
    // The file was read a moment ago; if it vanished since, the run is still worth keeping.
    dataHash = undefined;
  }
  return {
    dataPath: path,
    ...(dataHash === undefined ? {} : { dataHash }),
    dataRows: times.length,
    ...(times.length > 0 ? { dataFirstTime: times[0], dataLastTime: times[times.length - 1] } : {}),
  };
}

/**
 * Writes the HTML report of stored run `id` to `output` (bars given when the caller has them, else
 * re-read from the run's data file). Problems are reported (exit 2); returns whether it was written.
 */
export async function writeStoredReport(
  store: RunStore,
  id: RunId,
  output: string,
  io: CliIO,
  status: ExitStatus,
  bars?: ReportBars,
): Promise<boolean> {
  const input = await reportInputFromStore(store, id, bars === undefined ? {} : { bars });
  if (input === undefined) return false;
  try {
    await writeFile(output, renderReport(input));
    return true;
  } catch (error) {
    io.stderr(
      `${output}: error: cannot write the report (${error instanceof Error ? error.message : String(error)})\n`,
    );
    status.set(ExitCode.usage);
    return false;
  }
}

/** The line telling the user where the run went: a stored id they can come back to, or nothing. */
export function storedLine(record: RecordStore | undefined, id: RunId | undefined): string[] {
  if (record === undefined || id === undefined || !record.persistent) return [];
  return [`stored as run ${String(id)} in ${record.store.path} (pineport runs show ${String(id)})`];
}
