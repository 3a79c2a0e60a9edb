/** A stored run → the report's input, for each run kind (backtest, verify, optimize, walk-forward). */
import { existsSync } from 'node:fs';
import { inferTimeframe, loadOhlcvFile } from '../data/index.js';
import type { OhlcvSeries } from '../data/series.js';
import { makeTrade, type Trade } from '../exports/index.js';
import { computeMetrics } from '../metrics/index.js';
import type {
  OptimisationSection,
  ReportBars,
  ReportInput,
  ReportParameter,
  RobustnessSection,
  WalkForwardSection,
} from '../report/index.js';
import type { PerformanceSummary } from '../runtime/strategy/summary.js';
import type { Provenance, RunDetails, RunStore, TradeJson } from '../store/index.js';
import { compareTrades } from '../verify/index.js';
import {
  optimizeRunSummarySchema,
  verifyRunSummarySchema,
  walkForwardRunSummarySchema,
  type OptimizeRunSummary,
  type VerifyRunSummary,
  type WalkForwardRunSummary,
} from './run-summaries.js';

const MINUTE = 60_000;

/** A bar spacing in ms as traders write it: `15m`, `4h`, `1D`, `1W`; `—` when unknown. */
export function timeframeLabel(stepMs: number): string {
  if (!Number.isFinite(stepMs) || stepMs <= 0) return '—';
  const minutes = stepMs / MINUTE;
  if (minutes % (7 * 1440) === 0) return `${String(minutes / (7 * 1440))}W`;
  if (minutes % 1440 === 0) return `${String(minutes / 1440)}D`;
  if (minutes % 60 === 0) return `${String(minutes / 60)}h`;
  if (Number.isInteger(minutes)) return `${String(minutes)}m`;
  return `${String(stepMs / 1000)}s`;
}

/**
 * The stored JSON with `null` read back as NaN: the store writes NaN (TradingView's "N/A") as null,
 * and the summary's numbers are all numbers in memory.
 */
export function nullsToNaN(value: unknown): unknown {
  if (value === null) return Number.NaN;
  if (Array.isArray(value)) return value.map(nullsToNaN);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = nullsToNaN(v);
    return out;
  }
  return value;
}

const num = (v: number | null | undefined): number => v ?? Number.NaN;

function parameters(values: Readonly<Record<string, unknown>>): ReportParameter[] {
  return Object.entries(values).map(([name, v]) => ({
    name,
    value: typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : JSON.stringify(v),
  }));
}

/**
 * The run's bars, re-read from its data file when that file still holds the same bars (same row
 * count, first and last time); otherwise none, and the report leaves the price chart out.
 */
async function storedBars(provenance: Provenance | null): Promise<ReportBars | undefined> {
  const path = provenance?.dataPath;
  if (path === undefined || path === null || !existsSync(path)) return undefined;
  let series: OhlcvSeries | undefined;
  try {
    series = (await loadOhlcvFile(path)).series;
  } catch {
    return undefined;
  }
  if (series === undefined || series.length === 0) return undefined;
  const same =
    series.length === provenance?.dataRows &&
    series.time[0] === provenance.dataFirstTime &&
    series.time[series.length - 1] === provenance.dataLastTime;
  if (!same) return undefined;
  const { time, open, high, low, close, volume } = series;
  return { time, open, high, low, close, volume };
}

function meta(run: RunDetails, times: Float64Array, trades: readonly Trade[]): ReportInput['meta'] {
  const title = run.name ?? run.provenance?.pinePath ?? `run ${String(run.id)}`;
  const currency = run.strategy.currency;
  // Without data or a curve (verify of two trade lists) the trades span the run.
  const entries = trades.map((t) => t.entryTime).filter(Number.isFinite);
  const exits = trades.map((t) => t.exitTime).filter(Number.isFinite);
  const from =
    run.provenance?.dataFirstTime ??
    (times.length > 0 ? times[0] : entries.length > 0 ? Math.min(...entries) : run.createdAt);
  const to =
    run.provenance?.dataLastTime ??
    (times.length > 0 ? times[times.length - 1] : exits.length > 0 ? Math.max(...exits) : run.createdAt);
  return {
    title,
    strategyName: title,
    symbol: typeof run.symbol.tickerid === 'string' ? run.symbol.tickerid : (run.provenance?.dataPath ?? '—'),
    timeframe: times.length > 1 ? timeframeLabel(inferTimeframe(times)) : '—',
    from,
    to,
    pineportVersion: run.pineportVersion,
    runId: String(run.id),
    createdAt: run.createdAt,
    currency: typeof currency === 'string' ? currency : 'USD',
    inputs: parameters(run.inputs),
    settings: parameters(run.strategy),
  };
}

