import { PineRuntimeError } from '../core/errors.js';
import { PineArray } from './array.js';

/** A Pine `matrix<T>`, row-major. Element na is NaN for numeric matrices, null otherwise. */
export class PineMatrix<T> {
  private data: T[];
  private nRows: number;
  private nCols: number;
  private readonly naValue: T;

  private constructor(rows: number, cols: number, data: T[], naValue: T) {
    this.nRows = rows;
    this.nCols = cols;
    this.data = data;
    this.naValue = naValue;
  }

  /** `matrix.new<type>(rows, columns, initial_value)`. */
  static create<T>(rows: number, cols: number, initial: T): PineMatrix<T> {
    const r = Math.max(0, Math.trunc(rows));
    const c = Math.max(0, Math.trunc(cols));
    return new PineMatrix<T>(r, c, new Array<T>(r * c).fill(initial), naOf(initial));
  }

  /** Builds a matrix from rows (tests, interop). */
  static fromRows<T>(rows: readonly (readonly T[])[]): PineMatrix<T> {
    const c = rows.length === 0 ? 0 : rows[0].length;
    const data = rows.flatMap((r) => [...r]);
    return new PineMatrix<T>(rows.length, c, data, naOf(data[0]));
  }

  /** The rows as nested JS arrays. */
  toRows(): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.nRows; i++) out.push(this.data.slice(i * this.nCols, (i + 1) * this.nCols));
    return out;
  }

  private at(row: number, col: number): number {
    const i = Math.trunc(row);
    const j = Math.trunc(col);
    if (!(i >= 0 && i < this.nRows && j >= 0 && j < this.nCols)) {
      throw new PineRuntimeError(
        'matrix-index',
        `Matrix index (${row}, ${col}) is out of bounds for a ${this.nRows}x${this.nCols} matrix.`,
      );
    }
    return i * this.nCols + j;
  }

  /** `matrix.get(id, row, column)`. */
  get(row: number, col: number): T {
    return this.data[this.at(row, col)];
  }
  /** `matrix.set(id, row, column, value)`. */
  set(row: number, col: number, value: T): void {
    this.data[this.at(row, col)] = value;
  }
  /** `matrix.rows(id)`. */
  rows(): number {
    return this.nRows;
  }
  /** `matrix.columns(id)`. */
  columns(): number {
    return this.nCols;
  }
  /** `matrix.elements_count(id)`. */
  elements_count(): number {
    return this.nRows * this.nCols;
  }
  /** `matrix.row(id, row)`: a new array. */
  row(i: number): PineArray<T> {
    this.at(i, 0);
    return PineArray.wrap(this.data.slice(i * this.nCols, (i + 1) * this.nCols));
  }
  /** `matrix.col(id, column)`: a new array. */
  col(j: number): PineArray<T> {
    this.at(0, j);
    const out: T[] = [];
    for (let i = 0; i < this.nRows; i++) out.push(this.data[i * this.nCols + j]);
    return PineArray.wrap(out);
  }

  /** `matrix.add_row(id, row, array_id)`: inserts a row (default at the end) filled from `values` or with `na`. */
  add_row(index: number = this.nRows, values: PineArray<T> | null = null): void {
    const cols = this.nRows === 0 && this.nCols === 0 && values !== null ? values.size() : this.nCols;
    if (values !== null && values.size() !== cols)
      throw new PineRuntimeError('matrix-size', 'Row size does not match the matrix columns.');
    if (!(index >= 0 && index <= this.nRows))
      throw new PineRuntimeError('matrix-index', `Row index ${index} is out of bounds.`);
    const row = values === null ? new Array<T>(cols).fill(this.naValue) : values.toArray();
    this.nCols = cols;
    this.data.splice(index * cols, 0, ...row);
    this.nRows++;
  }

  /** `matrix.add_col(id, column, array_id)`. */
  add_col(index: number = this.nCols, values: PineArray<T> | null = null): void {
    const rows = this.nRows === 0 && this.nCols === 0 && values !== null ? values.size() : this.nRows;
    if (values !== null && values.size() !== rows)
      throw new PineRuntimeError('matrix-size', 'Column size does not match the matrix rows.');
    if (!(index >= 0 && index <= this.nCols))
      throw new PineRuntimeError('matrix-index', `Column index ${index} is out of bounds.`);
    const col = values === null ? new Array<T>(rows).fill(this.naValue) : values.toArray();
    const next: T[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j <= this.nCols; j++) {
        if (j === index) next.push(col[i]);
        if (j < this.nCols) next.push(this.data[i * this.nCols + j]);
      }
    }
    this.data = next;
    this.nRows = rows;
    this.nCols++;
  }

  /** `matrix.remove_row(id, row)`: the removed row. */
  remove_row(index: number = this.nRows - 1): PineArray<T> {
    const removed = this.row(index);
    this.data.splice(index * this.nCols, this.nCols);
    this.nRows--;
    return removed;
  }

  /** `matrix.remove_col(id, column)`: the removed column. */
  remove_col(index: number = this.nCols - 1): PineArray<T> {
    const removed = this.col(index);
    this.data = this.data.filter((_, k) => k % this.nCols !== index);
    this.nCols--;
    return removed;
  }

  /** `matrix.copy(id)`. */
  copy(): PineMatrix<T> {
    return new PineMatrix<T>(this.nRows, this.nCols, this.data.slice(), this.naValue);
  }

  /** `matrix.fill(id, value, from_row, to_row, from_column, to_column)`. */
  fill(value: T, fromRow = 0, toRow = this.nRows, fromCol = 0, toCol = this.nCols): void {
    for (let i = fromRow; i < toRow; i++)
      for (let j = fromCol; j < toCol; j++) this.data[this.at(i, j)] = value;
  }

  /** `matrix.transpose(id)`: a new matrix. */
  transpose(): PineMatrix<T> {
    const out: T[] = [];
    for (let j = 0; j < this.nCols; j++)
      for (let i = 0; i < this.nRows; i++) out.push(this.data[i * this.nCols + j]);
    return new PineMatrix<T>(this.nCols, this.nRows, out, this.naValue);
  }

  /** `matrix.reshape(id, rows, columns)` (same element count). */
  reshape(rows: number, cols: number): void {
    if (rows * cols !== this.data.length)
      throw new PineRuntimeError('matrix-size', 'reshape must keep the element count.');
    this.nRows = rows;
    this.nCols = cols;
  }

  /** `matrix.reverse(id)`: reverses element order (rows and columns). */
  reverse(): void {
    this.data.reverse();
  }

  /** `matrix.swap_rows(id, row1, row2)`. */
  swap_rows(a: number, b: number): void {
    for (let j = 0; j < this.nCols; j++) {
      const x = this.get(a, j);
      this.set(a, j, this.get(b, j));
      this.set(b, j, x);
    }
  }

  /** `matrix.swap_columns(id, column1, column2)`. */
  swap_columns(a: number, b: number): void {
    for (let i = 0; i < this.nRows; i++) {
      const x = this.get(i, a);
      this.set(i, a, this.get(i, b));
      this.set(i, b, x);
    }
  }

  /** `matrix.submatrix(id, from_row, to_row, from_column, to_column)` (ends exclusive). */
  submatrix(fromRow = 0, toRow = this.nRows, fromCol = 0, toCol = this.nCols): PineMatrix<T> {
    const out: T[] = [];
    for (let i = fromRow; i < toRow; i++) for (let j = fromCol; j < toCol; j++) out.push(this.get(i, j));
    return new PineMatrix<T>(toRow - fromRow, toCol - fromCol, out, this.naValue);
  }

  /** `matrix.concat(id1, id2)`: appends the rows of `other` to this matrix and returns it. */
  concat(other: PineMatrix<T>): this {
    if (other.nCols !== this.nCols)
      throw new PineRuntimeError('matrix-size', 'concat needs equal column counts.');
    this.data.push(...other.data);
    this.nRows += other.nRows;
    return this;
  }

  /** `matrix.is_square(id)`. */
  is_square(): boolean {
    return this.nRows === this.nCols;
  }

  /** Elements in row-major order (a copy). */
  elements(): T[] {
    return this.data.slice();
  }
}

