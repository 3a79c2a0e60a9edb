import { PineRuntimeError } from '../core/errors.js';
import { PineArray } from './array.js';
import { jacobiSweeps } from './jacobi.js';
import type { NumMatrix } from './matrix.js';

/**
 * `matrix.eigenvalues(id)`: the eigenvalues of a square matrix (real parts for complex pairs).
 * Symmetric matrices (covariance matrices, the common case) use cyclic Jacobi rotations and are
 * returned in descending order. Evidence: corpus case matrix-covariance-eigen-pca-01 trades on
 * `array.get(m.eigenvalues(), 0)` of a 2×2 covariance matrix and matches its TradingView export
 * trade for trade (2850/2850) with the largest eigenvalue first, 101/2850 with the smallest.
 * Other matrices use shifted QR iterations with 1×1/2×2 deflation.
 * TradingView halts on an na element; so does this.
 */
export function matrixEigenvalues(m: NumMatrix): PineArray<number> {
  const n = m.rows();
  if (n !== m.columns()) throw new PineRuntimeError('matrix-size', 'The matrix must be square.');
  const a = m.toRows();
  for (const row of a)
    for (const v of row)
      if (v !== v) throw new PineRuntimeError('matrix-na', 'The matrix contains na values.');
  const symmetric = a.every((row, i) => row.every((v, j) => v === a[j][i]));
  return PineArray.wrap(
    symmetric
      ? jacobiSweeps(a, null, (off) => off === 0 || !Number.isFinite(off)).sort((x, y) => y - x)
      : shiftedQr(a),
  );
}

/** Real parts of the eigenvalues of a general matrix by Wilkinson-shifted QR (modifies `h`). */
function shiftedQr(h: number[][]): number[] {
  const out: number[] = [];
  let m = h.length;
  let iterations = 0;
  while (m > 0) {
    if (m === 1) {
      out.push(h[0][0]);
      break;
    }
    const small = (i: number): boolean =>
      Math.abs(h[i][i - 1]) <= 1e-14 * (Math.abs(h[i][i]) + Math.abs(h[i - 1][i - 1]) || 1);
    if (small(m - 1)) {
      out.push(h[m - 1][m - 1]);
      m--;
      iterations = 0;
      continue;
    }
    if (m === 2 || small(m - 2) || iterations > 500) {
      const [x, y] = block(h, m);
      out.push(x, y);
      m -= 2;
      iterations = 0;
      continue;
    }
    const mu = block(h, m)[1];
    qrStep(h, m, mu);
    iterations++;
  }
  return out.reverse();
}

/** Real parts of the eigenvalues of the trailing 2×2 block of the leading m×m part. */
function block(h: number[][], m: number): [number, number] {
  const a = h[m - 2][m - 2];
  const b = h[m - 2][m - 1];
  const c = h[m - 1][m - 2];
  const d = h[m - 1][m - 1];
  const half = (a + d) / 2;
  const disc = ((a - d) / 2) ** 2 + b * c;
  if (disc < 0) return [half, half];
  const r = Math.sqrt(disc);
  return [half - r, half + r];
}

/** One QR step on the leading m×m part: H − μI = QR (Householder), H ← RQ + μI. */
function qrStep(h: number[][], m: number, mu: number): void {
  const a = h.slice(0, m).map((row, i) => row.slice(0, m).map((v, j) => (i === j ? v - mu : v)));
  const q = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let k = 0; k < m - 1; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i][k] * a[i][k];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[k][k] > 0 ? -norm : norm;
    const v = a.map((row, i) => (i < k ? 0 : i === k ? row[k] - alpha : row[k]));
    const vv = v.reduce((s, x) => s + x * x, 0);
    if (vv === 0) continue;
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * a[i][j];
      for (let i = k; i < m; i++) a[i][j] -= (2 * dot * v[i]) / vv;
    }
    for (let i = 0; i < m; i++) {
      let dot = 0;
      for (let j = k; j < m; j++) dot += q[i][j] * v[j];
      for (let j = k; j < m; j++) q[i][j] -= (2 * dot * v[j]) / vv;
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += a[i][k] * q[k][j];
      h[i][j] = s + (i === j ? mu : 0);
    }
  }
}
