import type { Command } from 'commander';
import type { ReportBars } from '../../report/index.js';
import { barsFrom, runBacktest } from '../../run/backtest.js';
import { compilePine, loadGeneratedModule } from '../../run/compile.js';
import { toExportTrades } from '../../run/trades.js';
import { pineportVersion } from '../../run/version.js';
import { computeSummary } from '../../runtime/index.js';
import { defaultStorePath, tradeToJson, type ProvenanceInput } from '../../store/index.js';
import {
  formatUtc,
  loadOhlcvFile,
  resolveSymbolSettings,
  type SymbolSettingsInput,
} from '../../data/index.js';
import { readTradesFile, type Trade, type TradeListResult } from '../../exports/index.js';
import {
  compareTrades,
  GRADES,
  gradeAtLeast,
  type ComparisonReport,
  type Divergence,
  type FieldDifference,
  type Grade,
} from '../../verify/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import {
  dataProvenance,
  openRecordStore,
  scriptProvenance,
  storedLine,
  writeStoredReport,
  type RecordOptions,
} from '../record.js';
import { toStoredJson, type VerifyRunSummary } from '../run-summaries.js';
import { printDiagnostics, readTextOrReport } from './data.js';

interface VerifyOptions extends RecordOptions {
  readonly tv?: string;
  readonly inputs?: string;
  readonly trades?: string;
  readonly data?: string;
  readonly start?: string;
  readonly pnlRelative?: string;
  readonly timezone: string;
  readonly tradesTimezone?: string;
  readonly mintick?: string;
  readonly symbol?: string;
  readonly json?: boolean;
  readonly require?: string;
}

/**
 * `pineport verify --tv <tv_trades.csv|xlsx> --trades <ours.csv|json|xlsx> --timezone TZ`: compares two
 * trade lists trade by trade and prints the grade, the figures and the first divergence. Exit 0 when
 * the comparison ran (it is a measurement), 1 when an input has errors or the grade is below
 * `--require`, 2 for usage or I/O errors.
 */
export function registerVerifyCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('verify')
    .description('Compare our trades with a TradingView List of Trades export, trade by trade')
    .argument('[strategy]', 'a Pine strategy to port and run on --data (instead of --trades)')
    .option('--tv <file>', 'TradingView List of Trades export (.csv or .xlsx) to compare two trade lists')
    .option(
      '--trades <file>',
      "with a strategy: TradingView's export to check it against; with --tv: our trades (.json, .csv or .xlsx)",
    )
    .option('--inputs <file.json>', 'input values for the strategy, by input key or title')
    .option('--data <csv>', 'OHLCV the strategy runs on (with a strategy argument)')
    .option('--start <iso>', "first bar fed to the strategy (where TradingView's chart began)")
    .option('--pnl-relative <x>', 'relative P&L tolerance when TradingView converted USDT profit to USD', '0')
    .requiredOption(
      '--timezone <tz>',
      "the export's chart timezone (its times have no offset), e.g. UTC+8, Asia/Taipei",
    )
    .option('--trades-timezone <tz>', 'timezone of naive times in --trades (default: --timezone)')
    .option('--mintick <n>', 'tick size; prices within half a tick match (default: --symbol, else inferred)')
    .option(
      '--symbol <file>',
      'symbol settings, JSON or TOML (mintick, pointvalue, currency, timezone, session, type)',
    )
    .option('--require <grade>', `exit 1 when the grade is worse than this (${GRADES.join(', ')})`)
    .option(
      '--report <file.html>',
      'write the HTML report: both trade lists side by side, first divergence marked',
    )
    .option('--store <path>', 'run store (default .pineport/runs.db)')
    .option('--no-save', 'do not record the run in the store')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  pineport verify my.pine --data bars.csv --trades tv_trades.csv --timezone UTC+8 --mintick 0.01 --report verify.html\n  pineport verify --tv tv_trades.csv --trades ours.json --timezone UTC+8 --mintick 0.01',
    )
    .action(async (strategy: string | undefined, options: VerifyOptions) => {
      await runVerify(strategy, options, io, status);
    });
}

