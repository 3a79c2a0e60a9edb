import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyze, type Analysis } from '../../analysis/index.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { PineParser } from '../../parser/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';

/** The `--json` shape of one checked file: what the optimiser and backends read. */
export interface CheckJson {
  readonly file: string;
  readonly version: number | undefined;
  readonly kind: 'strategy' | 'indicator' | 'library' | undefined;
  readonly settings: Analysis['declaration'] extends infer D
    ? D extends { settings: infer S }
      ? S
      : never
    : never;
  readonly inputs: Analysis['inputs'];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and analyses one source; diagnostics of both phases in source order. */
export function checkSource(
  parser: PineParser,
  source: string,
  file: string,
): { analysis: Analysis; diagnostics: Diagnostic[] } {
  const parsed = parser.parse(source, { file });
  const analysis = analyze(parsed.program, { file });
  return { analysis, diagnostics: sortDiagnostics([...parsed.diagnostics, ...analysis.diagnostics]) };
}

/** `pineport check <file.pine...> [--json]`: parse + analyse; `--json` lists inputs and strategy settings. */
export function registerCheckCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('check')
    .description(
      'Parse and analyse Pine scripts: names, types, built-ins (exit 0: clean, 1: errors, 2: usage or I/O)',
    )
    .argument('<files...>', 'Pine source files')
    .option('--json', 'print inputs, strategy() settings and diagnostics as JSON')
    .option('-q, --quiet', 'print only the summary and errors')
    .addHelpText(
      'after',
      '\nExamples:\n  pineport check corpus/v5/ma-cross.pine\n  pineport check --json corpus/v5/ma-cross.pine   # the inputs the optimiser searches',
    )
    .action(async (files: string[], options: { json?: boolean; quiet?: boolean }) => {
      const parser = new PineParser();
      const results: CheckJson[] = [];
      let withErrors = 0;
      let unreadable = 0;
      for (const file of files) {
        let source: string;
        try {
          source = await readFile(file, 'utf8');
        } catch (error) {
          unreadable++;
          io.stderr(
            `${file}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
          );
          continue;
        }
        const { analysis, diagnostics } = checkSource(parser, source, file);
        if (diagnostics.some((d) => d.severity === 'error')) withErrors++;
        results.push({
          file,
          version: analysis.program.version,
          kind: analysis.declaration?.kind,
          settings: analysis.declaration?.settings ?? {},
          inputs: analysis.inputs,
          diagnostics,
        });
        if (!options.json) {
          for (const d of diagnostics) {
            if (options.quiet && d.severity !== 'error') continue;
            const text = renderDiagnostic(d, source) + '\n';
            if (d.severity === 'error') io.stderr(text);
            else io.stdout(text);
          }
        }
      }
      if (options.json) io.stdout(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + '\n');
      else {
        io.stdout(
          `${files.length} file(s): ${files.length - withErrors - unreadable} clean, ${withErrors} with errors` +
            (unreadable > 0 ? `, ${unreadable} unreadable` : '') +
            '\n',
        );
      }
      if (withErrors > 0) status.set(ExitCode.inputErrors);
      if (unreadable > 0) status.set(ExitCode.usage);
    });
}