/** A stored JSON trade back in memory (null → NaN; it came from a file, whose lines are not kept). */
export function tradeFromJson(t: TradeJson): Trade {
  return makeTrade({
    number: t.number,
    direction: t.direction,
    entryTime: num(t.entryTime),
    entryPrice: num(t.entryPrice),
    entrySignal: t.entrySignal,
    exitTime: num(t.exitTime),
    exitPrice: num(t.exitPrice),
    exitSignal: t.exitSignal,
    qty: num(t.qty),
    profit: num(t.profit),
    profitPercent: num(t.profitPercent),
    cumProfit: num(t.cumProfit),
    runUp: num(t.runUp),
    drawdown: num(t.drawdown),
    commission: num(t.commission),
    open: t.open,
  });
}

/** Parameter values as heatmap coordinates: numbers as they are, booleans 0/1, strings by sorted rank. */
function numericParams(trials: readonly { readonly params: Readonly<Record<string, unknown>> }[]): {
  names: string[];
  rows: Record<string, number>[];
} {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.params)))];
  const varying = names.filter((n) => new Set(trials.map((t) => JSON.stringify(t.params[n]))).size > 1);
  const ranks = new Map<string, Map<string, number>>();
  for (const n of varying) {
    const strings = [...new Set(trials.map((t) => t.params[n]).filter((v) => typeof v === 'string'))].sort();
    ranks.set(n, new Map(strings.map((s, i) => [s, i])));
  }
  const rows = trials.map((t) => {
    const row: Record<string, number> = {};
    for (const n of varying) {
      const v = t.params[n];
      row[n] =
        typeof v === 'number'
          ? v
          : typeof v === 'boolean'
            ? Number(v)
            : typeof v === 'string'
              ? (ranks.get(n)?.get(v) ?? Number.NaN)
              : Number.NaN;
    }
    return row;
  });
  return { names: varying, rows };
}

function optimisationOf(
  store: RunStore,
  run: RunDetails,
  summary: OptimizeRunSummary['optimize'],
): OptimisationSection | undefined {
  const study = run.studyId === null ? undefined : store.studyStoreById(run.studyId);
  const trials = study?.load() ?? [];
  if (trials.length === 0) return undefined;
  const { names, rows } = numericParams(trials);
  const objective = summary.objectives[0] ?? { text: 'objective', direction: 'maximize' as const };
  return {
    objective: objective.text,
    maximize: objective.direction === 'maximize',
    parameters: names,
    trials: trials.map((t, i) => ({
      number: t.number,
      params: rows[i],
      value: t.state === 'complete' && t.feasible ? t.values[0] : Number.NaN,
    })),
  };
}

function optimizeRobustness(r: OptimizeRunSummary['optimize']['robustness']): RobustnessSection {
  const p = r.pboDetail;
  const q = r.plateauDetail;
  return {
    ...(r.dsr === null ? {} : { deflatedSharpe: { value: r.dsr, trials: r.trialsUsed } }),
    ...(p === null
      ? {}
      : {
          pbo: {
            pbo: num(p.pbo),
            probabilityOfLoss: num(p.probabilityOfLoss),
            combinations: p.combinations,
            blocks: p.blocks,
            degradation: {
              slope: num(p.degradation.slope),
              intercept: num(p.degradation.intercept),
              rSquared: num(p.degradation.rSquared),
            },
          },
        }),
    ...(q === null
      ? {}
      : {
          plateau: {
            optimum: num(q.optimum),
            plateau: num(q.plateau),
            worst: num(q.worst),
            ratio: num(q.ratio),
            points: q.points,
          },
        }),
  };
}

/** A stored window part's figure (`{values: [...], metrics: {...}}`): key `objective` is values[0], else a metric. */
function windowFigure(part: Readonly<Record<string, unknown>>, key: string): number {
  if (key === 'objective') {
    const values = part.values;
    return Array.isArray(values) && typeof values[0] === 'number' ? values[0] : Number.NaN;
  }
  const metrics = part.metrics as Readonly<Record<string, unknown>> | undefined;
  const v = metrics?.[key];
  return typeof v === 'number' ? v : Number.NaN;
}

function walkForwardOf(
  run: RunDetails,
  summary: WalkForwardRunSummary['walkforward'],
  equity: { time: Float64Array; equity: Float64Array },
): WalkForwardSection {
  return {
    objective: summary.objective,
    windows: run.windows.map((w) => ({
      index: w.index,
      inSampleFrom: w.inSampleStart,
      inSampleTo: w.inSampleEnd,
      outOfSampleFrom: w.outOfSampleStart,
      outOfSampleTo: w.outOfSampleEnd,
      params: Object.fromEntries(
        Object.entries(w.params).filter(
          (e): e is [string, number | string | boolean] =>
            typeof e[1] === 'number' || typeof e[1] === 'string' || typeof e[1] === 'boolean',
        ),
      ),
      inSampleObjective: windowFigure(w.inSample, 'objective'),
      outOfSampleObjective: windowFigure(w.outOfSample, 'objective'),
      outOfSampleNetProfit: windowFigure(w.outOfSample, 'net_profit'),
      outOfSampleTrades: windowFigure(w.outOfSample, 'trades'),
    })),
    stitchedEquity: equity,
    ...(summary.efficiency === null ? {} : { efficiency: summary.efficiency }),
  };
}

