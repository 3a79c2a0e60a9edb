import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Trade } from '../../../src/runtime/broker/trade.js';

/** An open trade as the ledger opens one: extremes at the entry, drawdown = −commission·rate. */
function openTrade(direction: number, qty: number, entry: number, commission: number, rate: number): Trade {
  const t = new Trade();
  t.direction = direction;
  t.qty = qty;
  t.initialQty = qty;
  t.entryPrice = entry;
  t.entryCommission = commission;
  t.highPrice = entry;
  t.lowPrice = entry;
  t.drawdownValue = -commission * rate;
  return t;
}

const cents = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.integer({ min: lo * 100, max: hi * 100 }).map((c) => c / 100);

describe('Trade.touchRange', () => {
  it('leaves every field as touching the low and the high one after the other does', () => {
    // The broker's quiet bar touches only the favourable extreme for the run-up and the adverse one
    // for the drawdown; the reference is the plain per-price `touch` at both, over several bars.
    fc.assert(
      fc.property(
        fc.constantFrom(1, -1),
        fc.constantFrom(1, 0.5, 2, 0.013, 3.7),
        cents(1000, 4000),
        fc.constantFrom(0, 0.37, 1.2),
        fc.constantFrom(1, 0.9997, 1.0021),
        fc.array(fc.tuple(cents(-60, 60), cents(0, 40)), { minLength: 1, maxLength: 6 }),
        (direction, qty, entry, commission, rate, bars) => {
          const reference = openTrade(direction, qty, entry, commission, rate);
          const ranged = openTrade(direction, qty, entry, commission, rate);
          for (const [offset, width] of bars) {
            const low = entry + offset;
            const high = low + width;
            reference.touch(low, 1, rate);
            reference.touch(high, 1, rate);
            ranged.touchRange(low, high, 1, rate);
          }
          expect(ranged).toEqual(reference);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('follows a long from its entry: run-up from the high, drawdown from the low', () => {
    // Long 2 at 100, commission 0.5: a bar 97–104 gives (104 − 100)·2 − 0.5 = 7.5 run-up and
    // (97 − 100)·2 − 0.5 = −6.5 drawdown.
    const t = openTrade(1, 2, 100, 0.5, 1);
    t.touchRange(97, 104, 1, 1);
    expect([t.runUpValue, t.drawdownValue, t.lowPrice, t.highPrice]).toEqual([7.5, -6.5, 97, 104]);
  });
});
