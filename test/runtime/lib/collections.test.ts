// Array behaviours marked "measured" are TradingView measurements documented in PyneSys/pynecore
// lib/array.py (e.g. binary_search_leftmost on [10, 20, 20, 20, 30, 40]); the rest are hand-worked.
import { describe, expect, it } from 'vitest';
import {
  PineArray,
  PineMap,
  PineMatrix,
  PineRuntimeError,
  arrayAvg,
  arrayCovariance,
  arrayMax,
  arrayMedian,
  arrayMin,
  arrayMode,
  arrayPercentileLinear,
  arrayPercentileNearestRank,
  arrayPercentrank,
  arrayStandardize,
  arrayStdev,
  arraySum,
  arrayVariance,
  color,
  matrixDet,
  matrixEigenvalues,
  matrixInv,
  matrixMult,
  matrixRank,
  matrixSum,
  matrixTrace,
} from '../../../src/runtime/index.js';

describe('array.*', () => {
  it('get/set/insert/remove accept v6 negative indices and halt out of range', () => {
    const a = PineArray.from(10, 20, 30, 40);
    expect(a.get(-1)).toBe(40);
    a.set(-2, 33);
    a.insert(-1, 35); // before the last element
    expect(a.toArray()).toEqual([10, 20, 33, 35, 40]);
    expect(a.remove(-1)).toBe(40);
    a.insert(4, 50); // index == size appends
    expect(a.toArray()).toEqual([10, 20, 33, 35, 50]);
    expect(() => a.get(5)).toThrow(PineRuntimeError);
    expect(() => PineArray.create(0, NaN).first()).toThrow(PineRuntimeError);
  });

  it('slice is a view: writes and pushes through the slice reach the original (reference manual)', () => {
    const a = PineArray.from(10, 20, 30, 40);
    const s = a.slice(1, 3);
    expect(s.toArray()).toEqual([20, 30]);
    s.set(0, 21);
    s.push(35); // inserted at the slice's end inside the original (measured)
    expect(a.toArray()).toEqual([10, 21, 30, 35, 40]);
    expect(a.slice(NaN, 2).toArray()).toEqual([10, 21]); // na bounds (measured)
    expect(() => a.slice(3, 1)).toThrow(PineRuntimeError);
    const c = a.copy();
    c.set(0, 0);
    expect(a.get(0)).toBe(10);
  });

  it('sorts na last for numbers and first for strings; descending is reversed (measured)', () => {
    const a = PineArray.from(30, 20, 10, NaN);
    a.sort();
    expect(a.toArray()).toEqual([10, 20, 30, NaN]);
    a.sort('descending');
    expect(a.toArray()).toEqual([NaN, 30, 20, 10]);
    const s = PineArray.from<string | null>('b', 'a', null);
    s.sort();
    expect(s.toArray()).toEqual([null, 'a', 'b']);
    expect(PineArray.from(NaN, NaN, 5, 1).sort_indices().toArray()).toEqual([3, 2, 0, 1]);
  });

  it('binary searches like TradingView on [10, 20, 20, 20, 30, 40] (measured)', () => {
    const a = PineArray.from(10, 20, 20, 20, 30, 40);
    expect([5, 10, 15, 20, 25, 30, 40, 45].map((v) => a.binary_search_leftmost(v))).toEqual([
      0, 0, 0, 1, 3, 4, 5, 5,
    ]);
    expect([5, 10, 15, 20, 25, 30, 40, 45].map((v) => a.binary_search_rightmost(v))).toEqual([
      0, 0, 1, 3, 4, 4, 5, 6,
    ]);
    expect(a.binary_search(30)).toBe(4);
    expect(a.binary_search(31)).toBe(-1);
    expect(a.indexof(20 + 1e-11)).toBe(1); // indexof is tolerant
    expect(a.lastindexof(20)).toBe(3);
  });

  it('computes statistics over non-na elements', () => {
    const a = PineArray.from(2, 4, 4, 4, 5, 5, 7, 9, NaN);
    expect(arraySum(a)).toBe(40);
    expect(arrayAvg(a)).toBe(5);
    // population variance of 2,4,4,4,5,5,7,9 is 4 (stdev 2); sample variance 32/7
    expect(arrayVariance(a)).toBe(4);
    expect(arrayStdev(a)).toBe(2);
    expect(arrayVariance(a, false)).toBeCloseTo(32 / 7, 14);
    expect(arrayMedian(a)).toBe(4.5);
    expect(arrayMode(PineArray.from(3, 1, 3, 1, 2))).toBe(1); // tie → smallest
    expect(arrayMax(PineArray.from(10, 20, 30, 40), 1)).toBe(30); // measured: nth = 1 → 30
    expect(arrayMin(PineArray.from(10, 20, 30, 40), NaN)).toBe(10); // measured: na nth = 0
    expect(arrayCovariance(PineArray.from(1, 2, 3), PineArray.from(2, 4, 6))).toBeCloseTo(4 / 3, 14);
    expect(
      arrayStandardize(PineArray.from(1, 2, 3, NaN))
        .toArray()
        .map((x) => (x === x ? +x.toFixed(6) : x)),
    ).toEqual([-1.224745, 0, 1.224745, NaN]);
  });

  it('percentiles and percentrank follow the measured rules', () => {
    const a = PineArray.from(15, 20, 35, 40, 50);
    // nearest rank: p=30 → ceil(1.5) = 2nd value; p=40 → 2nd; p=50 → 3rd; p=100 → 5th
    expect([30, 40, 50, 100].map((p) => arrayPercentileNearestRank(a, p))).toEqual([20, 20, 35, 50]);
    // linear: pos = 5·40/100 + 0.5 = 2.5 → 20·0.5 + 35·0.5 = 27.5
    expect(arrayPercentileLinear(a, 40)).toBe(27.5);
    expect(arrayPercentileLinear(a, NaN)).toBeNaN();
    expect(() => arrayPercentileLinear(a, 101)).toThrow(PineRuntimeError);
    // percentrank of 35 (index 2): 3 values ≤ 35 → (3 − 1)·100/4 = 50
    expect(arrayPercentrank(a, 2)).toBe(50);
    expect(arrayPercentrank(PineArray.from(10, 20, 30, 40), NaN)).toBe(0); // measured: na index = 0
  });

  it('joins and tests booleans', () => {
    expect(PineArray.from(1, 2.5, 3).join(', ')).toBe('1, 2.5, 3');
    expect(PineArray.from(true, true).every()).toBe(true);
    expect(PineArray.from(false, true).some()).toBe(true);
  });
});

