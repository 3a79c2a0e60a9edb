/**
 * Grades of a trade-by-trade comparison, best first. `exact` is stricter than anything in PineForge's
 * corpus report: every trade matches to the tick. `excellent` uses PineForge's strict profile so our
 * numbers are comparable with theirs; `strong` their 5× envelope.
 *
 * | grade     | rule |
 * |-----------|------|
 * | exact     | same trade count in the window, every trade paired, and in every pair: direction, entry and exit bar time equal; entry and exit price within half a tick; qty within 1e-6 relative; net P&L within 0.01 (the export's rounding) |
 * | excellent | count Δ ≤ 1 %, unpaired ≤ 1 %, entry-price p90 Δ ≤ 0.01 %, exit-price p90 Δ ≤ 0.01 %, P&L p90 Δ ≤ 1 % |
 * | strong    | the same with every threshold × 5 |
 * | weak      | count Δ ≤ 20 % and at least 80 % of the larger side's trades paired |
 * | mismatch  | anything else |
 * | error     | the comparison could not run (unreadable input); set by the caller |
 *
 * Δs are relative to TradingView's value; p90 is the nearest-rank 90th percentile over paired trades
 * (P&L only over trades with |TradingView P&L| > 0.01, as PineForge does, to avoid dividing by ~0).
 */
export type Grade = 'exact' | 'excellent' | 'strong' | 'weak' | 'mismatch' | 'error';

/** Grades from best to worst, for ordering and `--require`. */
export const GRADES: readonly Grade[] = ['exact', 'excellent', 'strong', 'weak', 'mismatch', 'error'];

/** Thresholds of one non-exact grade, all as fractions (0.0001 = 0.01 %). */
export interface GradeThresholds {
  readonly countDelta: number;
  readonly unpaired: number;
  readonly entryPriceP90: number;
  readonly exitPriceP90: number;
  readonly pnlP90: number;
}

/** PineForge's strict profile (corpus README, "Parity thresholds"). */
export const EXCELLENT: GradeThresholds = {
  countDelta: 0.01,
  unpaired: 0.01,
  entryPriceP90: 0.0001,
  exitPriceP90: 0.0001,
  pnlP90: 0.01,
};

/** PineForge's relaxed envelope: every excellent threshold × 5. */
export const STRONG: GradeThresholds = {
  countDelta: 0.05,
  unpaired: 0.05,
  entryPriceP90: 0.0005,
  exitPriceP90: 0.0005,
  pnlP90: 0.05,
};

/** Weak: the lists still line up trade for trade, mostly; below this they tell different stories. */
export const WEAK_COUNT_DELTA = 0.2;
export const WEAK_PAIRED = 0.8;

/** The figures a grade is decided on. */
export interface ComparisonMetrics {
  /** |tv − ours| / max(tv, ours); 0 when both are 0. */
  readonly countDelta: number;
  /** Unpaired trades (both sides) / max(tv, ours). */
  readonly unpaired: number;
  readonly entryPriceP90: number;
  readonly exitPriceP90: number;
  readonly pnlP90: number;
}

/** True when `grade` is at least as good as `floor`. */
export function gradeAtLeast(grade: Grade, floor: Grade): boolean {
  return GRADES.indexOf(grade) <= GRADES.indexOf(floor);
}

/** Decides the grade; `allExact` means counts equal, all paired, no field differs. */
export function decideGrade(metrics: ComparisonMetrics, allExact: boolean, pairedFraction: number): Grade {
  if (allExact) return 'exact';
  const within = (t: GradeThresholds): boolean =>
    metrics.countDelta <= t.countDelta &&
    metrics.unpaired <= t.unpaired &&
    metrics.entryPriceP90 <= t.entryPriceP90 &&
    metrics.exitPriceP90 <= t.exitPriceP90 &&
    metrics.pnlP90 <= t.pnlP90;
  if (within(EXCELLENT)) return 'excellent';
  if (within(STRONG)) return 'strong';
  return metrics.countDelta <= WEAK_COUNT_DELTA && pairedFraction >= WEAK_PAIRED ? 'weak' : 'mismatch';
}

/** Nearest-rank 90th percentile; 0 for an empty list. */
export function p90(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}
