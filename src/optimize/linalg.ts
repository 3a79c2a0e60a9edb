import { jacobiSweeps } from '../runtime/lib/jacobi.js';

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method: returns the
 * eigenvalues and the eigenvectors as the columns of `vectors` (row-major n×n). Accurate to
 * rounding for the handful of dimensions an optimiser searches.
 */
export function symmetricEigen(matrix: readonly number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const values = jacobiSweeps(a, v, (off) => off < 1e-30);
  return { values, vectors: v };
}