function walkForwardRobustness(r: WalkForwardRunSummary['walkforward']['robustness']): RobustnessSection {
  return {
    ...(r.psr === null ? {} : { probabilisticSharpe: r.psr }),
    bootstrap: r.bootstrap.map((b) => ({
      statistic: b.statistic,
      result: {
        estimate: num(b.estimate),
        lower: num(b.lower),
        upper: num(b.upper),
        confidence: b.confidence,
        standardError: num(b.standardError),
        blockLength: num(b.blockLength),
      },
    })),
  };
}

/** The verify comparison, recomputed from the stored trades with the stored settings (it is pure). */
function verifyOf(summary: VerifyRunSummary['verify'], ours: readonly Trade[]): ReportInput['verify'] {
  return compareTrades(summary.tvTrades.map(tradeFromJson), ours, {
    mintick: summary.mintick,
    pnlRelativeTolerance: summary.pnlRelativeTolerance,
    window: { from: summary.window.from ?? -Infinity, to: summary.window.to ?? Infinity },
  });
}

/** The kind-specific parts of a report; a summary this pineport cannot read leaves them out. */
function kindParts(
  store: RunStore,
  run: RunDetails,
  trades: readonly Trade[],
  equity: { time: Float64Array; equity: Float64Array },
): Pick<ReportInput, 'summary' | 'verify' | 'optimisation' | 'walkForward' | 'robustness'> {
  const performance = (value: unknown): { summary?: PerformanceSummary } =>
    value === undefined ? {} : { summary: nullsToNaN(value) as PerformanceSummary };
  if (run.kind === 'verify') {
    const parsed = verifyRunSummarySchema.safeParse(run.summary);
    if (!parsed.success) return {};
    return { ...performance(parsed.data.performance), verify: verifyOf(parsed.data.verify, trades) };
  }
  if (run.kind === 'optimize') {
    const parsed = optimizeRunSummarySchema.safeParse(run.summary);
    if (!parsed.success) return {};
    const optimisation = optimisationOf(store, run, parsed.data.optimize);
    return {
      ...performance(parsed.data.performance),
      ...(optimisation === undefined ? {} : { optimisation }),
      robustness: optimizeRobustness(parsed.data.optimize.robustness),
    };
  }
  if (run.kind === 'walkforward') {
    const parsed = walkForwardRunSummarySchema.safeParse(run.summary);
    if (!parsed.success) return {};
    return {
      walkForward: walkForwardOf(run, parsed.data.walkforward, equity),
      robustness: walkForwardRobustness(parsed.data.walkforward.robustness),
    };
  }
  return performance(run.summary);
}

/** The inputs the report's backtest ran with: an optimize run shows its best parameters over the defaults. */
function shownInputs(run: RunDetails): Readonly<Record<string, unknown>> {
  if (run.kind !== 'optimize') return run.inputs;
  const parsed = optimizeRunSummarySchema.safeParse(run.summary);
  const best = parsed.success ? parsed.data.optimize.bestParams : null;
  return best === null ? run.inputs : { ...run.inputs, ...best };
}

/** Options of {@link reportInputFromStore}. */
export interface ReportInputOptions {
  /** The run's bars when the caller has them loaded (else re-read from the run's data file). */
  readonly bars?: ReportBars;
}

/**
 * A stored run as a report input: meta from the run row and its provenance, the stored trades,
 * equity curve and Performance Summary, metrics recomputed from the curve, the candles when the
 * run's data file is still there unchanged, and per kind: verify's side-by-side comparison,
 * optimize's study (heatmap, importance, convergence) and robustness block, walk-forward's windows,
 * stitched out-of-sample equity and robustness block. Undefined for an unknown id.
 */
export async function reportInputFromStore(
  store: RunStore,
  id: number,
  options: ReportInputOptions = {},
): Promise<ReportInput | undefined> {
  const run = store.getRun(id);
  if (run === undefined) return undefined;
  const trades = store.getTrades(id) ?? [];
  const curve = store.getEquity(id);
  const time = curve?.times ?? new Float64Array(0);
  const equity = curve?.values ?? new Float64Array(0);
  const bars = options.bars ?? (await storedBars(run.provenance));
  const tradeCurve = store.getEquity(id, 'oosTrades');
  const pnls =
    tradeCurve?.values ??
    Float64Array.from(
      trades.filter((t) => !t.open),
      (t) => t.profit,
    );
  return {
    meta: { ...meta(run, time, trades), inputs: parameters(shownInputs(run)) },
    ...(bars === undefined ? {} : { bars }),
    trades,
    equity: { time, equity },
    ...kindParts(store, run, trades, { time, equity }),
    ...(equity.length >= 2 ? { metrics: computeMetrics({ equity, times: time, tradePnls: pnls }) } : {}),
  };
}
