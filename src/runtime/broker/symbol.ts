/**
 * Symbol facts the broker needs, and the price/quantity rounding rules that depend on them.
 * Every helper is a pure function: no state lives at module level.
 */

/** What the broker must know about the traded instrument. */
export interface SymbolInfo {
  /** Smallest price increment (`syminfo.mintick`). */
  readonly mintick: number;
  /** Currency value of a one-point move for one contract (`syminfo.pointvalue`). */
  readonly pointValue: number;
  /**
   * Smallest quantity increment used when the broker computes a size itself (percent of equity,
   * cash). TradingView floors computed crypto sizes to 4 decimals (corpus: analyzer-parity-percent-of-
   * equity-sizing-01 sizes 547.6178; pyramid-cash-fractional-commission-01 sizes 27.6798).
   */
  readonly qtyStep: number;
}

/** Relative tolerance used to decide that a price already sits on a tick (absorbs float noise). */
const TICK_EPSILON = 1e-9;

/** Rounds to the nearest multiple of `tick` (half away from zero), cleaning float noise. */
export function roundToTick(price: number, tick: number): number {
  if (!(tick > 0) || Number.isNaN(price)) return price;
  const n = price / tick;
  const r = Math.sign(n) * Math.round(Math.abs(n));
  return cleanMultiple(r, tick);
}

/** Largest multiple of `tick` at or below `price` (a price within 1e-9 ticks of a tick counts as on it). */
export function floorToTick(price: number, tick: number): number {
  if (!(tick > 0) || Number.isNaN(price)) return price;
  return cleanMultiple(Math.floor(price / tick + TICK_EPSILON), tick);
}

/** Smallest multiple of `tick` at or above `price` (a price within 1e-9 ticks of a tick counts as on it). */
export function ceilToTick(price: number, tick: number): number {
  if (!(tick > 0) || Number.isNaN(price)) return price;
  return cleanMultiple(Math.ceil(price / tick - TICK_EPSILON), tick);
}

/** Floors a quantity to the quantity step; sizes are never rounded up (that could overspend). */
export function floorToStep(qty: number, step: number): number {
  if (!(step > 0)) return qty;
  return cleanMultiple(Math.floor(qty / step + TICK_EPSILON), step);
}

/**
 * `k * tick` computed so that decimal ticks give the shortest decimal (0.01 * 181251 → 1812.51, not
 * 1812.5100000000002): divide by the inverse when the tick is a power of ten's reciprocal.
 */
function cleanMultiple(k: number, tick: number): number {
  const inv = 1 / tick;
  const invRounded = Math.round(inv);
  if (invRounded > 0 && Math.abs(inv - invRounded) < 1e-9 * invRounded) return k / invRounded;
  return k * tick;
}
