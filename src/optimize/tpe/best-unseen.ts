/** One group's scored candidates: distinct points, best acquisition score first. */
export interface RankedCandidates {
  readonly points: readonly (readonly number[])[];
  readonly scores: readonly number[];
}

/**
 * Ranks a group's candidates by score, best first; ties keep the order drawn (so the first entry is
 * numpy's argmax, Optuna's choice). A point drawn twice is kept once (same point, same score).
 */
export function rankCandidates(
  points: readonly (readonly number[])[],
  scores: readonly number[],
): RankedCandidates {
  const seen = new Set<string>();
  const order: number[] = [];
  points.forEach((p, i) => {
    const key = p.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    order.push(i);
  });
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return { points: order.map((i) => points[i]), scores: order.map((i) => scores[i]) };
}

interface Node {
  readonly index: number[];
  readonly score: number;
  /** Last coordinate raised to reach this node from its parent (children raise only from here on). */
  readonly pivot: number;
}

/**
 * The combination of one candidate per group with the largest total score whose joined point is
 * not `taken`, or undefined when every combination is. Independent (univariate) TPE scores a point
 * by the sum of its groups' log l − log g, so the best combination is the groups' argmaxes — what
 * Optuna proposes — and the next ones follow in order of that same sum.
 *
 * Best-first enumeration of the product of sorted lists: every index vector has one parent (its
 * last raised coordinate lowered by one) and scores no more than it, so popping the highest score
 * from a queue seeded with the all-zero vector visits combinations in non-increasing score; at most
 * `taken` count + 1 pops are needed.
 */
export function bestUnseenCombination(
  groups: readonly RankedCandidates[],
  taken: (point: readonly number[]) => boolean,
): number[] | undefined {
  if (groups.some((g) => g.points.length === 0)) return undefined;
  const join = (index: readonly number[]): number[] => index.flatMap((i, g) => groups[g].points[i]);
  const scoreOf = (index: readonly number[]): number => index.reduce((s, i, g) => s + groups[g].scores[i], 0);
  const start = groups.map(() => 0);
  const queue: Node[] = [{ index: start, score: scoreOf(start), pivot: 0 }];
  while (queue.length > 0) {
    // Highest score first; among equals the earliest-pushed (lexicographically first) vector.
    let best = 0;
    for (let q = 1; q < queue.length; q++) if (queue[q].score > queue[best].score) best = q;
    const node = queue.splice(best, 1)[0];
    const point = join(node.index);
    if (!taken(point)) return point;
    for (let g = node.pivot; g < groups.length; g++) {
      if (node.index[g] + 1 >= groups[g].points.length) continue;
      const index = node.index.slice();
      index[g]++;
      queue.push({ index, score: scoreOf(index), pivot: g });
    }
  }
  return undefined;
}
