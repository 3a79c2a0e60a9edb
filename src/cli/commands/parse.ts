import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { PineParser, type ParseResult } from '../../parser/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';

interface FileReport {
  readonly file: string;
  readonly result?: ParseResult;
  readonly ioError?: string;
}

function errorsIn(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}

/** `pineport parse <file.pine...> [--json]`: syntax check with diagnostics; `--json` adds the AST. */
export function registerParseCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('parse')
    .description('Parse Pine scripts and report syntax errors (exit 0: clean, 1: errors, 2: usage or I/O)')
    .argument('<files...>', 'Pine source files')
    .option('--json', 'print the AST and diagnostics of each file as JSON')
    .option('-q, --quiet', 'print only the summary and errors')
    .addHelpText(
      'after',
      '\nExample:\n  pineport parse corpus/v5/ma-cross.pine\n  pineport parse --json my.pine > ast.json',
    )
    .action(async (files: string[], options: { json?: boolean; quiet?: boolean }) => {
      const parser = new PineParser();
      const reports: FileReport[] = [];
      for (const file of files) {
        let source: string;
        try {
          source = await readFile(file, 'utf8');
        } catch (error) {
          reports.push({ file, ioError: error instanceof Error ? error.message : String(error) });
          continue;
        }
        reports.push({ file, result: parser.parse(source, { file }) });
        if (!options.json) printReport(io, reports[reports.length - 1], source, options.quiet === true);
      }
      const ioErrors = reports.filter((r) => r.ioError !== undefined);
      const withErrors = reports.filter((r) => r.result && errorsIn(r.result.diagnostics) > 0);
      if (options.json) {
        const json = reports.map((r) =>
          r.ioError !== undefined
            ? { file: r.file, error: r.ioError }
            : { file: r.file, diagnostics: r.result?.diagnostics, ast: r.result?.program },
        );
        io.stdout(JSON.stringify(files.length === 1 ? json[0] : json, null, 2) + '\n');
      } else {
        for (const r of ioErrors) io.stderr(`${r.file}: error: cannot read file (${r.ioError ?? ''})\n`);
        const errorCount = reports.reduce((n, r) => n + (r.result ? errorsIn(r.result.diagnostics) : 0), 0);
        io.stdout(
          `${reports.length} file(s): ${reports.length - withErrors.length - ioErrors.length} clean, ${withErrors.length} with errors (${errorCount} errors)` +
            (ioErrors.length > 0 ? `, ${ioErrors.length} unreadable` : '') +
            '\n',
        );
      }
      if (withErrors.length > 0) status.set(ExitCode.inputErrors);
      if (ioErrors.length > 0) status.set(ExitCode.usage);
    });
}

function printReport(io: CliIO, report: FileReport, source: string, quiet: boolean): void {
  const diagnostics = sortDiagnostics(report.result?.diagnostics ?? []);
  for (const d of diagnostics) {
    if (quiet && d.severity !== 'error') continue;
    const text = renderDiagnostic(d, source) + '\n';
    if (d.severity === 'error') io.stderr(text);
    else io.stdout(text);
  }
}
