/**
 * Cyclic Jacobi rotations of a symmetric matrix `a` (modified in place towards diagonal form),
 * accumulating the rotations into `vectors` (row-major n×n, start from the identity) when given.
 * Sweeps stop after 100 or when `converged(off)` holds for the sum of squares above the diagonal.
 * Shared by `matrix.eigenvalues` (runtime) and the CMA-ES sampler (optimiser), each with its own
 * stopping rule. Returns the diagonal: the eigenvalues, unsorted.
 */
export function jacobiSweeps(
  a: number[][],
  vectors: number[][] | null,
  converged: (off: number) => boolean,
): number[] {
  const n = a.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (converged(off)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, n, c, s, p, q, true);
        rotate(a, n, c, s, p, q, false);
        if (vectors !== null) rotate(vectors, n, c, s, p, q, true);
      }
    }
  }
  return a.map((row, i) => row[i]);
}

/** Applies the plane rotation (c, s) of p and q to the columns (or rows) p and q of `m`. */
function rotate(
  m: number[][],
  n: number,
  c: number,
  s: number,
  p: number,
  q: number,
  columns: boolean,
): void {
  for (let k = 0; k < n; k++) {
    if (columns) {
      const mkp = m[k][p];
      const mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    } else {
      const mpk = m[p][k];
      const mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
  }
}
