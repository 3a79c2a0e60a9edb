import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codegenCodes } from '../diagnostics/codes/codegen.js';
import { cliCodes } from '../diagnostics/codes/runtime.js';
import { readTradesFile } from '../exports/index.js';
import type { PineParser } from '../parser/index.js';
import {
  chartStartFor,
  compareTrades,
  type ChartStartRules,
  type ComparisonReport,
  type ParityCase,
} from '../verify/index.js';
import { barsFrom, runBacktest, type BarColumns } from './backtest.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from './compile.js';
import { toExportTrades } from './trades.js';

export interface ParityOutcome {
  readonly name: string;
  /** 'error' when the case could not be compiled or run (see diagnostics). */
  readonly grade: ComparisonReport['grade'] | 'error';
  readonly report: ComparisonReport | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Bars per second of the backtest alone (compile and load excluded). */
  readonly barsPerSecond: number;
  /**
   * Set when the case cannot be judged on this feed: its script needs data the feed does not hold
   * (another symbol, intrabars of a lower timeframe). The grade is then 'error' and means nothing.
   */
  readonly skipReason?: string;
}

/** A case's inputs.json values (keyed by input title, as TradingView's dialog shows them) by module key. */
function caseInputs(
  byTitle: Readonly<Record<string, unknown>>,
  descriptors: LoadedModule['inputDescriptors'],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [title, value] of Object.entries(byTitle)) {
    const input = descriptors.find((d) => d.title === title || d.name === title || d.key === title);
    if (input) out[input.key] = value;
  }
  return out;
}

/**
 * Runs one corpus case: its Pine source (from `pineRoot/<name>/strategy.pine` or next to the case),
 * on the feed, against the case's TradingView export, trade by trade.
 */
export async function runParityCase(
  parityCase: ParityCase,
  feed: BarColumns,
  options: {
    readonly pineRoot?: string;
    readonly parser?: PineParser;
    readonly mintick?: number;
    /** First bar fed to the strategy (UNIX ms): where TradingView's chart began. */
    readonly startMs?: number;
    /** See CompareOptions.pnlRelativeTolerance (account currency ≠ quote currency). */
    readonly pnlRelativeTolerance?: number;
    /** Chart starts of export sessions; a matching rule overrides `startMs`. */
    readonly chartStarts?: ChartStartRules;
    /** Quote→account currency rates (see BacktestOptions.quoteToAccountRate). */
    readonly quoteToAccountRate?: (timeMs: number) => number;
  },
): Promise<ParityOutcome> {
  const fail = (diagnostics: readonly Diagnostic[]): ParityOutcome => ({
    name: parityCase.name,
    grade: 'error',
    report: undefined,
    diagnostics,
    barsPerSecond: 0,
  });
  const pinePath =
    parityCase.strategy ??
    (options.pineRoot ? join(options.pineRoot, parityCase.name, 'strategy.pine') : undefined);
  if (!pinePath || !parityCase.tvTrades)
    return fail([
      {
        code: cliCodes.caseUnavailable.code,
        severity: cliCodes.caseUnavailable.severity,
        message: 'case has no Pine source or no TradingView export',
      },
    ]);
  let source: string;
  try {
    source = await readFile(pinePath, 'utf8');
  } catch {
    return fail([
      {
        code: cliCodes.caseUnavailable.code,
        severity: cliCodes.caseUnavailable.severity,
        message: `cannot read ${pinePath}`,
      },
    ]);
  }
  const compiled = await compilePine(source, {
    file: pinePath,
    ...(options.parser ? { parser: options.parser } : {}),
  });
  const missing = compiled.diagnostics.find((d) => d.code === codegenCodes.missingData.code);
  if (missing) return { ...fail(compiled.diagnostics), skipReason: missing.message };
  if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error'))
    return fail(compiled.diagnostics);
  const module = loadGeneratedModule(compiled.code);
  const mintick = parityCase.symbol.mintick ?? options.mintick ?? 0.01;
  const inputs = caseInputs(parityCase.scriptInputs, module.inputDescriptors);
  const expected = await readTradesFile(parityCase.tvTrades, { timezone: parityCase.tvTimezone });
  const sessionStart =
    options.chartStarts === undefined ? undefined : chartStartFor(expected.trades, options.chartStarts);
  const startMs = parityCase.ohlcvStartMs ?? sessionStart ?? options.startMs;
  const bars = startMs === undefined ? feed : barsFrom(feed, startMs);
  const started = performance.now();
  const run = runBacktest(module, bars, {
    symbol: { mintick },
    timeframe: '15',
    inputs,
    ...(options.quoteToAccountRate === undefined ? {} : { quoteToAccountRate: options.quoteToAccountRate }),
  });
  const seconds = (performance.now() - started) / 1000;
  if (!run.results) return fail(run.diagnostics);
  const actual = toExportTrades(run.results);
  const report = compareTrades(expected.trades, actual, {
    mintick,
    dataRange: { from: bars.time[0], to: bars.time[bars.time.length - 1] },
    ...(options.pnlRelativeTolerance === undefined
      ? {}
      : { pnlRelativeTolerance: options.pnlRelativeTolerance }),
  });
  return {
    name: parityCase.name,
    grade: report.grade,
    report,
    diagnostics: run.diagnostics,
    barsPerSecond: bars.time.length / seconds,
  };
}
