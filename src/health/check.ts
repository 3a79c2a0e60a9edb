import type { Analysis } from '../analysis/index.js';
import { healthCodes } from '../diagnostics/codes/health.js';
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type * as A from '../parser/ast.js';
import type { BacktestOptions, BarColumns } from '../run/backtest.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from '../run/compile.js';
import type { Difference } from './compare.js';
import { deadInputs, type DeadInputResult } from './inputs.js';
import { sourceSites, type SourceSites } from './lines.js';
import { lookaheadTest, type LookaheadResult } from './lookahead.js';
import { identicalRuns, sanityFigures, type SanityFigures } from './sanity.js';
import type { HealthReport } from './schema.js';
import { snapshotRun, type HealthTarget, type Snapshot } from './snapshot.js';
import { staticFindings } from './static.js';
import { DEFAULT_OFFSETS, warmupTest, type WarmupResult } from './warmup.js';

export interface HealthOptions {
  /** File name for the findings' locations. */
  readonly file?: string;
  /** How every run is backtested: symbol, timeframe, inputs, strategy() setting overrides. */
  readonly backtest?: BacktestOptions;
  /** Truncated runs of the look-ahead test (default 50; 0 skips the test). */
  readonly maxCuts?: number;
  /** Seed of the look-ahead test's random cuts (default 1). */
  readonly seed?: number;
  /** Start offsets of the warm-up test (default 0, 100, 500, 2000; only 0 skips it). */
  readonly offsets?: readonly number[];
  /** Warm-ups longer than this many bars are reported (default 500). */
  readonly warmupLimit?: number;
  /** Relative tolerance of the warm-up comparison (default 1e-6). */
  readonly warmupTolerance?: number;
  /** Backtests the dead-input check may run (default 60; 0 skips it). */
  readonly maxInputRuns?: number;
}

type Definition = (typeof healthCodes)[keyof typeof healthCodes];

/** Collects the findings of one health check, each pointing at a Pine call where one is known. */
class Findings {
  readonly bag = new DiagnosticBag();
  private readonly file: string | undefined;

  constructor(file: string | undefined) {
    this.file = file;
  }

  add(definition: Definition, message: string, hint: string, node?: A.Node): void {
    this.bag.report(definition, node?.span, message, hint, this.file);
  }
}

function barTime(bars: BarColumns, bar: number): string {
  const t = bars.time[bar];
  return Number.isFinite(t) ? new Date(t).toISOString().replace('.000Z', 'Z') : `bar ${bar}`;
}

/** The Pine call a difference points at: the plot of that title or the order of that id. */
function siteOf(sites: SourceSites, difference: Difference): A.CallExpression | undefined {
  if (difference.kind === 'plot') return sites.plots.get(difference.series);
  if (difference.kind === 'trade') return sites.orders.get(difference.series);
  return undefined;
}

function describe(difference: Difference): string {
  const what =
    difference.kind === 'plot'
      ? `plot '${difference.series}'`
      : difference.kind === 'trade'
        ? `order '${difference.series}'`
        : 'the run';
  return `${what}: ${difference.expected} vs ${difference.actual}`;
}

function reportLookahead(
  findings: Findings,
  result: LookaheadResult,
  sites: SourceSites,
  bars: BarColumns,
): HealthReport['lookahead'] {
  const first = result.first;
  if (!first) return { cuts: [...result.cuts], differingCuts: 0 };
  const site = siteOf(sites, first);
  findings.add(
    healthCodes.lookaheadConfirmed,
    `cutting the data after bar ${first.cut} (${barTime(bars, first.cut)}) changed bar ${first.bar} (${barTime(bars, first.bar)}), which lies before the cut — ${describe(first)} (full data vs cut data); ${result.differingCuts} of ${result.cuts.length} cuts changed the past`,
    'the script reads bars it could not know yet: look for request.security with lookahead_on and no [1], barstate.islast, last_bar_index, last_bar_time or timenow feeding this value',
    site,
  );
  return {
    cuts: [...result.cuts],
    differingCuts: result.differingCuts,
    first: { ...first, ...(site ? { line: site.span.line } : {}) },
  };
}