async function runVerify(
  strategy: string | undefined,
  options: VerifyOptions,
  io: CliIO,
  status: ExitStatus,
): Promise<void> {
  const started = performance.now();
  if (options.require !== undefined && !(GRADES as readonly string[]).includes(options.require)) {
    io.stderr(`error: --require must be one of ${GRADES.join(', ')}, got '${options.require}'\n`);
    status.set(ExitCode.usage);
    return;
  }
  // Two forms: `verify <strategy.pine> --data bars.csv --trades tv.csv` runs the strategy and checks
  // it against TradingView's export; `verify --tv tv.csv --trades ours.json` compares two lists.
  const tvPath = strategy !== undefined ? (options.trades ?? options.tv) : options.tv;
  if (
    tvPath === undefined ||
    (strategy === undefined && options.trades === undefined) ||
    (strategy !== undefined && options.data === undefined)
  ) {
    io.stderr(
      'error: give a strategy with --data <csv> and --trades <TradingView export>, or --tv <export> with --trades <ours>\n',
    );
    status.set(ExitCode.usage);
    return;
  }
  const tv = await readTrades(tvPath, options.timezone, io, status);
  if (tv === undefined) return;
  if (!tv.ok) {
    status.set(ExitCode.inputErrors);
    io.stderr(`verify: nothing compared — ${tvPath} has errors (see above)\n`);
    return;
  }
  const mintick = await resolveMintick(options, tv.trades, io, status);
  if (mintick === undefined) return;
  const ours =
    strategy !== undefined
      ? await runStrategyTrades(strategy, options, mintick, io, status)
      : await readTrades(options.trades ?? '', options.tradesTimezone ?? options.timezone, io, status);
  if (ours === undefined) return;
  if (!ours.ok) {
    status.set(ExitCode.inputErrors);
    io.stderr(`verify: nothing compared — ${options.trades ?? ''} has errors (see above)\n`);
    return;
  }
  const pnlRelativeTolerance = Number(options.pnlRelative ?? '0');
  const report = compareTrades(tv.trades, ours.trades, {
    mintick,
    pnlRelativeTolerance,
    ...('dataRange' in ours && ours.dataRange !== undefined ? { dataRange: ours.dataRange } : {}),
  });
  const recorded = await recordVerify(
    { options, tvPath, tvTrades: tv.trades, ours, report, mintick, pnlRelativeTolerance, started },
    io,
    status,
  );
  if (options.json === true)
    io.stdout(`${JSON.stringify({ ...comparisonJson(report), runId: recorded.id ?? null }, null, 2)}\n`);
  else {
    io.stdout(renderComparison(report));
    for (const line of recorded.lines) io.stdout(`${line}\n`);
  }
  if (options.require !== undefined && !gradeAtLeast(report.grade, options.require as Grade)) {
    status.set(ExitCode.inputErrors);
  }
}

