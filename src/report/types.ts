/**
 * What {@link renderReport} turns into an HTML page: plain data only (numbers, strings, typed arrays),
 * so a run loaded from the store, a backtest in memory or a backend can all produce it.
 */
import type { Trade } from '../exports/index.js';
import type { HealthReport } from '../health/schema.js';
import type { PerformanceMetrics } from '../metrics/index.js';
import type { BootstrapResult, PboResult, PlateauResult } from '../robust/index.js';
import type { PerformanceSummary } from '../runtime/strategy/summary.js';
import type { ComparisonReport } from '../verify/index.js';

/** One row of the inputs or strategy-settings table. */
export interface ReportParameter {
  readonly name: string;
  readonly value: string | number | boolean;
}

/** Who ran what, on which data, when. Times are UNIX ms (UTC). */
export interface ReportMeta {
  /** Page title, e.g. the strategy's `title` argument. */
  readonly title: string;
  readonly strategyName: string;
  readonly symbol: string;
  /** As the user knows it, e.g. `15m`. */
  readonly timeframe: string;
  /** First and last bar of the backtest. */
  readonly from: number;
  readonly to: number;
  readonly pineportVersion: string;
  readonly runId: string;
  readonly createdAt: number;
  /** Account currency, appended to money values (`USDT`, `USD`). */
  readonly currency: string;
  /** The strategy's `input.*` values. */
  readonly inputs: readonly ReportParameter[];
  /** `strategy()` settings: initial capital, commission, slippage, sizing, pyramiding… */
  readonly settings: readonly ReportParameter[];
}

/** Columnar OHLCV bars (time in UNIX ms, bar open), all arrays the same length. */
export interface ReportBars {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Equity (account currency) at each time (UNIX ms), same length. */
export interface EquityCurve {
  readonly time: Float64Array;
  readonly equity: Float64Array;
}

/** One trial of an optimisation study. */
export interface OptimisationTrial {
  readonly number: number;
  /** Numeric parameter values by name (booleans as 0/1, options as their index). */
  readonly params: Readonly<Record<string, number>>;
  /** The objective; NaN for a failed or infeasible trial. */
  readonly value: number;
}

/** An optimisation study: trials table, heatmap, parameter importance, convergence. */
export interface OptimisationSection {
  /** Objective's name as shown, e.g. `Net profit` or `Sharpe`. */
  readonly objective: string;
  readonly maximize: boolean;
  /** Parameter names in display order. */
  readonly parameters: readonly string[];
  /** In the order they ran (the convergence plot follows it). */
  readonly trials: readonly OptimisationTrial[];
  /** The heatmap's x and y parameters; default: the two most important. */
  readonly heatmap?: readonly [string, string];
}

/** One walk-forward window: in-sample fit, out-of-sample test. Times UNIX ms. */
export interface WalkForwardWindow {
  readonly index: number;
  readonly inSampleFrom: number;
  readonly inSampleTo: number;
  readonly outOfSampleFrom: number;
  readonly outOfSampleTo: number;
  /** The parameters chosen on the in-sample part. */
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly inSampleObjective: number;
  readonly outOfSampleObjective: number;
  /** Net profit of the out-of-sample part (account currency). */
  readonly outOfSampleNetProfit: number;
  readonly outOfSampleTrades: number;
}

/** A walk-forward analysis: the windows and the out-of-sample equity stitched end to end. */
export interface WalkForwardSection {
  readonly objective: string;
  readonly windows: readonly WalkForwardWindow[];
  readonly stitchedEquity: EquityCurve;
  /** Walk-forward efficiency (annualised OOS / IS objective), when the caller computed it. */
  readonly efficiency?: number;
}

/** A bootstrap confidence interval of one statistic. */
export interface BootstrapInterval {
  /** What was resampled, e.g. `Sharpe (per bar)`. */
  readonly statistic: string;
  readonly result: Pick<
    BootstrapResult,
    'estimate' | 'lower' | 'upper' | 'confidence' | 'standardError' | 'blockLength'
  >;
}

/** Robustness statistics from src/robust; each part optional. Full result objects fit these picks. */
export interface RobustnessSection {
  /** Deflated Sharpe ratio (a probability), with the trial count it deflated for. */
  readonly deflatedSharpe?: { readonly value: number; readonly trials: number };
  /** Probabilistic Sharpe ratio against 0. */
  readonly probabilisticSharpe?: number;
  readonly pbo?: Pick<PboResult, 'pbo' | 'probabilityOfLoss' | 'combinations' | 'blocks' | 'degradation'>;
  readonly bootstrap?: readonly BootstrapInterval[];
  readonly plateau?: Pick<PlateauResult, 'optimum' | 'plateau' | 'worst' | 'ratio' | 'points'>;
}

/** Everything one report shows. Optional sections appear only when present. */
export interface ReportInput {
  readonly meta: ReportMeta;
  /** Candles for the price chart; the chart is left out when absent or empty. */
  readonly bars?: ReportBars;
  /** Closed and open trades in TradingView's List-of-Trades shape. */
  readonly trades: readonly Trade[];
  readonly equity: EquityCurve;
  /**
   * TradingView's Performance Summary of the run's trades. Absent for a walk-forward run, whose
   * stitched out-of-sample result has no single backtest to summarise: the table is left out.
   */
  readonly summary?: PerformanceSummary;
  /** Extra metrics (CAGR, Calmar, SQN…) shown under the summary. */
  readonly metrics?: PerformanceMetrics;
  readonly optimisation?: OptimisationSection;
  readonly walkForward?: WalkForwardSection;
  readonly robustness?: RobustnessSection;
  /** The TradingView comparison of a `verify` run. */
  readonly verify?: ComparisonReport;
  /** The `pineport doctor` findings and figures (look-ahead, warm-up, sanity) of this strategy and feed. */
  readonly health?: HealthReport;
}