/** The na of an element type, judged from a sample element: NaN for numbers, null otherwise. */
function naOf<T>(sample: T): T {
  return (typeof sample === 'number' ? NaN : null) as T;
}

/** A numeric matrix. */
export type NumMatrix = PineMatrix<number>;

function elementwise(a: NumMatrix, b: NumMatrix | number, op: (x: number, y: number) => number): NumMatrix {
  const out = a.copy();
  if (typeof b !== 'number' && (b.rows() !== a.rows() || b.columns() !== a.columns())) {
    throw new PineRuntimeError('matrix-size', 'Matrices must have the same dimensions.');
  }
  for (let i = 0; i < a.rows(); i++) {
    for (let j = 0; j < a.columns(); j++)
      out.set(i, j, op(a.get(i, j), typeof b === 'number' ? b : b.get(i, j)));
  }
  return out;
}

/** `matrix.sum(id1, id2)`: element-wise sum with a matrix or a scalar. */
export function matrixSum(a: NumMatrix, b: NumMatrix | number): NumMatrix {
  return elementwise(a, b, (x, y) => x + y);
}

/** `matrix.diff(id1, id2)`. */
export function matrixDiff(a: NumMatrix, b: NumMatrix | number): NumMatrix {
  return elementwise(a, b, (x, y) => x - y);
}

