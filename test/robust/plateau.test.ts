import { describe, expect, it } from 'vitest';
import { plateauScore, plateauScoreFromTrials } from '../../src/robust/index.js';

// A 3 × 3 grid (rows = first parameter, columns = second):
//   1 2 3
//   4 9 5
//   6 7 8
const GRID = { shape: [3, 3], values: [1, 2, 3, 4, 9, 5, 6, 7, 8] };

describe('plateauScore', () => {
  it('averages the box neighbourhood of the optimum, the optimum included', () => {
    // Optimum 9 at (1, 1); the box covers all 9 points: 45 / 9 = 5; worst 1; ratio 5/9.
    const r = plateauScore(GRID);
    expect(r.optimumAt).toEqual([1, 1]);
    expect(r.optimum).toBe(9);
    expect(r.plateau).toBe(5);
    expect(r.points).toBe(9);
    expect(r.worst).toBe(1);
    expect(r.ratio).toBeCloseTo(5 / 9, 15);
  });

  it('limits the cross neighbourhood to one axis at a time', () => {
    // (1,1) plus (0,1)=2, (2,1)=7, (1,0)=4, (1,2)=5: (9 + 2 + 7 + 4 + 5) / 5 = 5.4.
    const r = plateauScore(GRID, { neighbourhood: 'cross' });
    expect(r.plateau).toBeCloseTo(5.4, 15);
    expect(r.points).toBe(5);
    expect(r.worst).toBe(2);
  });

  it('clips at the edges, skips NaN and can minimise', () => {
    // Minimum 1 at (0, 0): the box holds (0,0)=1, (0,1)=2, (1,0)=4, (1,1)=9 → 16 / 4 = 4, worst 9.
    const r = plateauScore(GRID, { maximize: false });
    expect(r.optimumAt).toEqual([0, 0]);
    expect(r.plateau).toBe(4);
    expect(r.worst).toBe(9);
    // With (0,1) failed (NaN): (1 + 4 + 9) / 3.
    const holed = plateauScore({ shape: [3, 3], values: [1, NaN, 3, 4, 9, 5, 6, 7, 8] }, { maximize: false });
    expect(holed.plateau).toBeCloseTo(14 / 3, 15);
    expect(holed.points).toBe(3);
  });

  it('handles three dimensions and radius 0', () => {
    // 2 × 2 × 2 grid with values 0…7, optimum 7 at (1,1,1); the box reaches all 8: mean 3.5.
    const cube = { shape: [2, 2, 2], values: [0, 1, 2, 3, 4, 5, 6, 7] };
    expect(plateauScore(cube).optimumAt).toEqual([1, 1, 1]);
    expect(plateauScore(cube).plateau).toBe(3.5);
    // Cross: 7 and its axis neighbours 3 (x), 5 (y), 6 (z): 21 / 4.
    expect(plateauScore(cube, { neighbourhood: 'cross' }).plateau).toBe(5.25);
    expect(plateauScore(cube, { radius: 0 }).plateau).toBe(7);
  });

  it('reports a bad grid as a diagnostic', () => {
    expect(plateauScore({ shape: [2, 2], values: [1, 2, 3] }).diagnostics[0].code).toBe('PP7505');
    expect(plateauScore({ shape: [2], values: [NaN, NaN] }).plateau).toBeNaN();
  });
});

describe('plateauScoreFromTrials', () => {
  it('agrees with the grid version when the trials form the grid', () => {
    // Parameters a ∈ {10, 20, 30}, b ∈ {0.5, 1.0, 1.5}: steps 10 and 0.5.
    const trials = GRID.values.map((value, i) => ({
      params: [10 + 10 * Math.floor(i / 3), 0.5 + 0.5 * (i % 3)],
      value,
    }));
    const r = plateauScoreFromTrials(trials, [10, 0.5]);
    expect(r.optimumAt).toEqual([4]);
    expect(r.plateau).toBe(5);
    expect(r.points).toBe(9);
    // Half-steps reach only the optimum itself.
    expect(plateauScoreFromTrials(trials, [5, 0.25]).plateau).toBe(9);
  });

  it('reports mismatched parameter counts', () => {
    expect(plateauScoreFromTrials([{ params: [1], value: 1 }], [1, 1]).diagnostics[0].code).toBe('PP7505');
  });
});
