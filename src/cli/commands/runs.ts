import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { TimeZone, formatUtc } from '../../data/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { storeCodes } from '../../diagnostics/codes/store.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import {
  RunStore,
  defaultStorePath,
  type RunDetails,
  type RunKind,
  type StoredRun,
} from '../../store/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';

const KINDS: readonly RunKind[] = ['backtest', 'verify', 'optimize', 'walkforward'];
const LIST_HINT = 'run `pineport runs list` to see the stored runs';

interface StoreOption {
  readonly store?: string;
}

/** What every `runs` action needs: where to print, where to record the exit code, which store. */
interface RunsContext {
  readonly io: CliIO;
  readonly status: ExitStatus;
  readonly storePath: string;
}

function printErrors(context: RunsContext, diagnostics: readonly Diagnostic[], code: number): void {
  for (const d of diagnostics)
    context.io.stderr(`${renderDiagnostic({ file: context.storePath, ...d }, undefined)}\n`);
  context.status.set(code);
}

function usageError(context: RunsContext, message: string): void {
  context.io.stderr(`error: ${message}\n`);
  context.status.set(ExitCode.usage);
}

/**
 * Opens the store for one action and closes it after. A missing store is `onMissing`'s to answer
 * (listing prints "no runs", an id lookup says the id is unknown); an unreadable one exits 2.
 */
