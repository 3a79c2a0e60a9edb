import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadOhlcvFile, type OhlcvSeries } from '../../data/index.js';
import { PineParser } from '../../parser/index.js';
import { runParityCase, type ParityOutcome } from '../../run/parity.js';
import {
  chartStartRulesSchema,
  discoverParityCases,
  parseDailyRates,
  type ChartStartRules,
} from '../../verify/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import { createProgress } from '../progress.js';
import { printDiagnostics } from './data.js';

interface ParityOptions {
  readonly pine?: string;
  readonly data: string;
  readonly start?: string;
  readonly chartStarts?: string;
  readonly quoteRates?: string;
  readonly only?: string;
  readonly timezone: string;
  readonly pnlRelative: string;
  readonly feedTicker: string;
  readonly json?: boolean;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The feed, or why not: unreadable is exit 2, malformed (diagnostics printed) exit 1. */
async function loadFeed(path: string, io: CliIO, status: ExitStatus): Promise<OhlcvSeries | undefined> {
  let loaded;
  try {
    loaded = await loadOhlcvFile(path);
  } catch (error) {
    io.stderr(`${path}: error: cannot read file (${errorText(error)})\n`);
    status.set(ExitCode.usage);
    return undefined;
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(io, errors, undefined);
  if (loaded.series === undefined || errors.length > 0) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  return loaded.series;
}

/** `pineport parity`: every corpus case against its TradingView export, graded trade by trade. */
export function registerParityCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('parity')
    .description("Port and run each corpus strategy and compare its trades with TradingView's export")
    .argument(
      '<corpus-dir>',
      'folder of cases (<case>/tv_trades.csv, optional inputs.json and strategy.pine), at any depth',
    )
    .option(
      '--pine <dir>',
      'folder holding <case>/strategy.pine when the Pine is kept apart from the exports',
    )
    .requiredOption('--data <csv>', 'the OHLCV feed the cases ran on')
    .option('--start <iso>', "first bar fed to the strategies (where TradingView's chart began)")
    .option(
      '--chart-starts <json>',
      'chart starts by export session (rules overriding --start; see data/parity/README.md)',
    )
    .option(
      '--quote-rates <csv>',
      'daily quote→account currency rates (day,rate CSV, e.g. from `pineport rates`) for strategies with a currency',
    )
    .option('--only <text>', 'only cases whose name contains this text')
    .option('--timezone <tz>', "timezone of the exports' times", 'UTC+8')
    .option('--pnl-relative <x>', 'relative P&L tolerance when no --quote-rates are given (e.g. 0.003)', '0')
    .option(
      '--feed-ticker <name>',
      'the symbol the --data feed holds; cases naming another ticker are skipped',
      'ETHUSDT',
    )
    .option('--json', 'print every case as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  pineport parity ../shared/parity/eth-usdt-15m/cases --pine ../corpus-pf/validation \\\n    --data ../shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv --start 2025-03-31T00:00Z \\\n    --chart-starts data/parity/eth-usdt-15m.chart-starts.json --quote-rates data/parity/eth-usdt-15m.usdt-usd-rates.csv',
    )
    .action(async (corpus: string, options: ParityOptions) => {
      const loaded = await loadFeed(options.data, io, status);
      if (loaded === undefined) return;
      const startMs = options.start === undefined ? undefined : Date.parse(options.start);
      const chartStarts =
        options.chartStarts === undefined ? undefined : await readChartStarts(options.chartStarts, io);
      if (chartStarts === null) {
        status.set(ExitCode.usage);
        return;
      }
      const quoteRates =
        options.quoteRates === undefined ? undefined : await readQuoteRates(options.quoteRates, io);
      if (quoteRates === null) {
        status.set(ExitCode.usage);
        return;
      }
      let cases;
      try {
        ({ cases } = await discoverParityCases(corpus, { defaultTimezone: options.timezone }));
      } catch (error) {
        io.stderr(`${corpus}: error: cannot read the corpus folder (${errorText(error)})\n`);
        status.set(ExitCode.usage);
        return;
      }
      const parser = new PineParser();
      const outcomes: ParityOutcome[] = [];
      const skipped: { name: string; reason: string }[] = [];
      const selected = cases.filter((c) => options.only === undefined || c.name.includes(options.only));
      const bar = createProgress({ stream: io.progressStream, label: 'cases', json: options.json === true });
      const print = (text: string): void => {
        bar.log(() => {
          io.stdout(text);
        });
      };
      for (const [done, parityCase] of selected.entries()) {
        bar.update(done, selected.length, parityCase.name);
        const ticker = parityCase.ticker;
        const otherSymbol =
          ticker !== undefined &&
          parityCase.ohlcv === undefined &&
          !ticker.toUpperCase().includes(options.feedTicker.toUpperCase());
        const reason =
          parityCase.skip ??
          (parityCase.expectTvMatch
            ? undefined
            : `marked expect_tv_match: false (${parityCase.expectReason ?? 'no reason given'})`) ??
          (otherSymbol
            ? `the case runs on ${ticker}, whose data is not given (the feed is ${options.feedTicker})`
            : undefined);
        if (reason !== undefined) {
          skipped.push({ name: parityCase.name, reason });
          if (!options.json) print(`${'skipped'.padEnd(9)} ${parityCase.name}  ${reason}\n`);
          continue;
        }
        const outcome = await runParityCase(parityCase, loaded, {
          ...(options.pine === undefined ? {} : { pineRoot: options.pine }),
          parser,
          ...(startMs === undefined ? {} : { startMs }),
          ...(chartStarts === undefined ? {} : { chartStarts }),
          ...(quoteRates === undefined ? {} : { quoteToAccountRate: quoteRates }),
          pnlRelativeTolerance: Number(options.pnlRelative),
        });
        // An export whose trades all lie outside the feed's time range (another symbol's data) proves
        // nothing either way: skipped, never graded "exact" on zero trades.
        if (outcome.skipReason !== undefined) {
          skipped.push({ name: parityCase.name, reason: outcome.skipReason });
          if (!options.json) io.stdout(`${'skipped'.padEnd(9)} ${parityCase.name}  ${outcome.skipReason}\n`);
          continue;
        }
        const report = outcome.report;
        if (report && report.expectedCount === 0 && report.outsideWindow.expected > 0) {
          const reason = `all ${report.outsideWindow.expected} TradingView trades lie outside the feed's time range${parityCase.ticker ? ` (the case needs ${parityCase.ticker} data)` : ''}`;
          skipped.push({ name: parityCase.name, reason });
          if (!options.json) print(`${'skipped'.padEnd(9)} ${parityCase.name}  ${reason}\n`);
          continue;
        }
        outcomes.push(outcome);
        if (!options.json) {
          const r = outcome.report;
          const detail =
            outcome.grade === 'error'
              ? (outcome.diagnostics.find((d) => d.severity === 'error')?.message ?? '')
              : `${r?.exactPairs ?? 0}/${r?.expectedCount ?? 0} trades exact` +
                (r?.firstDivergence
                  ? `, first divergence: ${r.firstDivergence.kind} at ${new Date(r.firstDivergence.time).toISOString()}`
                  : '');
          print(`${outcome.grade.padEnd(9)} ${parityCase.name}  ${detail}\n`);
        }
      }
      bar.stop();
      const count = (grade: string): number => outcomes.filter((o) => o.grade === grade).length;
      const summary = {
        exact: count('exact'),
        excellent: count('excellent'),
        strong: count('strong'),
        weak: count('weak'),
        mismatch: count('mismatch'),
        error: count('error'),
        skipped: skipped.length,
        total: outcomes.length,
      };
      if (options.json) {
        const rows = outcomes.map((o) => ({
          name: o.name,
          grade: o.grade,
          tvTrades: o.report?.expectedCount ?? null,
          ourTrades: o.report?.actualCount ?? null,
          matched: o.report?.exactPairs ?? null,
          firstDivergence: o.report?.firstDivergence ?? null,
          barsPerSecond: o.barsPerSecond,
          diagnostics: o.diagnostics,
        }));
        io.stdout(JSON.stringify({ cases: rows, skipped, summary }, null, 2) + '\n');
      } else {
        io.stdout(
          `\nparity: ${summary.exact} exact, ${summary.excellent} excellent, ${summary.strong} strong, ${summary.weak} weak, ` +
            `${summary.mismatch} mismatch, ${summary.error} error of ${summary.total} (${summary.skipped} skipped)\n`,
        );
      }
    });
}

/** Reads and validates a `--chart-starts` file; null (after printing why) when it is unusable. */
async function readChartStarts(path: string, io: CliIO): Promise<ChartStartRules | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    io.stderr(`${path}: error: cannot read the chart-starts file\n  hint: check the path\n`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`${path}: error: not valid JSON (${(error as Error).message})\n`);
    return null;
  }
  const parsed = chartStartRulesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    io.stderr(
      `${path}: error: ${issue.path.join('.') || '(root)'}: ${issue.message}\n` +
        '  hint: { "description": "…", "rules": [{ "exportEndsFrom", "exportEndsBefore", "chartStart", "evidence" }] }, times as ISO-8601\n',
    );
    return null;
  }
  return parsed.data;
}

/** Reads a `--quote-rates` CSV into a rate lookup; null (after printing each problem) when unusable. */
export async function readQuoteRates(path: string, io: CliIO): Promise<((timeMs: number) => number) | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    io.stderr(`${path}: error: cannot read the rates file\n  hint: check the path\n`);
    return null;
  }
  const parsed = parseDailyRates(text);
  if ('problems' in parsed) {
    for (const p of parsed.problems) io.stderr(`${path}:${String(p.line)}:1: error: ${p.message}\n`);
    io.stderr('  hint: one "YYYY-MM-DD,rate" row per UTC day, ascending (`pineport rates` writes one)\n');
    return null;
  }
  return parsed.lookup;
}