describe('map.*', () => {
  it('keeps insertion order and returns na for a missing key', () => {
    const m = new PineMap<string, number>(NaN);
    expect(m.put('b', 2)).toBeNaN();
    m.put('a', 1);
    expect(m.put('b', 3)).toBe(2);
    expect(m.keys().toArray()).toEqual(['b', 'a']);
    expect(m.values().toArray()).toEqual([3, 1]);
    expect(m.get('zz')).toBeNaN();
    expect(m.remove('b')).toBe(3);
    expect(m.size()).toBe(1);
    const c = m.copy();
    c.put('c', 5);
    expect(m.contains('c')).toBe(false);
  });
});

describe('matrix.*', () => {
  const m = PineMatrix.fromRows([
    [2, 1],
    [5, 3],
  ]);

  it('multiplies, inverts and takes determinants (hand-worked 2×2)', () => {
    // det = 2·3 − 1·5 = 1; inverse = [[3, −1], [−5, 2]]
    expect(matrixDet(m)).toBeCloseTo(1, 14);
    const near = (rows: number[][]): number[][] =>
      rows.map((r) => r.map((v) => Math.round(v * 1e12) / 1e12 + 0));
    expect(near(matrixInv(m).toRows())).toEqual([
      [3, -1],
      [-5, 2],
    ]);
    expect(near(matrixMult(m, matrixInv(m)).toRows())).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(matrixMult(m, PineArray.from(1, 1)).toArray()).toEqual([3, 8]);
    expect(matrixSum(m, 1).toRows()).toEqual([
      [3, 2],
      [6, 4],
    ]);
    expect(matrixTrace(m)).toBe(5);
    expect(
      matrixRank(
        PineMatrix.fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toBe(1);
    expect(
      matrixInv(
        PineMatrix.fromRows([
          [1, 2],
          [2, 4],
        ]),
      ).get(0, 0),
    ).toBeNaN(); // singular
  });

  it('adds and removes rows/columns, transposes, and halts out of bounds', () => {
    const x = PineMatrix.create(2, 2, 0);
    x.add_row(1, PineArray.from(7, 8));
    x.add_col(0);
    expect(x.toRows()).toEqual([
      [NaN, 0, 0],
      [NaN, 7, 8],
      [NaN, 0, 0],
    ]);
    expect(x.remove_col(0).toArray()).toEqual([NaN, NaN, NaN]);
    expect(x.transpose().toRows()).toEqual([
      [0, 7, 0],
      [0, 8, 0],
    ]);
    expect(x.rows()).toBe(3);
    expect(x.columns()).toBe(2);
    expect(() => x.get(3, 0)).toThrow(PineRuntimeError);
    expect(
      matrixDet(
        PineMatrix.fromRows([
          [1, 2, 3],
          [0, 1, 4],
          [5, 6, 0],
        ]),
      ),
    ).toBeCloseTo(1, 12);
  });
});

describe('matrix.eigenvalues', () => {
  const round = (xs: number[]): number[] => xs.map((x) => Math.round(x * 1e9) / 1e9 + 0);

  it('returns descending eigenvalues of a symmetric matrix (hand-worked)', () => {
    // [[2, 1], [1, 2]]: λ = 1, 3.  diag(5, -1, 2): λ = -1, 2, 5.
    expect(
      round(
        matrixEigenvalues(
          PineMatrix.fromRows([
            [2, 1],
            [1, 2],
          ]),
        ).toArray(),
      ),
    ).toEqual([3, 1]);
    expect(
      round(
        matrixEigenvalues(
          PineMatrix.fromRows([
            [5, 0, 0],
            [0, -1, 0],
            [0, 0, 2],
          ]),
        ).toArray(),
      ),
    ).toEqual([5, 2, -1]);
    // Rank-1 covariance of (d, 2d, 3d) with d = 2: d²·[1 2 3]ᵀ[1 2 3] has λ = 0, 0, 4·14 = 56.
    const d = [2, 4, 6];
    const cov = PineMatrix.fromRows(d.map((x) => d.map((y) => x * y)));
    const ev = matrixEigenvalues(cov).toArray();
    expect(ev[0]).toBeCloseTo(56, 9);
    expect(Math.abs(ev[1])).toBeLessThan(1e-9);
    expect(Math.abs(ev[2])).toBeLessThan(1e-9);
  });

  it('handles non-symmetric matrices and halts on na', () => {
    // [[4, 1], [2, 3]]: trace 7, det 10 → λ = 2, 5. Upper triangular [[1, 2, 3], [0, 4, 5], [0, 0, 6]]: 1, 4, 6.
    expect(
      round(
        matrixEigenvalues(
          PineMatrix.fromRows([
            [4, 1],
            [2, 3],
          ]),
        ).toArray(),
      ).sort((a, b) => a - b),
    ).toEqual([2, 5]);
    expect(
      round(
        matrixEigenvalues(
          PineMatrix.fromRows([
            [1, 2, 3],
            [0, 4, 5],
            [0, 0, 6],
          ]),
        ).toArray(),
      ).sort((a, b) => a - b),
    ).toEqual([1, 4, 6]);
    // A rotation by 90° has eigenvalues ±i: real parts 0, 0.
    expect(
      round(
        matrixEigenvalues(
          PineMatrix.fromRows([
            [0, -1],
            [1, 0],
          ]),
        ).toArray(),
      ),
    ).toEqual([0, 0]);
    expect(() =>
      matrixEigenvalues(
        PineMatrix.fromRows([
          [1, NaN],
          [NaN, 1],
        ]),
      ),
    ).toThrow(PineRuntimeError);
  });
});

describe('color.*', () => {
  it('keeps channels and transparency exactly', () => {
    // color.red in v6 is #F23645 = (242, 54, 69)
    const red = color.colors.red;
    expect([color.r(red), color.g(red), color.b(red), color.t(red)]).toEqual([242, 54, 69, 0]);
    const faded = color.withTransparency(red, 50);
    expect(color.t(faded)).toBe(50);
    expect(color.r(faded)).toBe(242);
    expect(color.t(color.hex('#00000080'))).toBeCloseTo(((255 - 128) / 255) * 100, 1);
    // Halfway between black (0,0,0,t0) and white (255,255,255,t100): 127.5 → 128, t = 50
    const mid = color.from_gradient(5, 0, 10, color.rgb(0, 0, 0), color.rgb(255, 255, 255, 100));
    expect([color.r(mid), color.t(mid)]).toEqual([128, 50]);
    expect(color.rgb(NaN, 0, 0)).toBeNaN();
  });
});