async function withStore(
  context: RunsContext,
  onMissing: () => void,
  action: (store: RunStore) => Promise<void> | void,
): Promise<void> {
  const opened = RunStore.open(context.storePath, { create: false });
  if (!opened.ok) {
    if (opened.diagnostics.some((d) => d.code === storeCodes.storeMissing.code)) onMissing();
    else printErrors(context, opened.diagnostics, ExitCode.usage);
    return;
  }
  try {
    await action(opened.store);
  } catch (error) {
    // SQLite failures mid-action (locked, disk full, corrupt pages) are I/O errors: exit 2.
    usageError(
      context,
      `the run store ${context.storePath} failed (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    opened.store.close();
  }
}

/** Parses a run id argument; reports a usage error and returns undefined when it is not one. */
function parseId(context: RunsContext, text: string): number | undefined {
  if (/^[1-9]\d*$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  usageError(context, `'${text}' is not a run id (ids are whole numbers such as 12; ${LIST_HINT})`);
  return undefined;
}

function unknownRun(context: RunsContext, id: number, storeMissing = false): void {
  printErrors(
    context,
    [
      {
        code: storeCodes.unknownRun.code,
        severity: 'error',
        message: `no run with id ${id}${storeMissing ? ' (the run store does not exist yet)' : ''}`,
        hint: storeMissing ? 'pass --store PATH if your runs are stored elsewhere' : LIST_HINT,
      },
    ],
    ExitCode.inputErrors,
  );
}

/**
 * Runs `action` on the run named by the `<id>` argument: a bad id is a usage error (exit 2), an
 * unknown one (or a missing store) exit 1 with a hint; `action` returns false when the id vanished.
 */
async function withRun(
  context: RunsContext,
  idText: string,
  action: (store: RunStore, id: number) => Promise<boolean> | boolean,
): Promise<void> {
  const id = parseId(context, idText);
  if (id === undefined) return;
  await withStore(
    context,
    () => {
      unknownRun(context, id, true);
    },
    async (store) => {
      if (!(await action(store, id))) unknownRun(context, id);
    },
  );
}

/** Writes a file, or reports why not (exit 2); true when written. */
async function writeOrReport(context: RunsContext, path: string, text: string): Promise<boolean> {
  try {
    await writeFile(path, text, 'utf8');
    return true;
  } catch (error) {
    usageError(context, `cannot write ${path} (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/** A metric for humans: at most 6 decimals, no trailing zeros; `-` when not available. */
function metricText(value: number | null): string {
  return value === null ? '-' : String(Number(value.toFixed(6)));
}

function runLine(run: StoredRun): string {
  const wall = run.wallMs === null ? '-' : `${(run.wallMs / 1000).toFixed(1)}s`;
  return [
    String(run.id).padStart(5),
    run.kind.padEnd(11),
    run.status.padEnd(8),
    formatUtc(run.createdAt).padEnd(20),
    wall.padStart(8),
    String(run.tradeCount).padStart(7),
    `  ${run.name ?? ''}`,
  ]
    .join(' ')
    .trimEnd();
}

function showText(run: RunDetails): string {
  const lines = [
    `Run ${run.id}: ${run.kind}, ${run.status}${run.name === null ? '' : ` — ${run.name}`}`,
    `  created   ${formatUtc(run.createdAt)}${run.finishedAt === null ? '' : `, finished ${formatUtc(run.finishedAt)}`}`,
    `  wall time ${run.wallMs === null ? '-' : `${(run.wallMs / 1000).toFixed(2)} s`}`,
    `  pineport  ${run.pineportVersion}${run.seed === null ? '' : `, seed ${run.seed}`}`,
    `  trades    ${run.tradeCount}`,
  ];
  if (run.error !== null) lines.push(`  error     ${run.error}`);
  const p = run.provenance;
  if (p !== null) {
    if (p.pineHash !== null) lines.push(`  pine      ${p.pinePath ?? '(source)'} sha256 ${p.pineHash}`);
    if (p.codeHash !== null) lines.push(`  code      sha256 ${p.codeHash}`);
    if (p.dataPath !== null || p.dataHash !== null) {
      const range =
        p.dataFirstTime === null || p.dataLastTime === null
          ? ''
          : `, ${formatUtc(p.dataFirstTime)} → ${formatUtc(p.dataLastTime)}`;
      lines.push(
        `  data      ${p.dataPath ?? '-'} sha256 ${p.dataHash ?? '-'}, ${p.dataRows ?? '?'} rows${range}`,
      );
    }
  }
  for (const [label, object] of [
    ['inputs', run.inputs],
    ['strategy', run.strategy],
    ['symbol', run.symbol],
  ] as const) {
    if (Object.keys(object).length > 0) lines.push(`  ${label.padEnd(9)} ${JSON.stringify(object)}`);
  }
  const metrics = Object.entries(run.metrics);
  if (metrics.length > 0) {
    lines.push('  metrics');
    for (const [name, value] of metrics) lines.push(`    ${name.padEnd(28)} ${metricText(value)}`);
  }
  if (run.curves.length > 0) lines.push(`  curves    ${run.curves.join(', ')}`);
  if (run.windows.length > 0) lines.push(`  walk-forward windows: ${run.windows.length}`);
  return `${lines.join('\n')}\n`;
}

function storeOption(command: Command): Command {
  return command.option(
    '--store <path>',
    'the run store (default .pineport/runs.db in the working directory)',
  );
}

/**
 * `pineport runs list|show|export|delete`: browse, export and delete stored runs. Exit 0 success,
 * 1 unknown run id, 2 bad usage or an unreadable store.
 */
export function registerRunsCommand(program: Command, io: CliIO, status: ExitStatus): void {
  const context = (options: StoreOption): RunsContext => ({
    io,
    status,
    storePath: options.store ?? defaultStorePath(),
  });
  const runs = program
    .command('runs')
    .description(
      'List, show, export and delete stored runs (exit 0: ok, 1: unknown run, 2: usage or store error)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  pineport runs list --kind backtest --limit 5\n  pineport runs show 12',
    );

  storeOption(
    runs
      .command('list')
      .description('List stored runs, newest first')
      .addOption(new Option('--kind <kind>', 'only runs of this kind').choices(KINDS))
      .option('--limit <n>', 'at most this many runs')
      .option('--json', 'print the runs as JSON (runListSchema)'),
  )
    .addHelpText(
      'after',
      '\nExample:\n  pineport runs list --kind optimize --limit 10\n  pineport runs list --json > runs.json',
    )
    .action(async (options: StoreOption & { kind?: RunKind; limit?: string; json?: boolean }) => {
      const c = context(options);
      let limit: number | undefined;
      if (options.limit !== undefined) {
        if (!/^[1-9]\d*$/.test(options.limit) || !Number.isSafeInteger(Number(options.limit))) {
          usageError(c, `--limit must be a whole number of at least 1, got '${options.limit}'`);
          return;
        }
        limit = Number(options.limit);
      }
      const print = (list: readonly StoredRun[]): void => {
        if (options.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) io.stdout(`No runs stored in ${c.storePath} yet.\n`);
        else {
          io.stdout('   ID kind        status   created (UTC)            wall  trades  name\n');
          for (const run of list) io.stdout(`${runLine(run)}\n`);
        }
      };
      await withStore(
        c,
        () => {
          print([]);
        },
        (store) => {
          print(
            store.listRuns({
              ...(options.kind === undefined ? {} : { kind: options.kind }),
              ...(limit === undefined ? {} : { limit }),
            }),
          );
        },
      );
    });

  storeOption(
    runs
      .command('show')
      .description('Show one run: settings, provenance and metrics')
      .argument('<id>', 'run id (see `pineport runs list`)')
      .option('--json', 'print the run as JSON (runDetailsSchema)'),
  )
    .addHelpText('after', '\nExample:\n  pineport runs show 12\n  pineport runs show 12 --json')
    .action(async (idText: string, options: StoreOption & { json?: boolean }) => {
      await withRun(context(options), idText, (store, id) => {
        const run = store.getRun(id);
        if (run === undefined) return false;
        io.stdout(options.json ? `${JSON.stringify(run, null, 2)}\n` : showText(run));
        return true;
      });
    });

  storeOption(
    runs
      .command('export')
      .description('Export a run: everything as JSON, or its trades as a TradingView List of Trades CSV')
      .argument('<id>', 'run id (see `pineport runs list`)')
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
      .option('-o, --output <file>', 'write to this file instead of standard output')
      .option(
        '--timezone <tz>',
        "chart timezone for CSV times, which TradingView writes without offset (default: the run's symbol timezone, else UTC)",
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  pineport runs export 12 --format csv -o trades.csv\n  pineport runs export 12 > run-12.json',
    )
    .action(
      async (
        idText: string,
        options: StoreOption & { format: 'json' | 'csv'; output?: string; timezone?: string },
      ) => {
        const c = context(options);
        const timezone = options.timezone === undefined ? undefined : TimeZone.parse(options.timezone);
        if (options.timezone !== undefined && timezone === undefined) {
          usageError(
            c,
            `unknown timezone '${options.timezone}' (use an IANA name such as Asia/Taipei, UTC, or UTC+8)`,
          );
          return;
        }
        await withRun(c, idText, async (store, id) => {
          const exported = store.exportRun(id, options.format, timezone === undefined ? {} : { timezone });
          if (exported === undefined) return false;
          if (options.output === undefined) io.stdout(exported);
          else if (await writeOrReport(c, options.output, exported)) {
            io.stdout(`Wrote run ${id} as ${options.format} to ${options.output}\n`);
          }
          return true;
        });
      },
    );

  storeOption(
    runs
      .command('delete')
      .description('Delete a run and everything stored with it (its optimiser study stays)')
      .argument('<id>', 'run id (see `pineport runs list`)')
      .option('--json', 'print { "deleted": id } (runsDeleteJsonSchema)'),
  )
    .addHelpText('after', '\nExample:\n  pineport runs delete 12')
    .action(async (idText: string, options: StoreOption & { json?: boolean }) => {
      await withRun(context(options), idText, (store, id) => {
        if (!store.deleteRun(id)) return false;
        io.stdout(options.json === true ? `${JSON.stringify({ deleted: id })}\n` : `Deleted run ${id}.\n`);
        return true;
      });
    });
}
