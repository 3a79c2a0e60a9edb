import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { formatDuration, formatUtc, loadOhlcv, type OhlcvLoadResult } from '../../data/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';

/** Code frames need a line index over the whole source; past this many diagnostics, print them without. */
const FRAMED_DIAGNOSTICS = 20;

/**
 * Prints diagnostics: errors to stderr, the rest to stdout, the first few with a code frame from
 * `source` (when given).
 */
export function printDiagnostics(
  io: CliIO,
  diagnostics: readonly Diagnostic[],
  source: string | undefined,
): void {
  diagnostics.forEach((d, i) => {
    // A diagnostic about a command-line value has no file: say "error PP…" rather than "<input>: error PP…".
    const rendered = renderDiagnostic(d, i < FRAMED_DIAGNOSTICS ? source : undefined);
    const text = `${d.file === undefined && d.span === undefined ? rendered.replace(/^<input>: /, '') : rendered}\n`;
    if (d.severity === 'error') io.stderr(text);
    else io.stdout(text);
  });
}

/** Counts by severity, for summary lines. */
export function severityCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** Reads a text file, or reports the I/O error and sets exit status 2. */
export async function readTextOrReport(
  path: string,
  io: CliIO,
  status: ExitStatus,
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    io.stderr(
      `${path}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
    );
    status.set(ExitCode.usage);
    return undefined;
  }
}

/** One line describing a loaded OHLCV file. */
export function summariseOhlcv(file: string, result: OhlcvLoadResult): string {
  const { errors, warnings } = severityCounts(result.diagnostics);
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${result.gaps.length} gap${result.gaps.length === 1 ? '' : 's'})`;
  const s = result.series;
  if (s === undefined) return `${file}: not loaded; ${counts}`;
  const range = s.length > 0 ? `${formatUtc(s.time[0])} → ${formatUtc(s.time[s.length - 1])}` : 'no bars';
  return (
    `${file}: ${s.length} bars, ${range}, timeframe ${formatDuration(s.timeframeMs)}, time ${result.timeFormat ?? '?'}, ` +
    `columns ${result.columns.join(',')}; ${counts}`
  );
}

interface DataCheckOptions {
  readonly timezone?: string;
  readonly json?: boolean;
  readonly maxDiagnostics?: string;
}

/**
 * `pineport data check <ohlcv.csv...> [--timezone TZ] [--json]`: loads OHLCV files with every
 * validation and prints the diagnostics and a summary. Exit 0 clean (warnings allowed), 1 errors,
 * 2 usage or I/O.
 */
export function registerDataCommand(program: Command, io: CliIO, status: ExitStatus): void {
  const data = program.command('data').description('Inspect OHLCV data files');
  data
    .command('check')
    .description('Load OHLCV CSV files and report every problem (exit 0: usable, 1: errors, 2: usage or I/O)')
    .argument('<files...>', 'OHLCV CSV files (also TradingView "Export chart data" files)')
    .option('--timezone <tz>', 'timezone of times written without offset (IANA name, UTC, UTC+8, +08:00)')
    .option('--max-diagnostics <n>', 'at most this many diagnostics per code', '50')
    .option('--json', 'print a JSON report per file instead of text')
    .addHelpText(
      'after',
      '\nExample:\n  pineport data check data/ohlcv_ETH-USDT-USDT_15m.csv\n  pineport data check --timezone Asia/Taipei chart.csv',
    )
    .action(async (files: string[], options: DataCheckOptions) => {
      const limit = Number(options.maxDiagnostics ?? '50');
      if (!Number.isInteger(limit) || limit < 1) {
        io.stderr(
          `error: --max-diagnostics must be a positive integer, got '${options.maxDiagnostics ?? ''}'\n`,
        );
        status.set(ExitCode.usage);
        return;
      }
      const reports: unknown[] = [];
      for (const file of files) {
        const text = await readTextOrReport(file, io, status);
        if (text === undefined) continue;
        const result = loadOhlcv(text, {
          file,
          maxDiagnosticsPerCode: limit,
          ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
        });
        if (!result.ok) status.set(ExitCode.inputErrors);
        if (options.json === true) {
          reports.push(jsonReport(file, result));
          continue;
        }
        printDiagnostics(io, result.diagnostics, text);
        io.stdout(`${summariseOhlcv(file, result)}\n`);
      }
      if (options.json === true)
        io.stdout(`${JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2)}\n`);
    });
}

function jsonReport(file: string, result: OhlcvLoadResult): unknown {
  const s = result.series;
  return {
    file,
    ok: result.ok,
    bars: s?.length ?? 0,
    from: s !== undefined && s.length > 0 ? s.time[0] : null,
    to: s !== undefined && s.length > 0 ? s.time[s.length - 1] : null,
    timeframeMs: s !== undefined && Number.isFinite(s.timeframeMs) ? s.timeframeMs : null,
    timeFormat: result.timeFormat ?? null,
    columns: result.columns,
    gaps: result.gaps,
    diagnostics: result.diagnostics,
  };
}
