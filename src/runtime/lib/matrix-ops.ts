import { PineRuntimeError } from '../core/errors.js';
import { PineArray, arrayMedian, arrayMode } from './array.js';
import type { SortOrder } from './array.js';
import { PineMatrix, matrixMult } from './matrix.js';
import type { NumMatrix } from './matrix.js';

/** Every element, row-major, as a numeric array (for the statistics). */
function flat(m: NumMatrix): PineArray<number> {
  return PineArray.wrap(m.elements(), true);
}

/** `matrix.median(id)`: median of all non-na elements. */
export function matrixMedian(m: NumMatrix): number {
  return arrayMedian(flat(m));
}

/** `matrix.mode(id)`: most frequent element (smallest on ties). */
export function matrixMode(m: NumMatrix): number {
  return arrayMode(flat(m));
}

/** `matrix.sort(id, column, order)`: reorders the rows by the values of one column. */
export function matrixSort(m: NumMatrix, column = 0, order: SortOrder = 'ascending'): void {
  const rows = m.toRows();
  if (!(column >= 0 && column < m.columns()))
    throw new PineRuntimeError('matrix-index', `Column ${column} is out of bounds.`);
  const keyed = PineArray.wrap(
    rows.map((r) => r[column]),
    true,
  )
    .sort_indices(order)
    .toArray();
  keyed.forEach((from, to) => {
    for (let j = 0; j < m.columns(); j++) m.set(to, j, rows[from][j]);
  });
}

/** True when `test(value, row, column)` holds for every element. */
function every(m: NumMatrix, test: (v: number, i: number, j: number) => boolean): boolean {
  for (let i = 0; i < m.rows(); i++)
    for (let j = 0; j < m.columns(); j++) if (!test(m.get(i, j), i, j)) return false;
  return true;
}

/** `matrix.is_zero(id)`. */
export function matrixIsZero(m: NumMatrix): boolean {
  return every(m, (v) => v === 0);
}
/** `matrix.is_binary(id)`: every element is 0 or 1. */
export function matrixIsBinary(m: NumMatrix): boolean {
  return every(m, (v) => v === 0 || v === 1);
}
/** `matrix.is_diagonal(id)`: square, zero off the main diagonal. */
export function matrixIsDiagonal(m: NumMatrix): boolean {
  return m.is_square() && every(m, (v, i, j) => i === j || v === 0);
}
/** `matrix.is_identity(id)`. */
export function matrixIsIdentity(m: NumMatrix): boolean {
  return m.is_square() && every(m, (v, i, j) => v === (i === j ? 1 : 0));
}
/** `matrix.is_antidiagonal(id)`: square, zero off the anti-diagonal. */
export function matrixIsAntidiagonal(m: NumMatrix): boolean {
  const n = m.rows();
  return m.is_square() && every(m, (v, i, j) => i + j === n - 1 || v === 0);
}
/** `matrix.is_symmetric(id)`. */
export function matrixIsSymmetric(m: NumMatrix): boolean {
  return m.is_square() && every(m, (v, i, j) => v === m.get(j, i));
}
/** `matrix.is_antisymmetric(id)`: Aᵀ = −A. */
export function matrixIsAntisymmetric(m: NumMatrix): boolean {
  return m.is_square() && every(m, (v, i, j) => v === -m.get(j, i));
}
/** `matrix.is_triangular(id)`: square and upper or lower triangular. */
export function matrixIsTriangular(m: NumMatrix): boolean {
  return (
    m.is_square() && (every(m, (v, i, j) => j >= i || v === 0) || every(m, (v, i, j) => j <= i || v === 0))
  );
}
/** `matrix.is_stochastic(id)`: non-negative elements, every row summing to 1 (within 1e-10). */
export function matrixIsStochastic(m: NumMatrix): boolean {
  if (!every(m, (v) => v >= 0)) return false;
  for (const row of m.toRows()) if (Math.abs(row.reduce((s, v) => s + v, 0) - 1) > 1e-10) return false;
  return true;
}

/** `matrix.kron(id1, id2)`: the Kronecker product. */
export function matrixKron(a: NumMatrix, b: NumMatrix): NumMatrix {
  const out = PineMatrix.create(a.rows() * b.rows(), a.columns() * b.columns(), 0);
  for (let i = 0; i < a.rows(); i++)
    for (let j = 0; j < a.columns(); j++)
      for (let k = 0; k < b.rows(); k++)
        for (let l = 0; l < b.columns(); l++)
          out.set(i * b.rows() + k, j * b.columns() + l, a.get(i, j) * b.get(k, l));
  return out;
}

/**
 * `matrix.pinv(id)`: Moore–Penrose pseudoinverse by the Ben-Israel–Cohen iteration
 * X ← X(2I − AX) from X₀ = Aᵀ/(‖A‖₁‖A‖∞), which converges for every matrix, rank-deficient included.
 */
export function matrixPinv(a: NumMatrix): NumMatrix {
  let norm1 = 0;
  let normInf = 0;
  for (let j = 0; j < a.columns(); j++) {
    let s = 0;
    for (let i = 0; i < a.rows(); i++) s += Math.abs(a.get(i, j));
    norm1 = Math.max(norm1, s);
  }
  for (let i = 0; i < a.rows(); i++) {
    let s = 0;
    for (let j = 0; j < a.columns(); j++) s += Math.abs(a.get(i, j));
    normInf = Math.max(normInf, s);
  }
  const at = a.transpose();
  if (norm1 === 0) return at;
  let x = matrixMult(at, 1 / (norm1 * normInf));
  for (let k = 0; k < 200; k++) {
    const ax = matrixMult(a, x);
    const twoMinus = PineMatrix.create(ax.rows(), ax.columns(), 0);
    for (let i = 0; i < ax.rows(); i++)
      for (let j = 0; j < ax.columns(); j++) twoMinus.set(i, j, (i === j ? 2 : 0) - ax.get(i, j));
    const next = matrixMult(x, twoMinus);
    let change = 0;
    for (let i = 0; i < next.rows(); i++)
      for (let j = 0; j < next.columns(); j++)
        change = Math.max(change, Math.abs(next.get(i, j) - x.get(i, j)));
    x = next;
    if (change < 1e-15) break;
  }
  return x;
}
