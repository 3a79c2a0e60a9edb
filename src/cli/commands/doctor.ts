import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { inferTimeframe, loadOhlcvFile } from '../../data/index.js';
import { checkModuleHealth, renderHealthReport, type HealthReport } from '../../health/index.js';
import { computeMetrics } from '../../metrics/index.js';
import { renderReport, type ReportInput, type ReportParameter } from '../../report/index.js';
import { runBacktest, type BacktestOptions, type BarColumns } from '../../run/backtest.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from '../../run/compile.js';
import { inputOverridesSchema } from '../../run/input-schema.js';
import { toExportTrades } from '../../run/trades.js';
import { pineportVersion } from '../../run/version.js';
import { computeSummary } from '../../runtime/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import { timeframeLabel } from '../report-input.js';
import { printDiagnostics, readTextOrReport } from './data.js';

interface DoctorOptions {
  readonly data: string;
  readonly json?: boolean;
  readonly maxCuts: string;
  readonly offsets: string;
  readonly timezone?: string;
  readonly inputs?: string;
  readonly mintick: string;
  readonly timeframe?: string;
  readonly seed: string;
  readonly maxInputRuns: string;
  readonly bars?: string;
  readonly report?: string;
}

/** A non-negative integer option, or undefined (reported) when it is not one. */
function count(text: string, name: string, io: CliIO, status: ExitStatus): number | undefined {
  const value = Number(text);
  if (Number.isInteger(value) && value >= 0) return value;
  io.stderr(`error: ${name} must be a whole number ≥ 0, got '${text}'\n`);
  status.set(ExitCode.usage);
  return undefined;
}

/** `--offsets 0,100,500`: whole numbers ≥ 0. */
function offsetList(text: string, io: CliIO, status: ExitStatus): number[] | undefined {
  const values = text.split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const v of values) {
    const n = count(v, '--offsets', io, status);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** The last `n` bars of a feed (views). */
function lastBars(bars: BarColumns, n: number): BarColumns {
  const from = Math.max(0, bars.time.length - n);
  return {
    time: bars.time.subarray(from),
    open: bars.open.subarray(from),
    high: bars.high.subarray(from),
    low: bars.low.subarray(from),
    close: bars.close.subarray(from),
    volume: bars.volume.subarray(from),
  };
}

/** `--inputs in.json` values (by input key, title or name) by module key; undefined when unreadable. */
async function readInputs(
  path: string | undefined,
  module: LoadedModule,
  io: CliIO,
  status: ExitStatus,
): Promise<Record<string, unknown> | undefined> {
  if (path === undefined) return {};
  const text = await readTextOrReport(path, io, status);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    io.stderr(`${path}: error: not JSON (${error instanceof Error ? error.message : String(error)})\n`);
    status.set(ExitCode.usage);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const input = module.inputDescriptors.find((d) => d.key === name || d.title === name || d.name === name);
    if (input) out[input.key] = value;
    else io.stderr(`${path}: warning: the script has no input '${name}'\n`);
  }
  const checked = inputOverridesSchema(module.inputDescriptors).safeParse(out);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      io.stderr(`${path}: error: input ${issue.path.join('.')}: ${issue.message}\n`);
    status.set(ExitCode.usage);
    return undefined;
  }
  return out;
}

/** Input and setting values as report table rows (objects as JSON). */
function parameterRows(values: Readonly<Record<string, unknown>>): ReportParameter[] {
  return Object.entries(values).map(([name, v]) => ({
    name,
    value: typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : JSON.stringify(v),
  }));
}

/** What the `--report` page shows of the checked strategy besides its health. */
interface DoctorReportContext {
  readonly title: string;
  readonly dataPath: string;
  readonly module: LoadedModule;
  readonly bars: BarColumns;
  readonly backtest: BacktestOptions;
}

/**
 * The `--report` page: one more backtest on the doctor's feed (the health checks keep no trades)
 * with its trades, equity and Performance Summary, and the Health section. The run is not stored:
 * the doctor checks a strategy, it does not record results. A run stopped by a runtime error shows
 * no trades and no curve; its Health section says why.
 */
function doctorReportInput(context: DoctorReportContext, health: HealthReport): ReportInput {
  const { module, bars, backtest } = context;
  const run = runBacktest(module, bars, backtest);
  const results = run.results;
  const time = results === undefined ? new Float64Array(0) : bars.time;
  const equity = results === undefined ? new Float64Array(0) : run.equity;
  const trades = results === undefined ? [] : toExportTrades(results);
  const n = bars.time.length;
  const currency = module.settings.currency;
  const closedPnls = Float64Array.from(
    trades.filter((t) => !t.open),
    (t) => t.profit,
  );
  return {
    meta: {
      title: context.title,
      strategyName: context.title,
      symbol: context.dataPath,
      timeframe: backtest.timeframe ?? (n > 1 ? timeframeLabel(inferTimeframe(bars.time)) : '—'),
      from: n > 0 ? bars.time[0] : Number.NaN,
      to: n > 0 ? bars.time[n - 1] : Number.NaN,
      pineportVersion: pineportVersion(),
      runId: 'doctor (not stored)',
      createdAt: Date.now(),
      currency: typeof currency === 'string' && currency !== 'NONE' ? currency : 'USD',
      inputs: parameterRows({ ...module.defaultInputs, ...backtest.inputs }),
      settings: parameterRows({ ...module.settings }),
    },
    bars,
    trades,
    equity: { time, equity },
    ...(results === undefined ? {} : { summary: computeSummary(results) }),
    ...(equity.length >= 2
      ? { metrics: computeMetrics({ equity, times: time, tradePnls: closedPnls }) }
      : {}),
    health,
  };
}

