/** Summaries of an optimisation study for the report: importance, heatmap grid, convergence. */
import type { OptimisationTrial } from './types.js';

/** Most distinct values a parameter may have before it is binned. */
const MAX_LEVELS = 12;

/** How a parameter's values map to heatmap rows/columns or importance groups. */
interface Levels {
  /** Display value of each level: the value itself, or the bin's centre. */
  readonly labels: readonly number[];
  readonly binned: boolean;
  levelOf(value: number): number;
}

/**
 * Levels of a parameter: its distinct values when there are at most {@link MAX_LEVELS}, else that
 * many equal-width bins over [min, max] (a continuous parameter from random search or TPE).
 */
function levelsOf(values: readonly number[]): Levels {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= MAX_LEVELS) {
    const index = new Map(distinct.map((v, i) => [v, i]));
    return { labels: distinct, binned: false, levelOf: (v) => index.get(v) ?? -1 };
  }
  const min = distinct[0];
  const width = (distinct[distinct.length - 1] - min) / MAX_LEVELS;
  const labels = Array.from({ length: MAX_LEVELS }, (_, i) => min + (i + 0.5) * width);
  return {
    labels,
    binned: true,
    levelOf: (v) => Math.min(MAX_LEVELS - 1, Math.floor((v - min) / width)),
  };
}

/** A parameter's share of the objective's variance. */
export interface ParameterImportance {
  readonly name: string;
  /** η² in [0, 1]. */
  readonly importance: number;
}

/**
 * Parameter importance as the correlation ratio η² (Fisher): trials are grouped by the parameter's
 * level (its value, or an equal-width bin when it has many values), and η² = between-group sum of
 * squares / total sum of squares of the objective — the share of the objective's variance explained
 * by that parameter alone. Failed trials (NaN objective) are left out. 0 when the objective does not
 * vary. Marginal, not interaction-aware: two parameters that only matter together both score low.
 * Sorted most important first.
 */
export function parameterImportance(
  trials: readonly OptimisationTrial[],
  parameters: readonly string[],
): ParameterImportance[] {
  const valid = trials.filter((t) => Number.isFinite(t.value));
  const mean = valid.reduce((s, t) => s + t.value, 0) / valid.length;
  const total = valid.reduce((s, t) => s + (t.value - mean) ** 2, 0);
  const out = parameters.map((name) => {
    if (!(total > 0)) return { name, importance: 0 };
    const levels = levelsOf(valid.map((t) => t.params[name]));
    const sums = new Float64Array(levels.labels.length);
    const counts = new Float64Array(levels.labels.length);
    for (const t of valid) {
      const level = levels.levelOf(t.params[name]);
      sums[level] += t.value;
      counts[level] += 1;
    }
    let between = 0;
    for (let g = 0; g < sums.length; g++) {
      if (counts[g] > 0) between += counts[g] * (sums[g] / counts[g] - mean) ** 2;
    }
    return { name, importance: between / total };
  });
  return out.sort((a, b) => b.importance - a.importance);
}

/** The best objective seen up to each trial, in run order (NaN until the first valid trial). */
export function bestSoFar(trials: readonly OptimisationTrial[], maximize: boolean): Float64Array {
  const out = new Float64Array(trials.length);
  let best = Number.NaN;
  trials.forEach((t, i) => {
    const v = t.value;
    if (Number.isFinite(v) && (Number.isNaN(best) || (maximize ? v > best : v < best))) best = v;
    out[i] = best;
  });
  return out;
}

/** The objective over two parameters: `cells[y][x]` is the best trial at that level pair, or NaN. */
export interface HeatmapGrid {
  readonly xName: string;
  readonly yName: string;
  readonly xLabels: readonly number[];
  readonly yLabels: readonly number[];
  /** Whether the axis values are bin centres rather than exact values. */
  readonly xBinned: boolean;
  readonly yBinned: boolean;
  readonly cells: readonly (readonly number[])[];
}

/**
 * The 2-D heatmap of the objective over parameters `xName` and `yName`. Trials that differ in other
 * parameters fall in the same cell; the cell shows the best of them (the optimiser's view: "the best
 * you can get at this x and y").
 */
export function heatmapGrid(
  trials: readonly OptimisationTrial[],
  xName: string,
  yName: string,
  maximize: boolean,
): HeatmapGrid {
  const valid = trials.filter((t) => Number.isFinite(t.value));
  const x = levelsOf(valid.map((t) => t.params[xName]));
  const y = levelsOf(valid.map((t) => t.params[yName]));
  const cells = y.labels.map(() => x.labels.map(() => Number.NaN));
  for (const t of valid) {
    const row = cells[y.levelOf(t.params[yName])];
    const col = x.levelOf(t.params[xName]);
    const current = row[col];
    if (Number.isNaN(current) || (maximize ? t.value > current : t.value < current)) row[col] = t.value;
  }
  return {
    xName,
    yName,
    xLabels: x.labels,
    yLabels: y.labels,
    xBinned: x.binned,
    yBinned: y.binned,
    cells,
  };
}
