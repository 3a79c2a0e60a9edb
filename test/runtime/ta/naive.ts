/**
 * Plain O(length) reference implementations of the ta.* rules, written from the definitions in the
 * reference manual / the rule comments, re-deriving every bar from the whole input prefix (no rolling
 * state). `xs[0..i]` is the input up to bar i; NaN = na.
 */

const isNa = (x: number): boolean => Number.isNaN(x);

/** The non-na values among xs[0..i], oldest first. */
export function compacted(xs: readonly number[], i: number): number[] {
  return xs.slice(0, i + 1).filter((x) => !isNa(x));
}

/** The last `n` values of an array (fewer if it is shorter). */
const tail = (values: number[], n: number): number[] => values.slice(Math.max(0, values.length - n));

export function naiveSma(xs: readonly number[], i: number, n: number): number {
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  return tail(v, n).reduce((a, b) => a + b, 0) / n;
}

export function naiveEma(xs: readonly number[], i: number, n: number, kind: 'ema' | 'rma'): number {
  if (isNa(xs[i])) return NaN;
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  let value = v.slice(0, n).reduce((a, b) => a + b, 0) / n;
  for (let k = n; k < v.length; k++) {
    value = kind === 'ema' ? value + (2 / (n + 1)) * (v[k] - value) : (value * (n - 1) + v[k]) / n;
  }
  return value;
}

export function naiveWma(xs: readonly number[], i: number, n: number): number {
  if (isNa(xs[i]) || compacted(xs, i).length < n) return NaN;
  const filled: number[] = [];
  let last = NaN;
  for (let k = 0; k <= i; k++) {
    if (!isNa(xs[k])) last = xs[k];
    filled.push(last);
  }
  const w = tail(filled, n);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += w[k] * (k + 1);
  return sum / ((n * (n + 1)) / 2);
}

/** Population (or sample) variance by the two-pass formula over the last n non-na values. */
export function naiveVariance(xs: readonly number[], i: number, n: number, biased: boolean): number {
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  if (!biased && n === 1) return NaN;
  const w = tail(v, n);
  const mean = w.reduce((a, b) => a + b, 0) / n;
  return w.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (biased ? n : n - 1);
}

export function naiveDev(xs: readonly number[], i: number, n: number): number {
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  const w = tail(v, n);
  const mean = w.reduce((a, b) => a + b, 0) / n;
  return w.reduce((a, b) => a + Math.abs(b - mean), 0) / n;
}

/** The last n bars' values (NaN slots kept), oldest first; shorter at the start. */
export const barWindow = (xs: readonly number[], i: number, n: number): number[] =>
  xs.slice(Math.max(0, i + 1 - n), i + 1);

/** Highest (or lowest) of the last n bars and its offset; on ties the oldest (or newest) bar. */
export function naiveExtreme(
  xs: readonly number[],
  i: number,
  n: number,
  maximum: boolean,
  newestWins: boolean,
): { value: number; offset: number } {
  let value = NaN;
  let offset = NaN;
  for (let k = Math.max(0, i + 1 - n); k <= i; k++) {
    const x = xs[k];
    if (isNa(x)) continue;
    const better = isNa(value) || (maximum ? x > value : x < value) || (newestWins && x === value);
    if (better) {
      value = x;
      offset = i - k;
    }
  }
  return { value, offset };
}

