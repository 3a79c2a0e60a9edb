import { existsSync } from 'node:fs';
import { storeCodes } from '../../diagnostics/codes/store.js';
import { inferTimeframe, loadOhlcvFile } from '../../data/index.js';
import type { OhlcvSeries } from '../../data/series.js';
import { computeMetrics } from '../../metrics/index.js';
import type { ReportBars, ReportInput, ReportParameter } from '../../report/index.js';
import type { PerformanceSummary } from '../../runtime/strategy/summary.js';
import { RunStore } from '../../store/index.js';
import type { Provenance, RunDetails } from '../../store/schemas.js';
import type { ReportCommandDeps } from './report.js';

const MINUTE = 60_000;

/** A bar spacing in ms as traders write it: `15m`, `4h`, `1D`, `1W`; `—` when unknown. */
export function timeframeLabel(stepMs: number): string {
  if (!Number.isFinite(stepMs) || stepMs <= 0) return '—';
  const minutes = stepMs / MINUTE;
  if (minutes % (7 * 1440) === 0) return `${minutes / (7 * 1440)}W`;
  if (minutes % 1440 === 0) return `${minutes / 1440}D`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  if (Number.isInteger(minutes)) return `${minutes}m`;
  return `${stepMs / 1000}s`;
}

/**
 * The stored JSON with `null` read back as NaN: the store writes NaN (TradingView's "N/A") as null,
 * and the summary's numbers are all numbers in memory.
 */
function nullsToNaN(value: unknown): unknown {
  if (value === null) return Number.NaN;
  if (Array.isArray(value)) return value.map(nullsToNaN);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = nullsToNaN(v);
    return out;
  }
  return value;
}

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

function meta(run: RunDetails, times: Float64Array): ReportInput['meta'] {
  const title = run.name ?? run.provenance?.pinePath ?? `run ${String(run.id)}`;
  const currency = run.strategy.currency;
  const from = run.provenance?.dataFirstTime ?? (times.length > 0 ? times[0] : run.createdAt);
  const to = run.provenance?.dataLastTime ?? (times.length > 0 ? times[times.length - 1] : run.createdAt);
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

/**
 * A stored run as a report input: meta from the run row and its provenance, the stored trades,
 * equity curve and Performance Summary, metrics recomputed from the curve, and the candles when
 * the run's data file is still there unchanged. Undefined for an unknown run or a missing store.
 */
export async function loadStoredRun(id: number, storePath: string): Promise<ReportInput | undefined> {
  const opened = RunStore.open(storePath, { create: false });
  if (!opened.ok) {
    if (opened.diagnostics.some((d) => d.code === storeCodes.storeMissing.code)) return undefined;
    throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
  }
  const store = opened.store;
  try {
    const run = store.getRun(id);
    if (run === undefined) return undefined;
    const trades = store.getTrades(id) ?? [];
    const curve = store.getEquity(id);
    const time = curve?.times ?? new Float64Array(0);
    const equity = curve?.values ?? new Float64Array(0);
    const bars = await storedBars(run.provenance);
    const pnls = Float64Array.from(
      trades.filter((t) => !t.open),
      (t) => t.profit,
    );
    return {
      meta: meta(run, time),
      ...(bars === undefined ? {} : { bars }),
      trades,
      equity: { time, equity },
      summary: nullsToNaN(run.summary) as PerformanceSummary,
      ...(equity.length >= 2 ? { metrics: computeMetrics({ equity, times: time, tradePnls: pnls }) } : {}),
    };
  } finally {
    store.close();
  }
}

/** The CLI's wiring of `pineport report`: runs come from the SQLite run store. */
export function reportDeps(): ReportCommandDeps {
  return { loadRun: loadStoredRun };
}
