import type { Diagnostic } from '../diagnostics/diagnostic.js';
import * as runtime from '../runtime/index.js';
import type { LoadedModule } from './compile.js';
import { runtimeErrorDiagnostic } from './runtime-error.js';

/** Bars in typed-array columns (the OHLCV loader's `OhlcvSeries` fits). */
export interface BarColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** The bars from `startMs` on (views, no copy). */
export function barsFrom(feed: BarColumns, startMs: number): BarColumns {
  let from = 0;
  while (from < feed.time.length && feed.time[from] < startMs) from++;
  return {
    time: feed.time.subarray(from),
    open: feed.open.subarray(from),
    high: feed.high.subarray(from),
    low: feed.low.subarray(from),
    close: feed.close.subarray(from),
    volume: feed.volume.subarray(from),
  };
}

export interface BacktestOptions {
  readonly symbol?: {
    readonly mintick?: number;
    readonly pointValue?: number;
    readonly qtyStep?: number;
    readonly timezone?: string;
    /** Regular session (`syminfo.session`), e.g. "0930-1600:23456"; default 24x7. */
    readonly session?: string;
  };
  /** Chart timeframe ("15", "60", "1D"); inferred from the bars when absent. */
  readonly timeframe?: string;
  readonly inputs?: Record<string, unknown>;
  /** Overrides of strategy() settings (commission, slippage, qty …). */
  readonly settings?: Partial<runtime.StrategySettings>;
  /**
   * Quote→account currency rate at a time (UNIX ms) when the strategy's `currency` differs from the
   * symbol's (e.g. a USD account on a USDT pair); see `parseDailyRates` (src/verify). Applied only
   * when the strategy names an account currency (`strategy(currency=…)`, not NONE). Default: 1.
   */
  readonly quoteToAccountRate?: (timeMs: number) => number;
}

export interface BacktestRun {
  readonly results: runtime.StrategyResults | undefined;
  /** Strategy equity at each bar's close (NaN before a runtime error stopped the run). */
  readonly equity: Float64Array;
  readonly plots: runtime.PlotRecorder | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs a loaded strategy module bar by bar on the broker emulator: for each bar the broker fills
 * pending orders along the bar's path, the script steps, then the broker books the close.
 * A Pine runtime error stops the run with a diagnostic naming the bar and the Pine line, as
 * TradingView halts.
 */
export function runBacktest(
  module: LoadedModule,
  bars: BarColumns,
  options: BacktestOptions = {},
): BacktestRun {
  const feed = runtime.Feed.fromSeries(bars);
  const symbol = options.symbol ?? {};
  const ctx = new runtime.PineContext(feed, {
    symbol: {
      mintick: symbol.mintick ?? 0.01,
      ...(symbol.timezone === undefined ? {} : { timezone: symbol.timezone }),
      ...(symbol.session === undefined ? {} : { session: symbol.session }),
    },
    ...(options.timeframe === undefined ? {} : { timeframe: options.timeframe }),
  });
  const settings = { ...module.settings, ...options.settings };
  const strategy = new runtime.PineStrategy(
    settings,
    {
      mintick: symbol.mintick ?? 0.01,
      pointValue: symbol.pointValue ?? 1,
      qtyStep: symbol.qtyStep ?? 0.0001,
    },
    {
      exchangeZone: ctx.exchangeZone,
      ...(options.quoteToAccountRate === undefined || !namesAccountCurrency(settings.currency)
        ? {}
        : { quoteToAccountRate: options.quoteToAccountRate }),
    },
  );
  const script = new module.Script(ctx, strategy, options.inputs ?? {});
  // Every bar's equity is written by the loop; only a run stopped by an error fills the rest with NaN
  // (a fill of the whole column up front would be one more pass over it on every run).
  const equity = new Float64Array(feed.length);
  try {
    runtime.runStrategyBars(ctx, script, strategy, equity);
  } catch (error) {
    equity.fill(Number.NaN, Math.max(0, ctx.bar_index));
    const diagnostic = runtimeErrorDiagnostic(module, error, { index: ctx.bar_index, time: ctx.time });
    if (diagnostic === undefined) throw error;
    return { results: undefined, equity, plots: ctx.plots, diagnostics: [diagnostic] };
  }
  const results = strategy.finish();
  return { results, equity, plots: ctx.plots, diagnostics: results.diagnostics };
}

/** True when `strategy(currency=…)` names an account currency (NONE means the symbol's own). */
function namesAccountCurrency(currency: string | undefined): boolean {
  return currency !== undefined && currency !== '' && currency.toUpperCase() !== 'NONE';
}
