/**
 * Exposure: the share of bars with an open position, from a per-bar position size (any sign; NaN
 * bars are skipped). NaN when no bar has a defined size.
 */
export function exposure(positionSize: ArrayLike<number>): number {
  let defined = 0;
  let held = 0;
  for (let i = 0; i < positionSize.length; i++) {
    const q = positionSize[i];
    if (Number.isNaN(q)) continue;
    defined++;
    if (q !== 0) held++;
  }
  return defined === 0 ? NaN : held / defined;
}

/** A position's holding span in bar indexes: held on bars `entryBar ≤ t < exitBar`. */
export interface HoldingSpan {
  readonly entryBar: number;
  readonly exitBar: number;
}

/**
 * Exposure from trades' holding spans over `totalBars` bars: the union of the half-open spans
 * `[entryBar, exitBar)` (the exit bar itself is flat when the exit fills at its open; overlapping
 * pyramided trades count once) divided by `totalBars`.
 */
export function exposureFromSpans(spans: readonly HoldingSpan[], totalBars: number): number {
  if (!(totalBars > 0)) return NaN;
  const sorted = spans
    .map((s) => [Math.max(0, s.entryBar), Math.min(totalBars, s.exitBar)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let end = -1;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered / totalBars;
}
