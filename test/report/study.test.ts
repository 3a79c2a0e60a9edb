import { describe, expect, it } from 'vitest';
import { bestSoFar, heatmapGrid, parameterImportance } from '../../src/report/study.js';
import type { OptimisationTrial } from '../../src/report/types.js';

const trial = (number: number, a: number, b: number, value: number): OptimisationTrial => ({
  number,
  params: { a, b },
  value,
});

describe('optimisation summaries', () => {
  it('parameter importance is η², the share of variance each parameter explains', () => {
    // value = 10a + b over a, b ∈ {0, 1}: values 0, 1, 10, 11, mean 5.5, total SS = 2·5.5² + 2·4.5² = 101.
    // Grouped by a: means 0.5 and 10.5, between SS = 4·5² = 100 → 100/101.
    // Grouped by b: means 5 and 6, between SS = 4·0.5² = 1 → 1/101. A failed trial is left out.
    const trials = [
      trial(1, 0, 0, 0),
      trial(2, 0, 1, 1),
      trial(3, 1, 0, 10),
      trial(4, 1, 1, 11),
      trial(5, 1, 1, NaN),
    ];
    const importance = parameterImportance(trials, ['b', 'a']);
    expect(importance.map((p) => p.name)).toEqual(['a', 'b']);
    expect(importance[0].importance).toBeCloseTo(100 / 101, 12);
    expect(importance[1].importance).toBeCloseTo(1 / 101, 12);
  });

  it('gives zero importance when the objective does not vary', () => {
    expect(parameterImportance([trial(1, 0, 0, 3), trial(2, 1, 1, 3)], ['a'])).toEqual([
      { name: 'a', importance: 0 },
    ]);
  });

  it('bins a parameter with many values into 12 equal-width bins', () => {
    // a = 0…23, value = a: two values per bin, so bins explain all but the within-bin spread.
    // Total SS of 0…23 = 24·(24² − 1)/12 = 1150; within each pair SS = 0.5, 12 pairs → 6; η² = 1144/1150.
    const trials = Array.from({ length: 24 }, (_, i) => trial(i + 1, i, 0, i));
    expect(parameterImportance(trials, ['a'])[0].importance).toBeCloseTo(1144 / 1150, 12);
  });

  it('tracks the best objective so far in run order', () => {
    const trials = [trial(1, 0, 0, 3), trial(2, 0, 0, NaN), trial(3, 0, 0, 5), trial(4, 0, 0, 4)];
    expect(Array.from(bestSoFar(trials, true))).toEqual([3, 3, 5, 5]);
    expect(Array.from(bestSoFar(trials, false))).toEqual([3, 3, 3, 3]);
    expect(Array.from(bestSoFar([trial(1, 0, 0, NaN)], true))).toEqual([NaN]);
  });

  it('keeps the best trial per heatmap cell', () => {
    const trials = [trial(1, 0, 0, 1), trial(2, 0, 0, 7), trial(3, 1, 0, 2), trial(4, 0, 1, 4)];
    const max = heatmapGrid(trials, 'a', 'b', true);
    expect(max.xLabels).toEqual([0, 1]);
    expect(max.yLabels).toEqual([0, 1]);
    expect(max.cells).toEqual([
      [7, 2],
      [4, NaN],
    ]);
    expect(heatmapGrid(trials, 'a', 'b', false).cells[0]).toEqual([1, 2]);
  });
});
