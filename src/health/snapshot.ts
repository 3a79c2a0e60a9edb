import type { BacktestOptions, BarColumns } from '../run/backtest.js';
import { runBacktest } from '../run/backtest.js';
import type { LoadedModule } from '../run/compile.js';

/** One trade row as the comparisons see it: bars are indexes into the full feed. */
export interface TradeRow {
  readonly entryBar: number;
  readonly entryId: string;
  readonly direction: number;
  readonly entryPrice: number;
  readonly qty: number;
  /** -1 while the trade is open at the end of the run. */
  readonly exitBar: number;
  readonly exitId: string;
  readonly exitPrice: number;
}

/** What one run produced, bar indexes shifted to the full feed (`from` is bar 0 of the run). */
export interface Snapshot {
  readonly from: number;
  /** One past the last bar of the run, in the full feed. */
  readonly to: number;
  readonly trades: readonly TradeRow[];
  readonly plotTitles: readonly string[];
  readonly plots: readonly Float64Array[];
  /** The runtime error that stopped the run, if any. */
  readonly error: string | undefined;
  readonly marginCalls: number;
  /** Broker diagnostics of the run (rejected orders …). */
  readonly brokerCodes: readonly string[];
}

/** The strategy and feed every health run shares; runs differ only by bar range and inputs. */
export interface HealthTarget {
  readonly module: LoadedModule;
  readonly bars: BarColumns;
  /** Backtest settings (symbol, timeframe, settings overrides); `inputs` here is the base. */
  readonly options: BacktestOptions;
}

function slice(bars: BarColumns, from: number, to: number): BarColumns {
  return {
    time: bars.time.subarray(from, to),
    open: bars.open.subarray(from, to),
    high: bars.high.subarray(from, to),
    low: bars.low.subarray(from, to),
    close: bars.close.subarray(from, to),
    volume: bars.volume.subarray(from, to),
  };
}

/**
 * Runs the strategy on bars `[from, to)` of the target's feed, with `inputs` overriding the base
 * inputs, and keeps what the checks compare: trade rows, plotted series, runtime error.
 */
export function snapshotRun(
  target: HealthTarget,
  from: number,
  to: number,
  overrides: {
    readonly inputs?: Record<string, unknown>;
    readonly settings?: BacktestOptions['settings'];
  } = {},
): Snapshot {
  const options: BacktestOptions = {
    ...target.options,
    inputs: { ...target.options.inputs, ...overrides.inputs },
    ...(overrides.settings === undefined
      ? {}
      : { settings: { ...target.options.settings, ...overrides.settings } }),
  };
  const run = runBacktest(target.module, slice(target.bars, from, to), options);
  const trades: TradeRow[] = [];
  const results = run.results;
  if (results) {
    for (const t of [...results.closedTrades, ...results.openTrades])
      trades.push({
        entryBar: t.entryBar + from,
        entryId: t.entryId,
        direction: t.direction,
        entryPrice: t.entryPrice,
        qty: t.qty,
        exitBar: t.closed ? t.exitBar + from : -1,
        exitId: t.exitId,
        exitPrice: t.closed ? t.exitPrice : Number.NaN,
      });
  }
  const plots = run.plots;
  const titles = plots ? plots.titles : [];
  return {
    from,
    to,
    trades,
    plotTitles: titles,
    plots: titles.map((_, i) => (plots ? plots.values(i) : new Float64Array(0))),
    error: results ? undefined : run.diagnostics.map((d) => d.message).join('; '),
    marginCalls: results?.marginCalls ?? 0,
    brokerCodes: results ? results.diagnostics.map((d) => d.code) : [],
  };
}