function reportWarmup(
  findings: Findings,
  result: WarmupResult,
  sites: SourceSites,
  limit: number,
): HealthReport['warmup'] {
  const unsettled = result.offsets.find((o) => !o.settled);
  if (unsettled) {
    const d = unsettled.difference;
    findings.add(
      healthCodes.warmupNeverSettles,
      `starting the data ${unsettled.offset} bars later still changes the results at the end of the data${d ? ` (${describe(d)} at bar ${d.bar})` : ''}: the strategy never forgets where its data began`,
      'seed recursive state (var, EMA-like updates) so it converges, e.g. from an SMA of a fixed length, or do not trade on it; a walk-forward window cannot be warmed up',
      d ? siteOf(sites, d) : undefined,
    );
  } else if (result.warmupBars > limit) {
    const worst = result.offsets.reduce((a, b) =>
      Math.max(b.plotWarmup, b.tradeWarmup) > Math.max(a.plotWarmup, a.tradeWarmup) ? b : a,
    );
    const d = worst.difference;
    findings.add(
      healthCodes.longWarmup,
      `results depend on the first ${result.warmupBars} bars of history (plots ${result.plotWarmupBars}); before that a run started later disagrees${d ? ` (${describe(d)})` : ''}`,
      `carry at least ${result.warmupBars} bars of warm-up into every walk-forward window, and ignore trades in the first ${result.warmupBars} bars`,
      d ? siteOf(sites, d) : undefined,
    );
  }
  return {
    offsets: result.offsets.map((o) => ({
      offset: o.offset,
      plotWarmup: o.plotWarmup,
      tradeWarmup: o.tradeWarmup,
      settled: o.settled,
      ...(o.difference ? { difference: o.difference } : {}),
    })),
    series: result.series.map((s) => ({ ...s })),
    warmupBars: result.warmupBars,
    plotWarmupBars: result.plotWarmupBars,
    settled: result.settled,
  };
}

function reportSanity(
  findings: Findings,
  full: Snapshot,
  warmupBars: number,
  sites: SourceSites,
): SanityFigures {
  const figures = sanityFigures(full, warmupBars);
  if (figures.closedTrades + figures.openTrades === 0)
    findings.add(
      healthCodes.noTrades,
      `no trade in ${figures.bars} bars`,
      'check the entry conditions and the inputs, or give the strategy more data',
    );
  if (figures.tradesInWarmup > 0)
    findings.add(
      healthCodes.tradesInWarmup,
      `${figures.tradesInWarmup} trade(s) entered in the first ${warmupBars} bars, while the plotted values still depend on where the data starts`,
      'skip trading until the indicators have warmed up (e.g. `if bar_index >= N`), or start the backtest later',
    );
  if (figures.rejectedOrders > 0)
    findings.add(
      healthCodes.ordersRejected,
      `${figures.rejectedOrders} order(s) rejected for lack of margin`,
      'lower the order size or raise margin/capital in strategy()',
    );
  if (figures.marginCalls > 0)
    findings.add(
      healthCodes.marginCalls,
      `${figures.marginCalls} margin call(s): the broker liquidated part of a position`,
      'lower the order size or the leverage; margin calls make the backtest depend on the emulator’s liquidation rule',
    );
  if (figures.openTrades > 0)
    findings.add(
      healthCodes.openAtEnd,
      `${figures.openTrades} trade(s) still open at the last bar: their profit is unrealised and counts in the results only as open P&L`,
      'judge closed trades, or close positions at the end of the test',
    );
  for (const plot of figures.plots) {
    if (plot.infinite > 0)
      findings.add(
        healthCodes.infinitePlot,
        `plot '${plot.title}' is infinite on ${plot.infinite} bar(s): a division by zero or an overflow`,
        'guard the division (e.g. `x != 0 ? a / x : na`)',
        sites.plots.get(plot.title),
      );
    else if (plot.values === 0 && figures.bars > 0)
      findings.add(
        healthCodes.emptyPlot,
        `plot '${plot.title}' is na on every bar`,
        'check its inputs and history lengths against the amount of data',
        sites.plots.get(plot.title),
      );
  }
  return figures;
}

function reportDeadInputs(
  findings: Findings,
  result: DeadInputResult,
  module: LoadedModule,
  sites: SourceSites,
): void {
  for (const key of result.dead) {
    const input = module.inputDescriptors.find((d) => d.key === key);
    findings.add(
      healthCodes.deadInput,
      `input '${input?.title ?? key}' changes no plot and no trade at its minimum, maximum or midpoint`,
      'remove it, or check that the script really uses it; the optimiser should not search it',
      input ? sites.inputs.get(input.line) : undefined,
    );
  }
}

/**
 * Checks an analysed and loaded strategy on a feed: static findings, then the runs — determinism,
 * the look-ahead test, the warm-up test, the sanity report and dead inputs. Returns the findings
 * (diagnostics) and the measured figures; never throws for a bad strategy.
 */
