import { computeMetrics } from '../metrics/index.js';
import { performanceToMetrics } from '../optimize/metrics-adapter.js';
import type { BarRange, ParamValues, TrialMetrics } from '../optimize/types.js';
import { trialWorker } from '../optimize/worker-kit.js';
import { runBacktest, type BarColumns } from './backtest.js';
import { loadGeneratedModule, type LoadedModule } from './compile.js';

/** Everything a trial needs besides the bars and the parameters; plain data, so workers receive it. */
export interface StrategyTrialContext {
  /** The generated TypeScript module (each worker loads it once). */
  readonly code: string;
  readonly mintick: number;
  /** Strategy-setting overrides fixed for the study (`space.json` "settings", StrategySettings names). */
  readonly settings: ParamValues;
  /** Optimiser input name → key of the generated module's `Inputs` (what `runBacktest` takes). */
  readonly keys: Readonly<Record<string, string>>;
}

/** One closed trade of a trial, as walk-forward concatenates them (structured-clone friendly). */
export interface TrialTrade {
  readonly entryTime: number;
  readonly exitTime: number;
  readonly profit: number;
}

const DAY_MS = 86_400_000;

/**
 * Simple returns between the last equity values of consecutive UTC days: the per-period series
 * DSR and PBO compare. Every trial of a study runs on the same bars, so all share the same days.
 */
export function dailyReturns(equity: ArrayLike<number>, times: ArrayLike<number>): number[] {
  const closes: number[] = [];
  for (let i = 0; i < equity.length; i++) {
    const lastOfDay =
      i === equity.length - 1 || Math.floor(times[i] / DAY_MS) !== Math.floor(times[i + 1] / DAY_MS);
    if (lastOfDay) closes.push(equity[i]);
  }
  const out: number[] = [];
  for (let k = 1; k < closes.length; k++) out.push(closes[k] / closes[k - 1] - 1);
  return out;
}

/**
 * Runs a loaded strategy for one set of parameters and measures it: the optimiser's trial. With a
 * range, the strategy runs on bars `[warmupFrom, to)` and only `[from, to)` is measured (equity
 * from the close of bar `from`, trades closed at or after `from`).
 */
export class StrategyTrial {
  private readonly module: LoadedModule;
  private readonly context: StrategyTrialContext;

  /** Binds the loaded module to the study's fixed context. */
  constructor(module: LoadedModule, context: StrategyTrialContext) {
    this.module = module;
    this.context = context;
  }

  /** The backtest's input object: params renamed to the module's keys. */
  inputsFor(params: ParamValues): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(params)) inputs[this.context.keys[name] ?? name] = value;
    return inputs;
  }

  /**
   * Runs and measures one trial; a Pine runtime error throws, which fails the trial with its
   * message. `curves` false leaves out the equity curve and trades (a study needs neither).
   */
  run(bars: BarColumns, params: ParamValues, range?: BarRange, curves = true): TrialMetrics {
    const start = range?.warmupFrom ?? 0;
    const end = range?.to ?? bars.time.length;
    const offset = (range?.from ?? start) - start;
    const slice = (column: Float64Array): Float64Array => column.subarray(start, end);
    const window: BarColumns = {
      time: slice(bars.time),
      open: slice(bars.open),
      high: slice(bars.high),
      low: slice(bars.low),
      close: slice(bars.close),
      volume: slice(bars.volume),
    };
    const run = runBacktest(this.module, window, {
      symbol: { mintick: this.context.mintick },
      inputs: this.inputsFor(params),
      settings: this.context.settings,
    });
    if (run.results === undefined) {
      throw new Error(run.diagnostics.map((d) => d.message).join('; ') || 'backtest failed');
    }
    const equity = run.equity.subarray(offset);
    const times = window.time.subarray(offset);
    const closed = run.results.closedTrades.filter((t) => t.exitBar >= offset);
    const pnls = Float64Array.from(closed, (t) => t.profit);
    const startEquity = offset > 0 ? run.equity[offset - 1] : run.results.settings.initialCapital;
    let net = 0;
    let grossProfit = 0;
    let grossLoss = 0;
    for (const p of pnls) {
      net += p;
      if (p > 0) grossProfit += p;
      else grossLoss -= p;
    }
    const performance = computeMetrics({ equity, times, tradePnls: pnls });
    return {
      metrics: {
        ...performanceToMetrics(performance),
        // TradingView's closed-trade figures (Performance Summary "All"), over the measured window.
        net_profit: net,
        net_profit_pct: (net / startEquity) * 100,
        gross_profit: grossProfit,
        gross_loss: grossLoss,
        avg_trade: pnls.length > 0 ? net / pnls.length : Number.NaN,
      },
      returns: dailyReturns(equity, times),
      ...(curves
        ? {
            equity,
            trades: closed.map((t): TrialTrade => ({
              entryTime: t.entryTime,
              exitTime: t.exitTime,
              profit: t.profit,
            })),
          }
        : {}),
    };
  }
}

/**
 * The pool worker: loads the study's strategy (the context from the pool's worker data) once per
 * thread — loading transpiles the module, which would cost more than many backtests if done per
 * trial — and runs each trial on the shared bars. The loaded module lives in this closure.
 */
function strategyWorker(): ReturnType<typeof trialWorker> {
  let loaded: { readonly context: StrategyTrialContext; readonly trial: StrategyTrial } | undefined;
  return trialWorker((feed, params, range, context, curves) => {
    if (feed === undefined) throw new Error('trial worker needs the shared bar feed');
    const c = context as StrategyTrialContext;
    if (loaded?.context !== c)
      loaded = { context: c, trial: new StrategyTrial(loadGeneratedModule(c.code), c) };
    return loaded.trial.run(feed, params, range, curves);
  });
}

/** The PoolEvaluator worker: `context` is a {@link StrategyTrialContext}, the feed the study's bars. */
export default strategyWorker();
