import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadOhlcvFile } from '../../data/index.js';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { renderReport } from '../../report/index.js';
import { runBacktest } from '../../run/backtest.js';
import { compilePine, loadGeneratedModule } from '../../run/compile.js';
import { inputOverridesSchema } from '../../run/input-schema.js';
import { plotsCsv } from '../../run/plots.js';
import { toExportTrades } from '../../run/trades.js';
import { pineportVersion } from '../../run/version.js';
import { computeSummary, tradeListCsv } from '../../runtime/index.js';
import { RunStore, hashText } from '../../store/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import { readTextOrReport } from './data.js';

interface RunOptions {
  readonly data: string;
  readonly mintick?: string;
  readonly timeframe?: string;
  readonly timezone?: string;
  readonly emit?: string;
  readonly trades?: string;
  readonly plots?: string;
  readonly report?: string;
  readonly store?: string;
  readonly save?: boolean;
  readonly json?: boolean;
  readonly input?: string[];
}

function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], source: string | undefined): void {
  for (const d of sortDiagnostics(diagnostics)) {
    const text =
      renderDiagnostic(d, d.file !== undefined && source !== undefined ? source : undefined) + '\n';
    if (d.severity === 'error') io.stderr(text);
  }
}

/** `name=value` pairs from `--input`, numbers and booleans parsed. */
function parseInputs(pairs: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const raw = pair.slice(at + 1);
    out[pair.slice(0, at)] =
      raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : Number.isFinite(Number(raw)) && raw.trim() !== ''
            ? Number(raw)
            : raw;
  }
  return out;
}

/**
 * `pineport port <file.pine> [-o out.ts]` (alias `pineport transpile`): writes the TypeScript module
 * for a Pine script.
 */
export function registerPortCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('port')
    .alias('transpile')
    .description(
      'Translate a Pine script into a typed TypeScript module (exit 0: written, 1: the script has errors, 2: I/O)',
    )
    .argument('<file>', 'Pine source file')
    .option('-o, --out <file>', 'where to write the module (default: print it)')
    .addHelpText(
      'after',
      '\nExamples:\n  pineport port corpus/v5/ma-cross.pine -o ma-cross.ts\n  pineport transpile corpus/v5/ma-cross.pine -o ma-cross.ts   (same command)',
    )
    .action(async (file: string, options: { out?: string }) => {
      const source = await readTextOrReport(file, io, status);
      if (source === undefined) return;
      const compiled = await compilePine(source, { file });
      for (const d of compiled.diagnostics)
        if (d.severity === 'error') io.stderr(renderDiagnostic(d, source) + '\n');
      if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error')) {
        status.set(ExitCode.inputErrors);
        return;
      }
      if (options.out) {
        await mkdir(dirname(options.out), { recursive: true });
        await writeFile(options.out, compiled.code);
        io.stdout(`wrote ${options.out}\n`);
      } else io.stdout(compiled.code);
    });
}

