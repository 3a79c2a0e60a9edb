import { describe, expect, it } from 'vitest';
import { bestUnseenCombination, rankCandidates } from '../../src/optimize/tpe/best-unseen.js';

describe('best unseen combination of TPE candidates', () => {
  it('ranks candidates best first, keeping draw order among ties and each point once', () => {
    const ranked = rankCandidates([[4], [7], [4], [9], [1]], [0.5, 2, 0.5, 0.5, -1]);
    // 7 scores highest; 4 and 9 tie at 0.5 and keep their draw order (4 drawn first, numpy's
    // argmax rule); the second draw of 4 is dropped; 1 scores lowest.
    expect(ranked.points).toEqual([[7], [4], [9], [1]]);
    expect(ranked.scores).toEqual([2, 0.5, 0.5, -1]);
  });

  it('walks combinations in order of their summed score and skips taken points', () => {
    const fast = rankCandidates([[1], [2], [3]], [3, 2, 0]);
    const slow = rankCandidates([[10], [20]], [5, 1]);
    // Sums by hand: (1,10) 8, (2,10) 7, (3,10) 5, (1,20) 4, (2,20) 3, (3,20) 1.
    const taken = (keys: string[]) => (p: readonly number[]) => keys.includes(p.join(','));
    expect(bestUnseenCombination([fast, slow], taken([]))).toEqual([1, 10]);
    expect(bestUnseenCombination([fast, slow], taken(['1,10']))).toEqual([2, 10]);
    expect(bestUnseenCombination([fast, slow], taken(['1,10', '2,10']))).toEqual([3, 10]);
    expect(bestUnseenCombination([fast, slow], taken(['1,10', '2,10', '3,10']))).toEqual([1, 20]);
    const all = ['1,10', '2,10', '3,10', '1,20', '2,20', '3,20'];
    expect(bestUnseenCombination([fast, slow], taken(all.slice(0, 5)))).toEqual([3, 20]);
    expect(bestUnseenCombination([fast, slow], taken(all))).toBeUndefined();
  });

  it('joins multi-dimensional groups (multivariate) in group order', () => {
    const joint = rankCandidates(
      [
        [5, 100],
        [6, 120],
      ],
      [1, 2],
    );
    expect(bestUnseenCombination([joint], () => false)).toEqual([6, 120]);
    expect(bestUnseenCombination([joint], (p) => p[0] === 6)).toEqual([5, 100]);
  });
});