/**
 * `pineport doctor <file.pine> --data <csv>`: the strategy health checks (src/health) — static
 * findings, the look-ahead and warm-up tests, the sanity report. Exit 0 when no finding is an
 * error, 1 when one is (look-ahead confirmed, runs not deterministic, runtime error) or the script
 * has errors, 2 for usage or I/O errors.
 */
export function registerDoctorCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('doctor')
    .description(
      'Health checks before trusting a backtest: look-ahead, repainting, warm-up dependence, sanity (exit 1: an error finding)',
    )
    .argument('<file>', 'Pine strategy')
    .requiredOption('--data <csv>', 'OHLCV CSV the strategy runs on')
    .option('--json', 'print the report as JSON (healthReportSchema)')
    .option('--max-cuts <n>', 'truncated runs of the look-ahead test (0: skip)', '50')
    .option('--offsets <list>', 'start offsets of the warm-up test, bars (only 0: skip)', '0,100,500,2000')
    .option('--timezone <tz>', 'timezone of naive timestamps in the data')
    .option('--inputs <file.json>', 'input values, by input key or title')
    .option('--mintick <n>', 'price tick of the symbol', '0.01')
    .option('--timeframe <tf>', 'chart timeframe ("15", "60", "1D"); inferred when absent')
    .option('--seed <n>', 'seed of the look-ahead test’s random cuts', '1')
    .option('--max-input-runs <n>', 'backtests the dead-input check may run (0: skip)', '60')
    .option('--bars <n>', 'use only the last n bars of the data (keeps the check fast)')
    .option(
      '--report <file.html>',
      'also write the HTML report of the full-feed backtest with a Health section',
    )
    .addHelpText(
      'after',
      '\nExample:\n  pineport doctor corpus/v5/ma-cross.pine --data data/eth-usdt-15m.csv --bars 5000',
    )
    .action(async (file: string, options: DoctorOptions) => {
      await runDoctor(file, options, io, status);
    });
}

async function runDoctor(file: string, options: DoctorOptions, io: CliIO, status: ExitStatus): Promise<void> {
  const maxCuts = count(options.maxCuts, '--max-cuts', io, status);
  const seed = count(options.seed, '--seed', io, status);
  const maxInputRuns = count(options.maxInputRuns, '--max-input-runs', io, status);
  const offsets = offsetList(options.offsets, io, status);
  const mintick = Number(options.mintick);
  if (!(mintick > 0)) {
    io.stderr(`error: --mintick must be a positive number, got '${options.mintick}'\n`);
    status.set(ExitCode.usage);
  }
  const barLimit = options.bars === undefined ? undefined : count(options.bars, '--bars', io, status);
  if (
    maxCuts === undefined ||
    seed === undefined ||
    maxInputRuns === undefined ||
    offsets === undefined ||
    !(mintick > 0) ||
    (options.bars !== undefined && barLimit === undefined)
  )
    return;
  const source = await readTextOrReport(file, io, status);
  if (source === undefined) return;
  const compiled = await compilePine(source, { file });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(io, errors, source);
  if (!compiled.code || errors.length > 0) {
    status.set(ExitCode.inputErrors);
    return;
  }
  const loaded = await loadOhlcvFile(
    options.data,
    options.timezone === undefined ? {} : { timezone: options.timezone },
  ).catch((error: unknown) => {
    io.stderr(
      `${options.data}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
    );
    return undefined;
  });
  if (!loaded) {
    status.set(ExitCode.usage);
    return;
  }
  const dataErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(io, dataErrors, undefined);
  if (!loaded.series || dataErrors.length > 0) {
    status.set(ExitCode.inputErrors);
    return;
  }
  const module = loadGeneratedModule(compiled.code);
  const inputs = await readInputs(options.inputs, module, io, status);
  if (inputs === undefined) return;
  const bars = barLimit === undefined ? loaded.series : lastBars(loaded.series, barLimit);
  const backtest: BacktestOptions = {
    symbol: { mintick },
    inputs,
    ...(options.timeframe === undefined ? {} : { timeframe: options.timeframe }),
  };
  const report: HealthReport = checkModuleHealth(compiled.analysis, module, bars, {
    file,
    backtest,
    maxCuts,
    seed,
    offsets,
    maxInputRuns,
  });
  if (options.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(renderHealthReport(report, source));
  if (options.report !== undefined) {
    const title = compiled.analysis.declaration?.settings.title;
    const context: DoctorReportContext = {
      title: typeof title === 'string' ? title : file,
      dataPath: options.data,
      module,
      bars,
      backtest,
    };
    const path = options.report;
    const written = await writeFile(path, renderReport(doctorReportInput(context, report))).then(
      () => true,
      (error: unknown) => {
        io.stderr(
          `${path}: error: cannot write file (${error instanceof Error ? error.message : String(error)})\n`,
        );
        return false;
      },
    );
    if (!written) {
      status.set(ExitCode.usage);
      return;
    }
    if (!options.json) io.stdout(`report: ${path}\n`);
  }
  if (report.findings.some((d) => d.severity === 'error')) status.set(ExitCode.inputErrors);
}