/** `pineport run <file.pine> --data bars.csv`: port, backtest, and report. */
export function registerRunCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('run')
    .description("Run a Pine strategy (TradingView's broker rules) or indicator over OHLCV data")
    .argument('<file>', 'Pine strategy or indicator')
    .requiredOption('--data <csv>', 'OHLCV CSV (time, open, high, low, close, volume)')
    .option('--mintick <n>', 'price tick of the symbol', '0.01')
    .option('--timeframe <tf>', 'chart timeframe ("15", "60", "1D"); inferred when absent')
    .option('--timezone <tz>', 'timezone of naive timestamps in the data (e.g. UTC, America/New_York)')
    .option('--input <name=value...>', 'override an input (repeatable)')
    .option('--emit <file.ts>', 'also write the generated TypeScript module')
    .option('--trades <file.csv>', "write the List of Trades in TradingView's CSV layout")
    .option(
      '--plots <file.csv>',
      'write the plotted series: time (UNIX s), one column per plot title, na empty',
    )
    .option('--report <file.html>', 'write the self-contained HTML report')
    .option('--store <path>', 'run store (default .pineport/runs.db)')
    .option('--no-save', 'do not record the run in the store')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  pineport run corpus/v5/ma-cross.pine --data data/eth-usdt-15m.csv --report report.html\n  pineport run my-indicator.pine --data data/eth-usdt-15m.csv --plots plots.csv',
    )
    .action(async (file: string, options: RunOptions) => {
      const started = performance.now();
      const source = await readTextOrReport(file, io, status);
      if (source === undefined) return;
      const compiled = await compilePine(source, { file });
      printDiagnostics(io, compiled.diagnostics, source);
      if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error')) {
        status.set(ExitCode.inputErrors);
        return;
      }
      if (options.emit) await writeFile(options.emit, compiled.code);
      let loaded;
      try {
        loaded = await loadOhlcvFile(
          options.data,
          options.timezone === undefined ? {} : { timezone: options.timezone },
        );
      } catch (error) {
        io.stderr(
          `${options.data}: error: cannot read file (${error instanceof Error ? error.message : String(error)})\n`,
        );
        status.set(ExitCode.usage);
        return;
      }
      const dataErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
      for (const d of dataErrors) io.stderr(renderDiagnostic(d, undefined) + '\n');
      if (!loaded.series || dataErrors.length > 0) {
        status.set(ExitCode.inputErrors);
        return;
      }
      const bars = loaded.series;
      const mintick = Number(options.mintick ?? '0.01');
      const inputs = parseInputs(options.input);
      const module = loadGeneratedModule(compiled.code, { source, file });
      const checked = inputOverridesSchema(module.inputDescriptors).safeParse(inputs);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          io.stderr(
            `error: --input ${issue.path.join('.') || '(name)'}: ${issue.message}\n  hint: inputs are ${module.inputDescriptors.map((d) => d.key).join(', ')}\n`,
          );
        }
        status.set(ExitCode.usage);
        return;
      }
      const run = runBacktest(module, bars, {
        symbol: { mintick },
        ...(options.timeframe === undefined ? {} : { timeframe: options.timeframe }),
        inputs,
      });
      for (const d of run.diagnostics) io.stderr(renderDiagnostic(d, d.span ? source : undefined) + '\n');
      // Written even when a runtime error stopped the run: the bars before it are what TradingView shows.
      if (options.plots && run.plots) await writeFile(options.plots, plotsCsv(run.plots, bars.time));
      if (!run.results) {
        status.set(ExitCode.inputErrors);
        return;
      }
      const summary = computeSummary(run.results);
      const trades = toExportTrades(run.results);
      if (options.trades) await writeFile(options.trades, tradeListCsv(run.results, { utcOffsetMinutes: 0 }));
      const title = compiled.analysis.declaration?.settings.title;
      const name = typeof title === 'string' ? title : file;
      const wallMs = performance.now() - started;
      let runId: number | undefined;
      if (options.save !== false) {
        const opened = RunStore.open(options.store);
        if (opened.ok) {
          runId = opened.store.saveRun({
            kind: 'backtest',
            pineportVersion: pineportVersion(),
            name,
            inputs: { ...module.defaultInputs, ...inputs } as never,
            strategy: { ...module.settings },
            symbol: { mintick },
            provenance: {
              pinePath: file,
              pineSource: source,
              codeHash: hashText(compiled.code),
              dataPath: options.data,
              dataRows: bars.length,
              dataFirstTime: bars.time[0],
              dataLastTime: bars.time[bars.length - 1],
            },
            status: 'complete',
            wallMs,
            summary: JSON.parse(JSON.stringify(summary)) as never,
            trades,
            equity: { times: bars.time, values: run.equity },
          });
          opened.store.close();
        } else for (const d of opened.diagnostics) io.stderr(renderDiagnostic(d, undefined) + '\n');
      }
      if (options.report) {
        const html = renderReport({
          meta: {
            title: name,
            strategyName: name,
            symbol: options.data,
            timeframe: options.timeframe ?? 'inferred',
            from: bars.time[0],
            to: bars.time[bars.length - 1],
            pineportVersion: pineportVersion(),
            runId: runId === undefined ? 'unsaved' : String(runId),
            createdAt: Date.now(),
            currency: 'USD',
            inputs: Object.entries({ ...module.defaultInputs, ...inputs }).map(([k, v]) => ({
              name: k,
              value: typeof v === 'number' || typeof v === 'boolean' ? v : String(v),
            })),
            settings: Object.entries(module.settings).map(([k, v]) => ({
              name: k,
              value: typeof v === 'number' || typeof v === 'boolean' ? v : String(v),
            })),
          },
          bars: {
            time: bars.time,
            open: bars.open,
            high: bars.high,
            low: bars.low,
            close: bars.close,
            volume: bars.volume,
          },
          trades,
          equity: { time: bars.time, equity: run.equity },
          summary,
        });
        await writeFile(options.report, html);
      }
      const all = summary.all;
      if (options.json) {
        io.stdout(JSON.stringify({ runId, trades: trades.length, summary }, null, 2) + '\n');
      } else {
        io.stdout(
          [
            `${name}: ${bars.length} bars, ${all.totalClosedTrades} closed trades, ${all.totalOpenTrades} open`,
            `net profit ${all.netProfit.toFixed(2)} (${all.netProfitPercent.toFixed(2)} %), profit factor ${all.profitFactor.toFixed(3)}, ` +
              `${all.percentProfitable.toFixed(2)} % profitable, max drawdown ${summary.maxDrawdown.toFixed(2)}`,
            ...(runId === undefined ? [] : [`stored as run ${runId} (pineport runs show ${runId})`]),
            ...(options.report ? [`report: ${options.report}`] : []),
            ...(options.trades ? [`trades: ${options.trades}`] : []),
            ...(options.plots ? [`plots: ${options.plots}`] : []),
          ].join('\n') + '\n',
        );
      }
    });
}
