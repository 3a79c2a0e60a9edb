import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OhlcvSeries } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readTradesFile } from '../exports/index.js';
import type { PineParser } from '../parser/index.js';
import { compareTrades, type ComparisonReport, type ParityCase } from '../verify/index.js';
import { runBacktest } from './backtest.js';
import { compilePine, loadGeneratedModule } from './compile.js';
import { toExportTrades } from './trades.js';

export interface ParityOutcome {
  readonly name: string;
  /** 'error' when the case could not be compiled or run (see diagnostics). */
  readonly grade: ComparisonReport['grade'] | 'error';
  readonly report: ComparisonReport | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Bars per second of the backtest alone (compile and load excluded). */
  readonly barsPerSecond: number;
}

/**
 * Runs one corpus case: its Pine source (from `pineRoot/<name>/strategy.pine` or next to the case),
 * on the feed, against the case's TradingView export, trade by trade.
 */
export async function runParityCase(
  parityCase: ParityCase,
  feed: OhlcvSeries,
  options: { readonly pineRoot?: string; readonly parser?: PineParser; readonly mintick?: number },
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
      { code: 'PP9001', severity: 'error', message: 'case has no Pine source or no TradingView export' },
    ]);
  let source: string;
  try {
    source = await readFile(pinePath, 'utf8');
  } catch {
    return fail([{ code: 'PP9001', severity: 'error', message: `cannot read ${pinePath}` }]);
  }
  const compiled = await compilePine(source, {
    file: pinePath,
    ...(options.parser ? { parser: options.parser } : {}),
  });
  if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error'))
    return fail(compiled.diagnostics);
  const module = loadGeneratedModule(compiled.code);
  const mintick = options.mintick ?? 0.01;
  const started = performance.now();
  const run = runBacktest(module, feed, { symbol: { mintick }, timeframe: '15', chartUtcOffsetMinutes: 480 });
  const seconds = (performance.now() - started) / 1000;
  if (!run.results) return fail(run.diagnostics);
  const expected = await readTradesFile(parityCase.tvTrades, { timezone: parityCase.tvTimezone });
  const actual = toExportTrades(run.results);
  const report = compareTrades(expected.trades, actual, {
    mintick,
    dataRange: { from: feed.time[0], to: feed.time[feed.length - 1] },
  });
  return {
    name: parityCase.name,
    grade: report.grade,
    report,
    diagnostics: run.diagnostics,
    barsPerSecond: feed.length / seconds,
  };
}