export function naiveMedian(xs: readonly number[], i: number, n: number): number {
  const v = compacted(xs, i);
  if (isNa(xs[i]) || v.length < n) return NaN;
  const w = tail(v, n).sort((a, b) => a - b);
  return n % 2 === 1 ? w[(n - 1) / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
}

export function naiveMode(xs: readonly number[], i: number, n: number): number {
  if (isNa(xs[i]) || i + 1 < n) return NaN;
  const w = barWindow(xs, i, n).filter((x) => !isNa(x));
  let best = NaN;
  let bestCount = 0;
  for (const x of w) {
    const count = w.filter((y) => y === x).length;
    if (count > bestCount || (count === bestCount && x < best)) {
      best = x;
      bestCount = count;
    }
  }
  return best;
}

/** Sorted window with na elements sorting after every number, as Pine's arrays do. */
function sortedWithNaLast(xs: readonly number[], i: number, n: number): number[] {
  const w = barWindow(xs, i, n);
  return [...w.filter((x) => !isNa(x)).sort((a, b) => a - b), ...w.filter(isNa)];
}

export function naiveNearestRank(xs: readonly number[], i: number, n: number, p: number): number {
  if (isNa(xs[i]) || i + 1 < n) return NaN;
  const s = sortedWithNaLast(xs, i, n);
  const rank = p === 0 ? 1 : Math.min(Math.max(Math.ceil((p * n) / 100), 1), n);
  return s[rank - 1];
}

export function naiveLinearInterpolation(xs: readonly number[], i: number, n: number, p: number): number {
  if (isNa(xs[i]) || i + 1 < n) return NaN;
  const s = sortedWithNaLast(xs, i, n);
  const pos = Math.min(Math.max((n * p) / 100 + 0.5, 1), n);
  const lower = Math.floor(pos);
  const frac = pos - lower;
  if (frac === 0) return s[lower - 1];
  // With any na in the window a position between two ranks has no value (Pine array semantics).
  if (s.some(isNa)) return NaN;
  return s[lower - 1] * (1 - frac) + s[lower] * frac;
}

export function naivePercentrank(xs: readonly number[], i: number, n: number): number {
  if (isNa(xs[i]) || i < n) return NaN;
  const w = barWindow(xs, i, n + 1);
  const atOrBelow = w.filter((x) => !isNa(x) && x - xs[i] <= 1e-10).length;
  return ((atOrBelow - 1) * 100) / n;
}

/** Least-squares line through the last n non-na values at x = 1..n, evaluated at x = n − offset. */
export function naiveLinreg(xs: readonly number[], i: number, n: number, offset: number): number {
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  const w = tail(v, n);
  const mx = (n + 1) / 2;
  const my = w.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (k + 1 - mx) * (w[k] - my);
    sxx += (k + 1 - mx) * (k + 1 - mx);
  }
  const slope = sxy / sxx;
  return my + slope * (n - offset - mx);
}

/** Pearson correlation over the last n bars (both series share their na bars). */
export function naiveCorrelation(xs: readonly number[], ys: readonly number[], i: number, n: number): number {
  const x = tail(compacted(xs, i), n);
  const y = tail(compacted(ys, i), n);
  if (x.length < n) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let k = 0; k < n; k++) {
    cov += (x[k] - mx) * (y[k] - my);
    vx += (x[k] - mx) ** 2;
    vy += (y[k] - my) ** 2;
  }
  if (Math.abs(cov / n) <= 1e-10) return 0;
  return cov / Math.sqrt(vx * vy);
}

export function naiveCog(xs: readonly number[], i: number, n: number): number {
  const v = compacted(xs, i);
  if (v.length < n) return NaN;
  const newestFirst = tail(v, n).reverse();
  let num = 0;
  let den = 0;
  newestFirst.forEach((x, k) => {
    num += x * (k + 1);
    den += x;
  });
  return -num / den;
}

/** Spearman rank correlation ×100 of the last n bars against time (newest first, ties averaged). */
export function naiveRci(xs: readonly number[], i: number, n: number): number {
  if (i < n || isNa(xs[i])) return NaN;
  const newestFirst = barWindow(xs, i, n).reverse();
  if (newestFirst.some(isNa)) return NaN;
  const ranks = newestFirst.map((x) => {
    const above = newestFirst.filter((y) => y - x >= 1e-10).length;
    const tied = newestFirst.filter((y) => Math.abs(y - x) < 1e-10).length;
    return above + (tied - 1) / 2;
  });
  const times = newestFirst.map((_, k) => k);
  const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / n;
  const mt = mean(times);
  const mr = mean(ranks);
  let cov = 0;
  let vt = 0;
  let vr = 0;
  for (let k = 0; k < n; k++) {
    cov += (times[k] - mt) * (ranks[k] - mr);
    vt += (times[k] - mt) ** 2;
    vr += (ranks[k] - mr) ** 2;
  }
  if (vt === 0 || vr === 0) return NaN;
  return (100 * cov) / Math.sqrt(vt * vr);
}
