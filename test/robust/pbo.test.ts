import { describe, expect, it } from 'vitest';
import { binomial, normalQuantile, pbo, pboFromTrials, Xoshiro128 } from '../../src/robust/index.js';

/** T × N matrix of i.i.d. N(mu[n], 1)·scale returns from a seeded generator. */
function noiseMatrix(
  rows: number,
  cols: number,
  seed: number,
  drift: (n: number) => number = () => 0,
): Float64Array[] {
  const g = new Xoshiro128(seed);
  const m: Float64Array[] = [];
  for (let t = 0; t < rows; t++) {
    const row = new Float64Array(cols);
    for (let n = 0; n < cols; n++)
      row[n] = 0.01 * (drift(n) + normalQuantile(g.nextFloat() * (1 - 2 ** -53) + 2 ** -54));
    m.push(row);
  }
  return m;
}

describe('pbo (CSCV, Bailey, Borwein, López de Prado & Zhu 2015)', () => {
  it('matches a hand-worked 4 × 2 case with S = 2', () => {
    // Block 0 = rows 0–1, block 1 = rows 2–3. Sharpe = mean / std(ddof 1) over the block's rows.
    //   column A: block 0 [0.01, 0.03] → 0.02/0.014142 = 1.41421; block 1 [−0.01, 0.01] → 0.
    //   column B: block 0 [0.00, 0.02] → 0.01/0.014142 = 0.70711; block 1 [0.01, 0.03] → 1.41421.
    // Combination {0}: IS best A (1.414 > 0.707); OOS (block 1) A = 0 < B → rank 1, ω = 1/3, λ = ln ½.
    // Combination {1}: IS best B (1.414 > 0);  OOS (block 0) B = 0.707 < A → rank 1, λ = ln ½.
    // PBO = 2/2 = 1; no OOS Sharpe is negative → probability of loss 0; both IS Sharpes equal 1.414,
    // so the degradation regression is undefined (zero spread in x).
    const matrix = [
      [0.01, 0.0],
      [0.03, 0.02],
      [-0.01, 0.01],
      [0.01, 0.03],
    ];
    const result = pbo(matrix, { blocks: 2 });
    expect(result.combinations).toBe(2);
    expect(result.pbo).toBe(1);
    expect(result.logits[0]).toBeCloseTo(Math.log(0.5), 15);
    expect(result.logits[1]).toBeCloseTo(Math.log(0.5), 15);
    expect(result.inSampleSharpe[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(result.outOfSampleSharpe[0]).toBeCloseTo(0, 12);
    expect(result.outOfSampleSharpe[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(result.probabilityOfLoss).toBe(0);
    expect(result.degradation.slope).toBeNaN();
    expect(result.diagnostics).toEqual([]);
  });

  it('agrees with a separate brute-force implementation', () => {
    // A NumPy script written from the paper (stacking the rows of each half, mean/std(ddof=1) per column,
    // argmax, average rank) on a 120 × 7 matrix from the Park–Miller generator x ← 16807·x mod (2^31 − 1),
    // x0 = 12345, r = (x/(2^31 − 1) − 0.5)·0.02 row by row, S = 6, gives PBO 0.4, probability of loss 0.4,
    // these 20 logits and the degradation fit slope −0.3093774260341159, intercept 0.06332021272474257,
    // R² 0.052818906340419414.
    let x = 12345;
    const matrix = Array.from({ length: 120 }, () =>
      Array.from({ length: 7 }, () => {
        x = (16807 * x) % 2147483647;
        return (x / 2147483647 - 0.5) * 0.02;
      }),
    );
    const a = Math.log(5 / 3); // rank 5 of 7: ω = 5/8
    const b = Math.log(3); // rank 6: ω = 6/8
    const expected = [a, a, a, b, b, a, b, -b, a, b, -b, 0, b, -b, a, 0, a, 0, -b, 0];
    const result = pbo(matrix, { blocks: 6 });
    expect(result.pbo).toBeCloseTo(0.4, 15);
    expect(result.probabilityOfLoss).toBeCloseTo(0.4, 15);
    result.logits.forEach((logit, i) => {
      expect(logit).toBeCloseTo(expected[i], 12);
    });
    expect(result.degradation.slope).toBeCloseTo(-0.3093774260341159, 10);
    expect(result.degradation.intercept).toBeCloseTo(0.06332021272474257, 10);
    expect(result.degradation.rSquared).toBeCloseTo(0.052818906340419414, 10);
  });

  it('uses C(S, S/2) combinations and drops leading rows to equalise blocks', () => {
    expect(binomial(16, 8)).toBe(12870);
    const result = pbo(noiseMatrix(103, 4, 1), { blocks: 10 });
    expect(result.combinations).toBe(252);
    expect(result.rowsPerBlock).toBe(10);
    expect(result.droppedRows).toBe(3);
    expect(result.diagnostics[0].code).toBe('PP7503');
  });

  it('is about one half for pure noise', () => {
    // With no skill the in-sample winner's out-of-sample rank is uniform on 1…N, so with N even
    // P(λ ≤ 0) = P(rank ≤ N/2) = 1/2. One matrix's combinations are strongly correlated (its PBO has a
    // standard deviation ≈ 0.22 for N = 10, S = 8), so average 60 fixed-seed matrices: standard error
    // ≈ 0.03, tolerance ±0.1.
    const values = Array.from(
      { length: 60 },
      (_, i) => pbo(noiseMatrix(400, 10, 1000 + i), { blocks: 8 }).pbo,
    );
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    expect(average).toBeGreaterThan(0.4);
    expect(average).toBeLessThan(0.6);
  });

  it('is 0 when one configuration dominates, with positive logits', () => {
    const result = pbo(
      noiseMatrix(800, 20, 7, (n) => (n === 3 ? 1 : 0)),
      { blocks: 16 },
    );
    expect(result.combinations).toBe(12870);
    expect(result.pbo).toBe(0);
    expect(result.probabilityOfLoss).toBe(0);
    // The dominant column is best out of sample too: rank N, ω = 20/21, λ = ln 20.
    expect(Math.min(...result.logits)).toBeCloseTo(Math.log(20), 12);
  });

  it('degrades: the in-sample winner of noise regresses towards zero out of sample', () => {
    const result = pbo(noiseMatrix(800, 20, 5), { blocks: 10 });
    expect(result.degradation.slope).toBeLessThan(0.5);
    let meanIs = 0;
    let meanOos = 0;
    for (let i = 0; i < result.combinations; i++) {
      meanIs += result.inSampleSharpe[i] / result.combinations;
      meanOos += result.outOfSampleSharpe[i] / result.combinations;
    }
    expect(meanIs).toBeGreaterThan(meanOos);
  });

  it('accepts trials as columns', () => {
    const rows = noiseMatrix(60, 5, 3);
    const trials = [0, 1, 2, 3, 4].map((n) => rows.map((r) => r[n]));
    expect(Array.from(pboFromTrials(trials, { blocks: 6 }).logits)).toEqual(
      Array.from(pbo(rows, { blocks: 6 }).logits),
    );
  });

  it('reports invalid inputs as diagnostics', () => {
    expect(pbo(noiseMatrix(100, 4, 1), { blocks: 5 }).diagnostics[0].code).toBe('PP7502');
    expect(pbo(noiseMatrix(100, 1, 1), { blocks: 4 }).pbo).toBeNaN();
    expect(pbo([[1, 2], [1]], { blocks: 2 }).diagnostics[0].message).toMatch(/row 1/);
    expect(pbo(noiseMatrix(3, 4, 1), { blocks: 4 }).pbo).toBeNaN();
    expect(
      pbo(
        [
          [1, NaN],
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        { blocks: 2 },
      ).diagnostics[0].message,
    ).toMatch(/row 0, column 1/);
    expect(
      pboFromTrials(
        [
          [1, 2, 3],
          [1, 2],
        ],
        { blocks: 2 },
      ).diagnostics[0].code,
    ).toBe('PP7502');
  });
});
