import type { Diagnostic } from '../diagnostics/index.js';
import { robustCodes } from '../diagnostics/codes/robust.js';
import { binomial, forEachCombination } from './combinations.js';

/** Options of {@link pbo}. */
export interface PboOptions {
  /** S, the number of equal row blocks: even, 2 ≤ S ≤ 24 (C(S, S/2) combinations). Default 16. */
  readonly blocks?: number;
}

/** Result of {@link pbo}. */
export interface PboResult {
  /** Probability of Backtest Overfitting: the share of combinations with logit λ ≤ 0. */
  readonly pbo: number;
  /** λ_c = ln(ω_c / (1 − ω_c)) per combination, in combination order. */
  readonly logits: Float64Array;
  /** In-sample Sharpe of the in-sample best column, per combination. */
  readonly inSampleSharpe: Float64Array;
  /** Out-of-sample Sharpe of that same column, per combination. */
  readonly outOfSampleSharpe: Float64Array;
  /** OLS fit `OOS = intercept + slope·IS` over the combinations (performance degradation). */
  readonly degradation: { readonly slope: number; readonly intercept: number; readonly rSquared: number };
  /** Share of combinations whose selected column has a negative out-of-sample Sharpe. */
  readonly probabilityOfLoss: number;
  readonly combinations: number;
  readonly blocks: number;
  /** Rows per block, and the leading rows dropped so that all blocks are equal. */
  readonly rowsPerBlock: number;
  readonly droppedRows: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Sharpe from sums over m rows; a zero deviation gives ±Infinity by the mean's sign, or 0. */
function sharpeFromSums(sum: number, sumSq: number, m: number): number {
  const mean = sum / m;
  const variance = Math.max(0, (sumSq - sum * mean) / (m - 1));
  const sd = Math.sqrt(variance);
  if (sd > 0) return mean / sd;
  return mean > 0 ? Infinity : mean < 0 ? -Infinity : 0;
}

function invalid(message: string, blocks: number): PboResult {
  return {
    pbo: NaN,
    logits: new Float64Array(0),
    inSampleSharpe: new Float64Array(0),
    outOfSampleSharpe: new Float64Array(0),
    degradation: { slope: NaN, intercept: NaN, rSquared: NaN },
    probabilityOfLoss: NaN,
    combinations: 0,
    blocks,
    rowsPerBlock: 0,
    droppedRows: 0,
    diagnostics: [
      { code: robustCodes.invalidPboMatrix.code, severity: robustCodes.invalidPboMatrix.severity, message },
    ],
  };
}

/**
 * Probability of Backtest Overfitting by Combinatorially Symmetric Cross-Validation (Bailey,
 * Borwein, López de Prado & Zhu 2015, "The Probability of Backtest Overfitting", Journal of
 * Computational Finance 20(4)).
 *
 * `matrix[t][n]` is the return of configuration (trial) n in period t: T rows × N columns.
 * 1. Split the rows into S equal consecutive blocks (the first T mod S rows are dropped).
 * 2. For each of the C(S, S/2) ways to pick S/2 blocks as the training set J (its complement J̄ is
 *    the test set), compute every column's performance on J and on J̄. Performance is the Sharpe
 *    ratio `mean / std(ddof = 1)` of the column's returns over all rows of the set (a zero deviation
 *    counts as ±∞ by the mean's sign).
 * 3. n* = the column with the best in-sample Sharpe (first on ties). Its out-of-sample relative rank
 *    is ω = rank / (N + 1), rank ∈ 1…N ascending (ties share their average rank), and the logit is
 *    λ = ln(ω / (1 − ω)).
 * 4. PBO = share of combinations with λ ≤ 0: how often the in-sample winner is at or below the
 *    out-of-sample median. Also returned: the logit distribution, the regression of out-of-sample on
 *    in-sample Sharpe of n* (performance degradation) and the probability of an out-of-sample loss.
 *
 * Invalid inputs (ragged rows, non-finite values, N < 2, S odd or out of range, fewer rows than blocks·2) give NaN and a
 * diagnostic.
 */
export function pbo(matrix: readonly ArrayLike<number>[], options: PboOptions = {}): PboResult {
  const blocks = options.blocks ?? 16;
  const rows = matrix.length;
  const cols = rows > 0 ? matrix[0].length : 0;
  if (!Number.isInteger(blocks) || blocks < 2 || blocks > 24 || blocks % 2 !== 0) {
    return invalid(`PBO needs an even number of blocks between 2 and 24 (got ${blocks})`, blocks);
  }
  if (cols < 2) return invalid(`PBO needs at least 2 columns (configurations), got ${cols}`, blocks);
  for (let t = 0; t < rows; t++) {
    const row = matrix[t];
    if (row.length !== cols)
      return invalid(`PBO matrix row ${t} has ${row.length} values, expected ${cols}`, blocks);
    for (let n = 0; n < cols; n++) {
      if (!Number.isFinite(row[n]))
        return invalid(`PBO matrix value at row ${t}, column ${n} is ${row[n]}`, blocks);
    }
  }
  const rowsPerBlock = Math.floor(rows / blocks);
  if (rowsPerBlock * (blocks / 2) < 2) {
    return invalid(`PBO needs at least ${blocks} rows so that each half has 2 (got ${rows})`, blocks);
  }
  const dropped = rows - rowsPerBlock * blocks;
  const diagnostics: Diagnostic[] = [];
  if (dropped > 0) {
    diagnostics.push({
      code: robustCodes.pboRowsDropped.code,
      severity: robustCodes.pboRowsDropped.severity,
      message: `PBO dropped the first ${dropped} of ${rows} rows to split the rest into ${blocks} blocks of ${rowsPerBlock}`,
    });
  }

  // Per block and column: Σr and Σr², so each combination costs O(S·N), not O(T·N).
  const blockSum = new Float64Array(blocks * cols);
  const blockSumSq = new Float64Array(blocks * cols);
  for (let b = 0; b < blocks; b++) {
    for (let t = dropped + b * rowsPerBlock; t < dropped + (b + 1) * rowsPerBlock; t++) {
      const row = matrix[t];
      for (let n = 0; n < cols; n++) {
        const r = row[n];
        blockSum[b * cols + n] += r;
        blockSumSq[b * cols + n] += r * r;
      }
    }
  }
  const totalSum = new Float64Array(cols);
  const totalSumSq = new Float64Array(cols);
  for (let b = 0; b < blocks; b++) {
    for (let n = 0; n < cols; n++) {
      totalSum[n] += blockSum[b * cols + n];
      totalSumSq[n] += blockSumSq[b * cols + n];
    }
  }

  const half = blocks / 2;
  const halfRows = half * rowsPerBlock;
  const count = binomial(blocks, half);
  const logits = new Float64Array(count);
  const isSharpe = new Float64Array(count);
  const oosSharpe = new Float64Array(count);
  const trainSum = new Float64Array(cols);
  const trainSumSq = new Float64Array(cols);
  const testSharpe = new Float64Array(cols);
  let c = 0;
  forEachCombination(blocks, half, (chosen) => {
    trainSum.fill(0);
    trainSumSq.fill(0);
    for (let i = 0; i < half; i++) {
      const base = chosen[i] * cols;
      for (let n = 0; n < cols; n++) {
        trainSum[n] += blockSum[base + n];
        trainSumSq[n] += blockSumSq[base + n];
      }
    }
    let best = 0;
    let bestSharpe = -Infinity;
    for (let n = 0; n < cols; n++) {
      const s = sharpeFromSums(trainSum[n], trainSumSq[n], halfRows);
      if (n === 0 || s > bestSharpe) {
        bestSharpe = s;
        best = n;
      }
      testSharpe[n] = sharpeFromSums(totalSum[n] - trainSum[n], totalSumSq[n] - trainSumSq[n], halfRows);
    }
    const selected = testSharpe[best];
    let below = 0;
    let ties = 0;
    for (let n = 0; n < cols; n++) {
      if (testSharpe[n] < selected) below++;
      else if (testSharpe[n] === selected && n !== best) ties++;
    }
    const rank = 1 + below + ties / 2;
    const omega = rank / (cols + 1);
    logits[c] = Math.log(omega / (1 - omega));
    isSharpe[c] = bestSharpe;
    oosSharpe[c] = selected;
    c++;
  });

  let overfit = 0;
  let losses = 0;
  for (let i = 0; i < count; i++) {
    if (logits[i] <= 0) overfit++;
    if (oosSharpe[i] < 0) losses++;
  }
  return {
    pbo: overfit / count,
    logits,
    inSampleSharpe: isSharpe,
    outOfSampleSharpe: oosSharpe,
    degradation: linearFit(isSharpe, oosSharpe),
    probabilityOfLoss: losses / count,
    combinations: count,
    blocks,
    rowsPerBlock,
    droppedRows: dropped,
    diagnostics,
  };
}

/** Ordinary least squares `y = a + b·x` over the pairs where both are finite. */
function linearFit(
  x: Float64Array,
  y: Float64Array,
): { readonly slope: number; readonly intercept: number; readonly rSquared: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  }
  if (n < 2) return { slope: NaN, intercept: NaN, rSquared: NaN };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      const dx = x[i] - mx;
      const dy = y[i] - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
  }
  if (sxx === 0) return { slope: NaN, intercept: NaN, rSquared: NaN };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, rSquared: syy === 0 ? NaN : (sxy * sxy) / (sxx * syy) };
}

/** {@link pbo} for trials given as columns: `trials[n][t]` is trial n's return in period t. */
export function pboFromTrials(trials: readonly ArrayLike<number>[], options: PboOptions = {}): PboResult {
  const periods = trials.length > 0 ? trials[0].length : 0;
  const ragged = trials.findIndex((t) => t.length !== periods);
  if (ragged >= 0) {
    return invalid(
      `PBO trial ${ragged} has ${trials[ragged].length} periods, expected ${periods}`,
      options.blocks ?? 16,
    );
  }
  const rows: Float64Array[] = [];
  for (let t = 0; t < periods; t++) {
    const row = new Float64Array(trials.length);
    for (let n = 0; n < trials.length; n++) row[n] = trials[n][t];
    rows.push(row);
  }
  return pbo(rows, options);
}