/** Ports and runs the strategy on --data; its trades in the List-of-Trades shape. */
async function runStrategyTrades(
  file: string,
  options: VerifyOptions,
  mintick: number,
  io: CliIO,
  status: ExitStatus,
): Promise<OurTrades | undefined> {
  const source = await readTextOrReport(file, io, status);
  if (source === undefined) return undefined;
  const compiled = await compilePine(source, { file });
  printDiagnostics(
    io,
    compiled.diagnostics.filter((d) => d.severity === 'error'),
    source,
  );
  if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error')) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  const dataPath = options.data ?? '';
  let loaded;
  try {
    loaded = await loadOhlcvFile(dataPath);
  } catch (error) {
    io.stderr(
      `${dataPath}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
    );
    status.set(ExitCode.usage);
    return undefined;
  }
  const dataErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(io, dataErrors, undefined);
  if (loaded.series === undefined || dataErrors.length > 0) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  const bars =
    options.start === undefined ? loaded.series : barsFrom(loaded.series, Date.parse(options.start));
  let inputs: Record<string, unknown> = {};
  if (options.inputs !== undefined) {
    const text = await readTextOrReport(options.inputs, io, status);
    if (text === undefined) return undefined;
    try {
      inputs = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      io.stderr(
        `${options.inputs}: error: not JSON (${error instanceof Error ? error.message : String(error)})\n`,
      );
      status.set(ExitCode.usage);
      return undefined;
    }
  }
  const module = loadGeneratedModule(compiled.code);
  const byKey: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) {
    const input = module.inputDescriptors.find((d) => d.key === name || d.title === name || d.name === name);
    if (input) byKey[input.key] = value;
    else io.stderr(`${options.inputs ?? ''}: warning: the script has no input '${name}'\n`);
  }
  const run = runBacktest(module, bars, { symbol: { mintick }, inputs: byKey });
  printDiagnostics(io, run.diagnostics, undefined);
  if (!run.results) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  const title = compiled.analysis.declaration?.settings.title;
  const { time, open, high, low, close, volume } = bars;
  return {
    trades: toExportTrades(run.results),
    ok: true,
    dataRange: { from: bars.time[0], to: bars.time[bars.time.length - 1] },
    strategyRun: {
      name: typeof title === 'string' ? title : file,
      provenance: {
        ...scriptProvenance(file, source, compiled.code),
        ...(await dataProvenance(options.data ?? '', bars.time)),
      },
      inputs: { ...module.defaultInputs, ...byKey },
      strategy: { ...module.settings },
      summary: computeSummary(run.results),
      equity: run.equity,
      bars: { time, open, high, low, close, volume },
    },
  };
}

/** What verify knows about the strategy run it made (absent when it compared two trade lists). */
interface StrategyRun {
  readonly name: string;
  readonly provenance: ProvenanceInput;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly strategy: Readonly<Record<string, unknown>>;
  readonly summary: ReturnType<typeof computeSummary>;
  readonly equity: Float64Array;
  readonly bars: ReportBars;
}

/** Our side of the comparison: the trades, and the run that made them when there was one. */
type OurTrades = Pick<TradeListResult, 'trades' | 'ok'> & {
  readonly dataRange?: { from: number; to: number };
  readonly strategyRun?: StrategyRun;
};

/** Everything one verify run produced, for the store. */
interface VerifyRecord {
  readonly options: VerifyOptions;
  readonly tvPath: string;
  readonly tvTrades: readonly Trade[];
  readonly ours: OurTrades;
  readonly report: ComparisonReport;
  readonly mintick: number;
  readonly pnlRelativeTolerance: number;
  readonly started: number;
}

/**
 * Stores the verify run (our trades, TradingView's in the summary, the comparison's settings so
 * `pineport report` recomputes the same comparison) and writes `--report`. Returns the run id (when stored in a file) and the lines that tell the user where things went.
 */
async function recordVerify(
  r: VerifyRecord,
  io: CliIO,
  status: ExitStatus,
): Promise<{ id?: number; lines: string[] }> {
  const record = openRecordStore(r.options, defaultStorePath(), io, status);
  if (record === undefined) return { lines: [] };
  const run = r.ours.strategyRun;
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const summary: VerifyRunSummary = {
    ...(run === undefined ? {} : { performance: toStoredJson(run.summary) }),
    verify: {
      grade: r.report.grade,
      tvPath: r.tvPath,
      oursPath: run === undefined ? (r.options.trades ?? null) : null,
      mintick: r.mintick,
      pnlRelativeTolerance: r.pnlRelativeTolerance,
      window: { from: finite(r.report.window.from), to: finite(r.report.window.to) },
      tvCount: r.report.expectedCount,
      ourCount: r.report.actualCount,
      paired: r.report.paired,
      exactPairs: r.report.exactPairs,
      tvTrades: r.tvTrades.map(tradeToJson),
    },
  };
  try {
    const id = record.store.saveRun({
      kind: 'verify',
      pineportVersion: pineportVersion(),
      name: run?.name ?? `verify ${r.tvPath}`,
      inputs: toStoredJson(run?.inputs ?? {}),
      strategy: toStoredJson(run?.strategy ?? {}),
      symbol: { mintick: r.mintick },
      ...(run === undefined ? {} : { provenance: run.provenance }),
      status: 'complete',
      wallMs: performance.now() - r.started,
      summary: toStoredJson(summary),
      metrics: {
        count_delta: r.report.metrics.countDelta,
        unpaired: r.report.metrics.unpaired,
        entry_price_p90: r.report.metrics.entryPriceP90,
        exit_price_p90: r.report.metrics.exitPriceP90,
        pnl_p90: r.report.metrics.pnlP90,
      },
      trades: r.ours.trades,
      ...(run === undefined ? {} : { equity: { times: run.bars.time, values: run.equity } }),
    });
    const wrote =
      r.options.report !== undefined &&
      (await writeStoredReport(record.store, id, r.options.report, io, status, run?.bars));
    return {
      ...(record.persistent ? { id } : {}),
      lines: [...storedLine(record, id), ...(wrote ? [`report: ${r.options.report ?? ''}`] : [])],
    };
  } finally {
    record.store.close();
  }
}

/** Reads a trade list by extension, printing its diagnostics; undefined (exit 2) when unreadable. */
async function readTrades(
  path: string,
  timezone: string,
  io: CliIO,
  status: ExitStatus,
): Promise<TradeListResult | undefined> {
  let result: TradeListResult;
  try {
    result = await readTradesFile(path, { timezone });
  } catch (error) {
    io.stderr(
      `${path}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
    );
    status.set(ExitCode.usage);
    return undefined;
  }
  printDiagnostics(io, result.diagnostics, undefined);
  return result;
}

