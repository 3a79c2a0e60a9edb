import type { Objective } from './objective/objectives.js';
import type { RobustnessReport } from './robustness.js';
import type { SearchSpace } from './space.js';
import type { ParamValue, Trial } from './types.js';
import type { WalkForwardResult } from './walk-forward/run.js';

/** A number for a table cell: 4 significant decimals, thousands unseparated, NaN as `NaN`. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs >= 1000 ? v.toFixed(1) : abs >= 1 ? v.toFixed(3) : v.toPrecision(4);
}

function formatValue(v: ParamValue): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

/** `a = 1, b = close` for the searched parameters. */
export function formatParams(space: SearchSpace, params: Readonly<Record<string, ParamValue>>): string {
  return space.dimensions.map((d) => `${d.name} = ${formatValue(params[d.name])}`).join(', ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/**
 * The top trials as a text table: feasible complete trials ranked by the first objective (ties by
 * number), then objective values, searched parameters and the extra metric columns.
 */
export function renderTopTrials(
  trials: readonly Trial[],
  space: SearchSpace,
  objectives: readonly Objective[],
  top: number,
  metricColumns: readonly string[] = ['trades'],
): string[] {
  const sign = objectives[0].direction === 'maximize' ? -1 : 1;
  const ranked = trials
    .filter((t) => t.feasible)
    .sort((a, b) => sign * (a.values[0] - b.values[0]) || a.number - b.number)
    .slice(0, top);
  const header = [
    '#',
    ...objectives.map((o) => o.text),
    ...space.dimensions.map((d) => d.name),
    ...metricColumns,
  ];
  const rows = ranked.map((t) => [
    String(t.number),
    ...t.values.map(formatNumber),
    ...space.dimensions.map((d) => formatValue(t.params[d.name])),
    ...metricColumns.map((m) => (m in t.metrics ? formatNumber(t.metrics[m]) : '')),
  ]);
  return table(header, rows);
}

/** Counts for the summary line: complete, failed and constraint-violating trials. */
export function trialCounts(trials: readonly Trial[]): {
  complete: number;
  failed: number;
  infeasible: number;
} {
  let complete = 0;
  let failed = 0;
  let infeasible = 0;
  for (const t of trials) {
    if (t.state === 'failed') failed++;
    else {
      complete++;
      if (!t.feasible) infeasible++;
    }
  }
  return { complete, failed, infeasible };
}

/** The robustness block as text lines. */
export function renderRobustness(report: RobustnessReport): string[] {
  const pct = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
  return [
    'Robustness of the best trial:',
    `  deflated Sharpe (DSR)      ${pct(report.dsr)}  (probability the Sharpe beats the best of ${report.trialsUsed} skill-less trials)`,
    `  overfitting (PBO, CSCV)    ${pct(report.pbo)}  (probability the in-sample best ranks below the median out of sample)`,
    `  plateau                    ${pct(report.plateau)}  (objective averaged over neighbouring parameters; ratio to best ${pct(report.plateauRatio)})`,
  ];
}

/** The per-window walk-forward table. */
export function renderWalkForward(
  result: WalkForwardResult,
  space: SearchSpace,
  times: ArrayLike<number>,
): string[] {
  const day = (i: number): string =>
    i < times.length ? new Date(times[i]).toISOString().slice(0, 10) : 'end';
  const rows = result.windows.map((w) => [
    String(w.window.index),
    `${day(w.window.train.from)}→${day(w.window.train.to)}`,
    `${day(w.window.test.from)}→${day(w.window.test.to)}`,
    w.inSample === undefined ? '(none)' : formatParams(space, w.inSample.params),
    w.inSample === undefined ? '' : formatNumber(w.inSample.values[0]),
    w.outOfSample === undefined ? '' : formatNumber(w.outOfSample.values[0]),
    formatNumber(w.efficiency),
  ]);
  return table(['window', 'train', 'test', 'best parameters', 'IS', 'OOS', 'efficiency'], rows);
}
