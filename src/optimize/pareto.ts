/** A candidate for Pareto ranking: losses (smaller is better) and total constraint violation. */
export interface RankedPoint {
  readonly loss: readonly number[];
  readonly violation: number;
}

/**
 * Deb's constrained domination: a feasible point dominates an infeasible one, of two infeasible
 * points the less violating dominates, and two feasible points compare by Pareto dominance (no
 * worse in every loss, better in one).
 */
export function dominates(a: RankedPoint, b: RankedPoint): boolean {
  if (a.violation > 0 || b.violation > 0) {
    if (a.violation === 0) return true;
    if (b.violation === 0) return false;
    return a.violation < b.violation;
  }
  let better = false;
  for (let i = 0; i < a.loss.length; i++) {
    if (a.loss[i] > b.loss[i]) return false;
    if (a.loss[i] < b.loss[i]) better = true;
  }
  return better;
}

/**
 * Fast non-dominated sort (Deb et al. 2002, NSGA-II): indexes grouped into fronts, the first front
 * being the points nothing dominates; within a front, indexes ascend.
 */
export function nondominatedFronts(points: readonly RankedPoint[]): number[][] {
  const n = points.length;
  const dominatedBy = new Int32Array(n);
  const dominatesList: number[][] = points.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i], points[j])) {
        dominatesList[i].push(j);
        dominatedBy[j]++;
      } else if (dominates(points[j], points[i])) {
        dominatesList[j].push(i);
        dominatedBy[i]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) current.push(i);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const i of current) {
      for (const j of dominatesList[i]) if (--dominatedBy[j] === 0) next.push(j);
    }
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * Crowding distance of each member of a front (Deb et al. 2002): the sum over objectives of the
 * normalised gap between its neighbours; the extremes of every objective get Infinity.
 */
export function crowdingDistances(points: readonly RankedPoint[], front: readonly number[]): Float64Array {
  const distance = new Float64Array(front.length);
  if (front.length === 0) return distance;
  const m = points[front[0]].loss.length;
  for (let k = 0; k < m; k++) {
    const order = front
      .map((_, i) => i)
      .sort((a, b) => points[front[a]].loss[k] - points[front[b]].loss[k] || a - b);
    const lo = points[front[order[0]]].loss[k];
    const hi = points[front[order[order.length - 1]]].loss[k];
    distance[order[0]] = Infinity;
    distance[order[order.length - 1]] = Infinity;
    if (!(hi > lo)) continue;
    for (let j = 1; j < order.length - 1; j++) {
      distance[order[j]] +=
        (points[front[order[j + 1]]].loss[k] - points[front[order[j - 1]]].loss[k]) / (hi - lo);
    }
  }
  return distance;
}

/**
 * The best `count` indexes by front, then by crowding distance (largest first) within the front
 * that does not fit whole; ties by index. Used by NSGA-II's survival and TPE's multi-objective split.
 */
export function selectByRankAndCrowding(points: readonly RankedPoint[], count: number): number[] {
  const chosen: number[] = [];
  for (const front of nondominatedFronts(points)) {
    if (chosen.length + front.length <= count) {
      chosen.push(...front);
      continue;
    }
    const distance = crowdingDistances(points, front);
    const order = front.map((_, i) => i).sort((a, b) => distance[b] - distance[a] || front[a] - front[b]);
    for (const i of order.slice(0, count - chosen.length)) chosen.push(front[i]);
    break;
  }
  return chosen;
}