export function checkModuleHealth(
  analysis: Analysis,
  module: LoadedModule,
  bars: BarColumns,
  options: HealthOptions = {},
): HealthReport {
  const findings = new Findings(options.file);
  const statics = staticFindings(analysis, options.file);
  // The v5-margin finding waits for a run with v6's margin (marginMatters).
  const margin = statics.find((d) => d.code === healthCodes.versionMargin.code);
  for (const d of statics) if (d !== margin) findings.bag.add(d);
  const target: HealthTarget = { module, bars, options: options.backtest ?? {} };
  const sites = sourceSites(analysis);
  const n = bars.time.length;
  let runs = 1;
  const full = snapshotRun(target, 0, n);
  const base = {
    ...(options.file === undefined ? {} : { file: options.file }),
    bars: n,
  };
  if (full.error !== undefined) {
    findings.add(
      healthCodes.runtimeError,
      `the full run stops: ${full.error}`,
      'fix the runtime error first; the dynamic checks need a complete run',
    );
    return { ...base, runs, findings: sortDiagnostics(findings.bag.all) };
  }
  runs++;
  const deterministic = identicalRuns(full, snapshotRun(target, 0, n));
  if (!deterministic)
    findings.add(
      healthCodes.nondeterministic,
      'two runs with the same inputs on the same data gave different plots or trades',
      'remove randomness (math.random without a seed) and anything that reads the clock',
    );
  let lookahead: HealthReport['lookahead'];
  const maxCuts = options.maxCuts ?? 50;
  if (maxCuts > 0 && deterministic) {
    const result = lookaheadTest(target, full, { maxCuts, seed: options.seed ?? 1 });
    runs += result.cuts.length;
    lookahead = reportLookahead(findings, result, sites, bars);
  } else if (maxCuts > 0)
    findings.add(
      healthCodes.checkSkipped,
      'look-ahead test skipped: the runs are not deterministic',
      'fix determinism first',
    );
  let warmup: HealthReport['warmup'];
  const offsets = (options.offsets ?? DEFAULT_OFFSETS).filter((o) => o > 0);
  if (offsets.length > 0) {
    const result = warmupTest(target, full, {
      offsets,
      ...(options.warmupTolerance === undefined ? {} : { tolerance: options.warmupTolerance }),
    });
    runs += result.offsets.length;
    warmup = reportWarmup(findings, result, sites, options.warmupLimit ?? 500);
  }
  const figures = reportSanity(findings, full, warmup?.plotWarmupBars ?? 0, sites);
  let inputs: DeadInputResult | undefined;
  const maxInputRuns = options.maxInputRuns ?? 60;
  if (maxInputRuns > 0) {
    inputs = deadInputs(target, full, module.inputDescriptors, maxInputRuns);
    runs += inputs.runs;
    reportDeadInputs(findings, inputs, module, sites);
  }
  if (margin) {
    runs++;
    if (marginMatters(target, full)) findings.bag.add(margin);
  }
  return {
    ...base,
    runs,
    findings: sortDiagnostics(findings.bag.all),
    ...(lookahead ? { lookahead } : {}),
    ...(warmup ? { warmup } : {}),
    sanity: {
      ...figures,
      plots: [...figures.plots],
      deterministic,
      ...(inputs
        ? {
            inputs: {
              tested: [...inputs.tested],
              dead: [...inputs.dead],
              untested: [...inputs.untested],
              runs: inputs.runs,
            },
          }
        : {}),
    },
  };
}

/**
 * True when v6's 100 % margin default changes the results of a v4/v5 strategy that sets no margin:
 * only then is the static version-margin finding worth reporting.
 */
function marginMatters(target: HealthTarget, full: Snapshot): boolean {
  const v6 = snapshotRun(target, full.from, full.to, { settings: { marginLong: 100, marginShort: 100 } });
  return !identicalRuns(full, v6);
}

/** A script compiled for the health check, or why it could not be. */
export interface CompiledForHealth {
  readonly report: HealthReport | undefined;
  /** Parse, analysis and codegen diagnostics (errors stop the check). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Compiles a Pine strategy and runs every health check on `bars` (see checkModuleHealth). */
export async function checkHealth(
  source: string,
  bars: BarColumns,
  options: HealthOptions = {},
): Promise<CompiledForHealth> {
  const compiled = await compilePine(source, options.file === undefined ? {} : { file: options.file });
  if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error'))
    return { report: undefined, diagnostics: compiled.diagnostics };
  const module = loadGeneratedModule(compiled.code);
  return {
    report: checkModuleHealth(compiled.analysis, module, bars, options),
    diagnostics: compiled.diagnostics,
  };
}