/** `matrix.mult(id1, id2)`: matrix product, scalar product, or matrix × vector (returns an array). */
export function matrixMult(a: NumMatrix, b: NumMatrix | number): NumMatrix;
export function matrixMult(a: NumMatrix, b: PineArray<number>): PineArray<number>;
export function matrixMult(
  a: NumMatrix,
  b: NumMatrix | number | PineArray<number>,
): NumMatrix | PineArray<number> {
  if (typeof b === 'number') return elementwise(a, b, (x, y) => x * y);
  if (b instanceof PineArray) {
    if (b.size() !== a.columns())
      throw new PineRuntimeError('matrix-size', 'Vector size must equal the matrix columns.');
    const v = b.toArray();
    const out: number[] = [];
    for (let i = 0; i < a.rows(); i++) {
      let s = 0;
      for (let j = 0; j < a.columns(); j++) s += a.get(i, j) * v[j];
      out.push(s);
    }
    return PineArray.wrap(out);
  }
  if (a.columns() !== b.rows())
    throw new PineRuntimeError('matrix-size', 'Columns of the first matrix must equal rows of the second.');
  const out = PineMatrix.create(a.rows(), b.columns(), 0);
  for (let i = 0; i < a.rows(); i++) {
    for (let j = 0; j < b.columns(); j++) {
      let s = 0;
      for (let k = 0; k < a.columns(); k++) s += a.get(i, k) * b.get(k, j);
      out.set(i, j, s);
    }
  }
  return out;
}

/** LU decomposition with partial pivoting (in place on a copy) and the permutation sign; null when singular. */
function lu(m: NumMatrix): { a: number[][]; sign: number } | null {
  const n = m.rows();
  const a = m.toRows();
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    if (a[p][k] === 0) return null;
    if (p !== k) {
      [a[p], a[k]] = [a[k], a[p]];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      a[i][k] /= a[k][k];
      for (let j = k + 1; j < n; j++) a[i][j] -= a[i][k] * a[k][j];
    }
  }
  return { a, sign };
}

function requireSquare(m: NumMatrix): void {
  if (!m.is_square()) throw new PineRuntimeError('matrix-size', 'The matrix must be square.');
}

/** `matrix.det(id)`: determinant via LU (0 for a singular matrix). */
export function matrixDet(m: NumMatrix): number {
  requireSquare(m);
  const d = lu(m);
  if (d === null) return 0;
  let det = d.sign;
  for (let i = 0; i < m.rows(); i++) det *= d.a[i][i];
  return det;
}

/** `matrix.inv(id)`: inverse by Gauss–Jordan; na-filled when singular. */
export function matrixInv(m: NumMatrix): NumMatrix {
  requireSquare(m);
  const n = m.rows();
  const a = m.toRows().map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    if (a[p][k] === 0) return PineMatrix.create(n, n, NaN);
    [a[p], a[k]] = [a[k], a[p]];
    const pivot = a[k][k];
    for (let j = 0; j < 2 * n; j++) a[k][j] /= pivot;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = a[i][k];
      for (let j = 0; j < 2 * n; j++) a[i][j] -= f * a[k][j];
    }
  }
  return PineMatrix.fromRows(a.map((row) => row.slice(n)));
}

/** `matrix.trace(id)`: sum of the diagonal. */
export function matrixTrace(m: NumMatrix): number {
  requireSquare(m);
  let s = 0;
  for (let i = 0; i < m.rows(); i++) s += m.get(i, i);
  return s;
}

/** `matrix.avg/min/max` over all elements (na skipped). */
export function matrixAvg(m: NumMatrix): number {
  const xs = m.elements().filter((x) => x === x);
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}
/** `matrix.max(id)`. */
export function matrixMax(m: NumMatrix): number {
  const xs = m.elements().filter((x) => x === x);
  return xs.length === 0 ? NaN : Math.max(...xs);
}
/** `matrix.min(id)`. */
export function matrixMin(m: NumMatrix): number {
  const xs = m.elements().filter((x) => x === x);
  return xs.length === 0 ? NaN : Math.min(...xs);
}

/** `matrix.pow(id, power)`: repeated product of a square matrix (power ≥ 0). */
export function matrixPow(m: NumMatrix, power: number): NumMatrix {
  requireSquare(m);
  let out = PineMatrix.create(m.rows(), m.rows(), 0);
  for (let i = 0; i < m.rows(); i++) out.set(i, i, 1);
  for (let k = 0; k < power; k++) out = matrixMult(out, m);
  return out;
}

/** `matrix.rank(id)`: row-echelon rank with a 1e-10 pivot threshold. */
export function matrixRank(m: NumMatrix): number {
  const a = m.toRows();
  let rank = 0;
  for (let c = 0; c < m.columns() && rank < m.rows(); c++) {
    let p = rank;
    for (let i = rank + 1; i < m.rows(); i++) if (Math.abs(a[i][c]) > Math.abs(a[p][c])) p = i;
    if (Math.abs(a[p][c]) < 1e-10) continue;
    [a[p], a[rank]] = [a[rank], a[p]];
    for (let i = rank + 1; i < m.rows(); i++) {
      const f = a[i][c] / a[rank][c];
      for (let j = c; j < m.columns(); j++) a[i][j] -= f * a[rank][j];
    }
    rank++;
  }
  return rank;
}