async function resolveMintick(
  options: VerifyOptions,
  tvTrades: readonly Trade[],
  io: CliIO,
  status: ExitStatus,
): Promise<number | undefined> {
  const given: SymbolSettingsInput = {};
  if (options.mintick !== undefined) {
    const mintick = Number(options.mintick);
    if (!(mintick > 0)) {
      io.stderr(`error: --mintick must be a positive number, got '${options.mintick}'\n`);
      status.set(ExitCode.usage);
      return undefined;
    }
    given.mintick = mintick;
  }
  let file: { path: string; text: string } | undefined;
  if (options.symbol !== undefined) {
    const text = await readTextOrReport(options.symbol, io, status);
    if (text === undefined) return undefined;
    file = { path: options.symbol, text };
  }
  const prices = new Float64Array(tvTrades.flatMap((t) => [t.entryPrice, t.exitPrice]));
  const settings = resolveSymbolSettings({
    options: given,
    ...(file === undefined ? {} : { file }),
    prices: [prices],
  });
  // Only the mintick matters to a trade comparison; other defaults are noise here.
  printDiagnostics(
    io,
    settings.diagnostics.filter((d) => d.code !== 'PP4051'),
    undefined,
  );
  if (!settings.ok) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  return settings.settings.mintick;
}

/** The report as plain JSON-ready data (the `--json` output; `parity` reuses it per case). */
export function comparisonJson(report: ComparisonReport): Record<string, unknown> {
  const trade = (t: Trade | undefined) =>
    t === undefined
      ? null
      : {
          number: t.number,
          direction: t.direction,
          entryTime: t.entryTime,
          entryPrice: t.entryPrice,
          exitTime: Number.isFinite(t.exitTime) ? t.exitTime : null,
          exitPrice: Number.isFinite(t.exitPrice) ? t.exitPrice : null,
          qty: t.qty,
          profit: Number.isFinite(t.profit) ? t.profit : null,
          open: t.open,
        };
  const d = report.firstDivergence;
  return {
    grade: report.grade,
    tvTrades: report.expectedCount,
    ourTrades: report.actualCount,
    matched: report.paired,
    exactPairs: report.exactPairs,
    window: report.window,
    outsideWindow: report.outsideWindow,
    metrics: report.metrics,
    unmatched: { tv: report.unmatchedExpected.length, ours: report.unmatchedActual.length },
    firstDivergence:
      d === undefined
        ? null
        : {
            kind: d.kind,
            time: d.time,
            tv: trade(d.expected),
            ours: trade(d.actual),
            differences: d.differences,
            tvNearby: d.expectedNearby.map(trade),
            oursNearby: d.actualNearby.map(trade),
          },
    ...(report.error === undefined ? {} : { error: report.error }),
  };
}

