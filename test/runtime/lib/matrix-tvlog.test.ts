// TradingView's log of the matrix.* walkthrough recorded by PyneSys/pynecore in
// tests/t01_lib/t08_matrix/data/test_001_matrix_basic.txt, replayed with the same inputs.
import { expect, it } from 'vitest';
import {
  PineMatrix,
  matrixAvg,
  matrixDet,
  matrixDiff,
  matrixEigenvalues,
  matrixInv,
  matrixIsAntidiagonal,
  matrixIsAntisymmetric,
  matrixIsBinary,
  matrixIsDiagonal,
  matrixIsIdentity,
  matrixIsStochastic,
  matrixIsSymmetric,
  matrixIsTriangular,
  matrixIsZero,
  matrixKron,
  matrixMax,
  matrixMedian,
  matrixMin,
  matrixMode,
  matrixMult,
  matrixPinv,
  matrixPow,
  matrixRank,
  matrixSort,
  matrixSum,
  matrixTrace,
  str,
} from '../../../src/runtime/index.js';

const s = (v: number | boolean): string => str.tostring(v);
const rows = (r: number[][]): PineMatrix<number> => PineMatrix.fromRows(r);

it('replays the TradingView matrix log', () => {
  const out: string[] = [];
  const m1 = PineMatrix.create(3, 3, 1.5);
  out.push(
    `Test 1 - new(3,3,1.5): rows=${s(m1.rows())}, cols=${s(m1.columns())}, elements=${s(m1.elements_count())}`,
  );
  m1.set(0, 0, 5);
  m1.set(1, 1, 10);
  m1.set(2, 2, 15);
  out.push(`Test 2 - get(1,1): ${s(m1.get(1, 1))}`);
  m1.fill(2);
  out.push(`Test 3 - fill(2.0) then get(0,0): ${s(m1.get(0, 0))}`);
  m1.add_row(1);
  m1.add_col(2);
  out.push(`Test 4 - after add_row/col: rows=${s(m1.rows())}, cols=${s(m1.columns())}`);
  const m2 = rows([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  out.push(`Test 5 - is_identity: ${s(matrixIsIdentity(m2))}`);
  out.push(`Test 5 - is_diagonal: ${s(matrixIsDiagonal(m2))}`);
  out.push(`Test 5 - is_symmetric: ${s(matrixIsSymmetric(m2))}`);
  const m3 = rows([
    [1, 2],
    [3, 4],
  ]);
  out.push(`Test 6 - det([[1,2],[3,4]]): ${s(matrixDet(m3))}`);
  out.push(`Test 6 - trace: ${s(matrixTrace(m3))}`);
  const m4 = rows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  out.push(`Test 7 - avg: ${s(matrixAvg(m4))}, max: ${s(matrixMax(m4))}, min: ${s(matrixMin(m4))}`);
  const r0 = m4.row(0);
  const c1 = m4.col(1);
  out.push(`Test 8 - row(0): [${s(r0.get(0))},${s(r0.get(1))},${s(r0.get(2))}]`);
  out.push(`Test 8 - col(1): [${s(c1.get(0))},${s(c1.get(1))}]`);
  const m6 = rows([
    [7, 8],
    [9, 10],
    [11, 12],
  ]);
  const mm = matrixMult(m4, m6);
  out.push(`Test 9 - mult result shape: ${s(mm.rows())}x${s(mm.columns())}`);
  out.push(`Test 9 - mult[0,0]: ${s(mm.get(0, 0))}, mult[1,1]: ${s(mm.get(1, 1))}`);
  const mt = m4.transpose();
  out.push(`Test 10 - transpose shape: ${s(mt.rows())}x${s(mt.columns())}`);
  const copy = m3.copy();
  copy.set(0, 0, 99);
  out.push(`Test 11 - original[0,0]: ${s(m3.get(0, 0))}, copy[0,0]: ${s(copy.get(0, 0))}`);
  const m7 = rows([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  const sub = m7.submatrix(0, 2, 0, 2);
  out.push(`Test 12 - submatrix shape: ${s(sub.rows())}x${s(sub.columns())}`);
  out.push(`Test 12 - submatrix[0,0]: ${s(sub.get(0, 0))}, [1,1]: ${s(sub.get(1, 1))}`);
  const m8 = rows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  m8.reshape(3, 2);
  out.push(`Test 13 - reshape to 3x2: rows=${s(m8.rows())}, cols=${s(m8.columns())}`);
  const m9 = PineMatrix.create(3, 3, 1);
  m9.remove_row(1);
  m9.remove_col(1);
  out.push(`Test 14 - after remove_row/col: rows=${s(m9.rows())}, cols=${s(m9.columns())}`);
  const m10 = rows([
    [1, 0, 0],
    [2, 0, 0],
    [3, 0, 0],
  ]);
  m10.swap_rows(0, 2);
  out.push(`Test 15 - after swap_rows: [0,0]=${s(m10.get(0, 0))}, [2,0]=${s(m10.get(2, 0))}`);
  m10.swap_columns(0, 1);
  out.push(`Test 15 - after swap_columns: [0,0]=${s(m10.get(0, 0))}, [0,1]=${s(m10.get(0, 1))}`);
  const cat = PineMatrix.create(2, 2, 1).concat(PineMatrix.create(2, 2, 2));
  out.push(`Test 16 - concat shape: ${s(cat.rows())}x${s(cat.columns())}`);
  const m13 = rows([
    [9, 3, 6],
    [2, 8, 5],
    [7, 1, 4],
  ]);
  matrixSort(m13, 0, 'ascending');
  out.push(
    `Test 17 - after sort col 0: [0,0]=${s(m13.get(0, 0))}, [1,0]=${s(m13.get(1, 0))}, [2,0]=${s(m13.get(2, 0))}`,
  );
  const m14 = rows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  m14.reverse();
  out.push(`Test 18 - after reverse: [0,0]=${s(m14.get(0, 0))}, [1,2]=${s(m14.get(1, 2))}`);
  out.push(
    `Test 19 - rank: ${s(
      matrixRank(
        rows([
          [1, 2, 3],
          [2, 4, 6],
          [3, 6, 9],
        ]),
      ),
    )}`,
  );
  const p3 = matrixPow(
    rows([
      [2, 0],
      [0, 2],
    ]),
    3,
  );
  out.push(`Test 20 - pow(3): [0,0]=${s(p3.get(0, 0))}, [1,1]=${s(p3.get(1, 1))}`);
  const m17 = rows([
    [1, 2, 2],
    [3, 2, 4],
  ]);
  out.push(`Test 21 - median: ${s(matrixMedian(m17))}, mode: ${s(matrixMode(m17))}`);
  const m18 = PineMatrix.create(2, 3, 0);
  out.push(`Test 22 - is_zero: ${s(matrixIsZero(m18))}, is_square: ${s(m18.is_square())}`);
  const m19 = PineMatrix.create(2, 2, 3);
  const m20 = PineMatrix.create(2, 2, 1);
  out.push(`Test 23 - sum: [0,0]=${s(matrixSum(m19, m20).get(0, 0))} (should be 4.0)`);
  out.push(`Test 23b - diff: [0,0]=${s(matrixDiff(m19, m20).get(0, 0))} (should be 2.0)`);
  const k = matrixKron(
    rows([
      [1, 2],
      [3, 4],
    ]),
    rows([
      [0, 5],
      [6, 7],
    ]),
  );
  out.push(`Test 24 - kron shape: ${s(k.rows())}x${s(k.columns())}`);
  out.push(`Test 24 - kron[0,1]: ${s(k.get(0, 1))}, kron[3,3]: ${s(k.get(3, 3))}`);
  const ev = matrixEigenvalues(
    rows([
      [4, -2],
      [1, 1],
    ]),
  );
  out.push(`Test 25 - eigenvalues count: ${s(ev.size())}`);
  out.push(`Test 25 - eigenvalue[0]: ${s(ev.get(0))}, eigenvalue[1]: ${s(ev.get(1))}`);
  const inv = matrixInv(
    rows([
      [4, 7],
      [2, 6],
    ]),
  );
  out.push(`Test 26 - inv[0,0]: ${s(inv.get(0, 0))}, inv[1,1]: ${s(inv.get(1, 1))}`);
  const pinv = matrixPinv(
    rows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
  );
  out.push(`Test 27 - pinv shape: ${s(pinv.rows())}x${s(pinv.columns())}`);
  out.push(
    `Test 28 - is_stochastic: ${s(
      matrixIsStochastic(
        rows([
          [0.3, 0.7],
          [0.4, 0.6],
        ]),
      ),
    )}`,
  );
  out.push(
    `Test 28 - is_antidiagonal: ${s(
      matrixIsAntidiagonal(
        rows([
          [0, 1],
          [2, 0],
        ]),
      ),
    )}`,
  );
  out.push(
    `Test 29 - is_antisymmetric: ${s(
      matrixIsAntisymmetric(
        rows([
          [0, 2],
          [-2, 0],
        ]),
      ),
    )}`,
  );
  out.push(
    `Test 29 - is_binary: ${s(
      matrixIsBinary(
        rows([
          [0, 1],
          [1, 0],
        ]),
      ),
    )}`,
  );
  out.push(
    `Test 30 - is_triangular: ${s(
      matrixIsTriangular(
        rows([
          [1, 2, 3],
          [0, 4, 5],
          [0, 0, 6],
        ]),
      ),
    )}`,
  );

  expect(out).toEqual([
    'Test 1 - new(3,3,1.5): rows=3, cols=3, elements=9',
    'Test 2 - get(1,1): 10',
    'Test 3 - fill(2.0) then get(0,0): 2',
    'Test 4 - after add_row/col: rows=4, cols=4',
    'Test 5 - is_identity: true',
    'Test 5 - is_diagonal: true',
    'Test 5 - is_symmetric: true',
    'Test 6 - det([[1,2],[3,4]]): -2',
    'Test 6 - trace: 5',
    'Test 7 - avg: 3.5, max: 6, min: 1',
    'Test 8 - row(0): [1,2,3]',
    'Test 8 - col(1): [2,5]',
    'Test 9 - mult result shape: 2x2',
    'Test 9 - mult[0,0]: 58, mult[1,1]: 154',
    'Test 10 - transpose shape: 3x2',
    'Test 11 - original[0,0]: 1, copy[0,0]: 99',
    'Test 12 - submatrix shape: 2x2',
    'Test 12 - submatrix[0,0]: 1, [1,1]: 5',
    'Test 13 - reshape to 3x2: rows=3, cols=2',
    'Test 14 - after remove_row/col: rows=2, cols=2',
    'Test 15 - after swap_rows: [0,0]=3, [2,0]=1',
    'Test 15 - after swap_columns: [0,0]=0, [0,1]=3',
    'Test 16 - concat shape: 4x2',
    'Test 17 - after sort col 0: [0,0]=2, [1,0]=7, [2,0]=9',
    'Test 18 - after reverse: [0,0]=6, [1,2]=1',
    'Test 19 - rank: 1',
    'Test 20 - pow(3): [0,0]=8, [1,1]=8',
    'Test 21 - median: 2, mode: 2',
    'Test 22 - is_zero: true, is_square: false',
    'Test 23 - sum: [0,0]=4 (should be 4.0)',
    'Test 23b - diff: [0,0]=2 (should be 2.0)',
    'Test 24 - kron shape: 4x4',
    'Test 24 - kron[0,1]: 5, kron[3,3]: 28',
    'Test 25 - eigenvalues count: 2',
    'Test 25 - eigenvalue[0]: 3, eigenvalue[1]: 2',
    'Test 26 - inv[0,0]: 0.6, inv[1,1]: 0.4',
    'Test 27 - pinv shape: 2x3',
    'Test 28 - is_stochastic: true',
    'Test 28 - is_antidiagonal: true',
    'Test 29 - is_antisymmetric: true',
    'Test 29 - is_binary: true',
    'Test 30 - is_triangular: true',
  ]);
  // The pseudoinverse really is one: A⁺ = (AᵀA)⁻¹Aᵀ for this full-column-rank A → [[-4/3, -1/3, 2/3], [13/12, 1/3, -5/12]].
  const expected = [
    [-4 / 3, -1 / 3, 2 / 3],
    [13 / 12, 1 / 3, -5 / 12],
  ];
  pinv.toRows().forEach((r, i) => {
    r.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i][j], 10);
    });
  });
});
