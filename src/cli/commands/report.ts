import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { storeCodes } from '../../diagnostics/codes/store.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { renderReport, type ReportInput } from '../../report/index.js';
import { defaultStorePath } from '../../store/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import { reportJsonSchema } from '../schemas.js';

/** What `pineport report` needs from the rest of the program. */
export interface ReportCommandDeps {
  /**
   * The stored run `id` of the store at `storePath`, as a report input; `undefined` when there is
   * no such run (or no store). Throws only when the store cannot be read (reported, exit 2).
   */
  loadRun(id: number, storePath: string): Promise<ReportInput | undefined> | ReportInput | undefined;
}

/** `pineport report --json` output, exported so a backend can validate it (also as reportJsonSchema). */
export const reportResultSchema = reportJsonSchema;

/** The parsed `--json` result. */
export type ReportResult = ReturnType<typeof reportResultSchema.parse>;

interface ReportOptions {
  readonly output?: string;
  readonly store?: string;
  readonly json?: boolean;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `pineport report <run-id> [-o report.html] [--store PATH] [--json]`: renders a stored run as one
 * self-contained HTML page (opens offline in any browser). Exit 0 written, 1 unknown run id, 2 bad
 * usage, an unreadable store or an unwritable output file.
 */
export function registerReportCommand(
  program: Command,
  io: CliIO,
  status: ExitStatus,
  deps: ReportCommandDeps,
): void {
  program
    .command('report')
    .description(
      'Render a stored run as a self-contained HTML report (exit 0: written, 1: unknown run, 2: usage or I/O)',
    )
    .argument('<run-id>', 'run id (see `pineport runs list`)')
    .option('-o, --output <file>', 'the HTML file to write (default report-<run-id>.html)')
    .option('--store <path>', 'the run store (default .pineport/runs.db in the working directory)')
    .option('--json', 'print what was written as JSON (reportResultSchema)')
    .addHelpText(
      'after',
      '\nExample:\n  pineport report 12 -o report.html\n  pineport report 12 --store ~/runs.db --json',
    )
    .action(async (idText: string, options: ReportOptions) => {
      await runReport(idText, options, io, status, deps);
    });
}

async function runReport(
  idText: string,
  options: ReportOptions,
  io: CliIO,
  status: ExitStatus,
  deps: ReportCommandDeps,
): Promise<void> {
  const fail = (text: string, code: number): void => {
    io.stderr(`error: ${text}\n`);
    status.set(code);
  };
  if (!/^[1-9]\d*$/.test(idText) || !Number.isSafeInteger(Number(idText))) {
    fail(
      `'${idText}' is not a run id (ids are whole numbers such as 12; run \`pineport runs list\`)`,
      ExitCode.usage,
    );
    return;
  }
  const id = Number(idText);
  const storePath = options.store ?? defaultStorePath();
  let input: ReportInput | undefined;
  try {
    input = await deps.loadRun(id, storePath);
  } catch (error) {
    fail(`cannot read the run store ${storePath} (${message(error)})`, ExitCode.usage);
    return;
  }
  if (input === undefined) {
    const d = storeCodes.unknownRun;
    const diagnostic = {
      code: d.code,
      severity: d.severity,
      message: `no run with id ${String(id)}`,
      hint: 'run `pineport runs list` to see the stored runs, or pass --store PATH',
      file: storePath,
    };
    io.stderr(`${renderDiagnostic(diagnostic, undefined)}\n`);
    status.set(ExitCode.inputErrors);
    return;
  }
  const output = options.output ?? `report-${String(id)}.html`;
  let html: string;
  try {
    html = renderReport(input);
  } catch (error) {
    // Only an installation fault gets here: the chart libraries are missing from node_modules.
    fail(`cannot render the report (${message(error)}); reinstall pineport`, ExitCode.usage);
    return;
  }
  try {
    await writeFile(output, html);
  } catch (error) {
    fail(`cannot write ${output} (${message(error)})`, ExitCode.usage);
    return;
  }
  const result: ReportResult = {
    runId: id,
    output,
    bytes: Buffer.byteLength(html),
    trades: input.trades.length,
  };
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout(
      `Wrote ${output} (${(result.bytes / 1e6).toFixed(1)} MB): run ${String(id)}, ${String(result.trades)} trades. Open it in a browser; it works offline.\n`,
    );
  }
}
