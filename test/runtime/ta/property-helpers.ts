import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Prices on a 1/8 grid (so windows hold exact ties, which exercise the tie rules), some arbitrary
 * doubles, and na gaps.
 */
export const price: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(NaN) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 24 }).map((v) => 1 + v / 8) },
  { weight: 2, arbitrary: fc.double({ min: 0.5, max: 4, noNaN: true }) },
);

/** A price series with na gaps. */
export const series: fc.Arbitrary<number[]> = fc.array(price, { minLength: 1, maxLength: 60 });

/** A series without gaps (for the OHLC-driven built-ins: a feed's prices are never na). */
export const denseSeries: fc.Arbitrary<number[]> = fc.array(
  fc.integer({ min: 0, max: 24 }).map((v) => 1 + v / 8),
  { minLength: 1, maxLength: 60 },
);

/**
 * A per-bar length plan: constant most of the time, else changing every bar. Lengths stay ≤ 12 so
 * they never outgrow the 16-slot history every window starts with (history older than the longest
 * length seen so far is not kept, as on TradingView).
 */
export const lengths: fc.Arbitrary<(i: number) => number> = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.boolean(),
    fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 60, maxLength: 60 }),
  )
  .map(
    ([base, varying, plan]) =>
      (i: number) =>
        varying ? plan[i] : base,
  );

/** Asserts actual(i) ≈ expected(i) on every bar: both NaN, or within `tol` relative (absolute below 1). */
export function expectSameSeries(
  length: number,
  actual: (i: number) => number,
  expected: (i: number) => number,
  tol = 1e-9,
): void {
  for (let i = 0; i < length; i++) {
    const a = actual(i);
    const e = expected(i);
    const same = (Number.isNaN(a) && Number.isNaN(e)) || Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
    if (!same) expect({ bar: i, actual: a }).toEqual({ bar: i, actual: e });
  }
}

/** Runs a property with a fixed seed-independent budget (fast-check's default 100 runs). */
export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  fc.assert(fc.property(arb, predicate), { numRuns: 150 });
}
