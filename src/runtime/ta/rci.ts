import { FloatRing, intLength, isBadLength } from './ring.js';

/**
 * `ta.rci(source, length)` (rank correlation index): Spearman correlation ×100 between time (x = 0 for
 * the newest bar … length−1) and the values' ranks (the largest value has rank 0). Ties: values are
 * swept in ascending order and a group collects every value closer than 1e-10 to the group's smallest
 * member; each group gets its average rank. Moments: var = E[r²] − mean², covariance from deviation
 * products, `100·cov/(sd_x·sd_y)` — PyneCore's bit-exact TradingView pipeline. Na until `length + 1`
 * bars were seen (first value on bar index `length`, oracle rci.csv), on an na bar, and when the
 * window holds an na. O(length²) worst case per bar (insertion sort of the window), no allocation.
 */
export class Rci {
  private readonly history: FloatRing = new FloatRing(16);
  private order: Float64Array = new Float64Array(16);
  private ranks: Float64Array = new Float64Array(16);
  private bars = 0;

  /** One bar; NaN = na. */
  update(source: number, length: number): number {
    const n = intLength(length);
    if (isBadLength(n)) return NaN;
    this.history.reserve(n);
    this.history.push(source);
    this.bars++;
    if (Number.isNaN(source) || this.bars <= n) return NaN;
    if (this.order.length < n) {
      this.order = new Float64Array(n);
      this.ranks = new Float64Array(n);
    }
    if (!this.sortWindow(n)) return NaN;
    this.assignRanks(n);
    return correlationWithTime(this.ranks, n);
  }

  /** Fills `order` with window offsets by ascending value; false if the window holds an na. */
  private sortWindow(n: number): boolean {
    const h = this.history;
    const order = this.order;
    for (let k = 0; k < n; k++) {
      const v = h.get(k);
      if (Number.isNaN(v)) return false;
      let j = k - 1;
      while (j >= 0 && h.get(order[j]) > v) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    return true;
  }

  private assignRanks(n: number): void {
    const h = this.history;
    const order = this.order;
    let i = 0;
    while (i < n) {
      const anchor = h.get(order[i]);
      let j = i;
      while (j < n && h.get(order[j]) - anchor < 1e-10) j++;
      const averageRank = n - 1 - (i + i + (j - i) - 1) / 2;
      for (let t = i; t < j; t++) this.ranks[order[t]] = averageRank;
      i = j;
    }
  }
}

function correlationWithTime(ranks: Float64Array, n: number): number {
  let sumX = 0;
  let sumY = 0;
  let sumX2 = 0;
  let sumY2 = 0;
  for (let i = 0; i < n; i++) {
    const y = ranks[i];
    sumX += i;
    sumY += y;
    sumX2 += i * i;
    sumY2 += y * y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  const varX = sumX2 / n - meanX * meanX;
  const varY = sumY2 / n - meanY * meanY;
  if (varX <= 0 || varY <= 0) return NaN;
  let cov = 0;
  for (let i = 0; i < n; i++) cov += (i - meanX) * (ranks[i] - meanY);
  cov /= n;
  return (100 * cov) / (Math.sqrt(varX) * Math.sqrt(varY));
}
