import { EPSILON } from '../core/numeric.js';

/** Pine's element equality for array/map searches: tolerant for two numbers, identity otherwise. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') {
    const d = a - b;
    return d <= EPSILON && d >= -EPSILON;
  }
  return false;
}

/** True for Pine na in any element type: NaN, null, undefined. */
export function isNaElement(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'number' && x !== x);
}

/** Ascending order of two non-na numbers or strings (strings by UTF-16 code unit, as Java's compareTo). */
export function ascending(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