const percent = (x: number, digits: number): string => `${(x * 100).toFixed(digits)} %`;

/** Renders a comparison report as text lines (the default `verify` output). */
export function renderComparison(report: ComparisonReport): string {
  if (report.grade === 'error') return `verify: error — ${report.error ?? 'comparison could not run'}\n`;
  const m = report.metrics;
  const lines = [
    `verify: ${report.grade} — ${report.expectedCount} TradingView trades, ${report.actualCount} ours, ` +
      `${report.paired} paired (${report.exactPairs} exact) in ${formatUtc(report.window.from)} → ${formatUtc(report.window.to)}`,
    `  count Δ ${percent(m.countDelta, 2)}, unpaired ${percent(m.unpaired, 2)}, entry price p90 Δ ${percent(m.entryPriceP90, 4)}, ` +
      `exit price p90 Δ ${percent(m.exitPriceP90, 4)}, P&L p90 Δ ${percent(m.pnlP90, 2)}`,
  ];
  const outside = report.outsideWindow;
  if (outside.expected + outside.actual > 0) {
    lines.push(
      `  outside the window (not compared): ${outside.expected} TradingView, ${outside.actual} ours`,
    );
  }
  if (report.firstDivergence !== undefined) lines.push(...renderDivergence(report.firstDivergence));
  return `${lines.join('\n')}\n`;
}

function renderDivergence(d: Divergence): string[] {
  const head =
    d.kind === 'fields'
      ? `first divergence at TradingView trade #${d.expected?.number ?? '?'} (${formatUtc(d.time)}): ${d.differences.map(describeDifference).join('; ')}`
      : d.kind === 'missing'
        ? `first divergence: TradingView trade #${d.expected?.number ?? '?'} (${formatUtc(d.time)}) has no counterpart in ours`
        : `first divergence: our trade #${d.actual?.number ?? '?'} (${formatUtc(d.time)}) has no counterpart in TradingView's`;
  const lines = [head];
  if (d.expected !== undefined) lines.push(`  TradingView: ${describeTrade(d.expected)}`);
  if (d.actual !== undefined) lines.push(`  ours:        ${describeTrade(d.actual)}`);
  lines.push('  nearby TradingView trades:', ...d.expectedNearby.map((t) => `    ${describeTrade(t)}`));
  lines.push('  nearby trades of ours:', ...d.actualNearby.map((t) => `    ${describeTrade(t)}`));
  return lines;
}

function describeDifference(x: FieldDifference): string {
  const show = (v: number): string =>
    x.field === 'entryTime' || x.field === 'exitTime'
      ? formatUtc(v)
      : x.field === 'open'
        ? v === 1
          ? 'open'
          : 'closed'
        : String(v);
  return `${x.field} TradingView ${show(x.expected)}, ours ${show(x.actual)}`;
}

function describeTrade(t: Trade): string {
  const exit = t.open
    ? `open (marked ${Number.isFinite(t.exitPrice) ? String(t.exitPrice) : '?'})`
    : `exit ${formatUtc(t.exitTime)} @ ${t.exitPrice}${t.exitSignal === '' ? '' : ` "${t.exitSignal}"`}`;
  const entrySignal = t.entrySignal === '' ? '' : ` "${t.entrySignal}"`;
  const profit = Number.isFinite(t.profit) ? `, P&L ${t.profit}` : '';
  return `#${t.number} ${t.direction} ${t.qty} entry ${formatUtc(t.entryTime)} @ ${t.entryPrice}${entrySignal}, ${exit}${profit}`;
}
