import { describe, expect, it } from 'vitest';
import { ceilToTick, floorToStep, floorToTick, roundToTick } from '../../../src/runtime/broker/symbol.js';

describe('tick rounding', () => {
  it('snaps to clean decimals (0.01 × 181251 is 1812.51, not 1812.5100000000002)', () => {
    expect(roundToTick(1812.5099999, 0.01)).toBe(1812.51);
    expect(floorToTick(1802.75 * 0.996, 0.01)).toBe(1795.53); // 1795.539
    expect(ceilToTick(1802.75 * 1.004, 0.01)).toBe(1809.97); // 1809.961
  });
  it('treats float noise at a tick as on the tick', () => {
    // 1.1 + 2.2 = 3.3000000000000003 must not ceil to 3.31.
    expect(ceilToTick(1.1 + 2.2, 0.01)).toBe(3.3);
    expect(floorToTick(0.1 * 3, 0.1)).toBe(0.3);
  });
  it('counts a price within 1e-4 ticks of a tick as on it (TradingView keeps 7e-5, not 1.1e-4)', () => {
    // Corpus levels (see PRICE_TICK_EPSILON): an ATR limit 3760.4800006 filled at 3760.48, a sell stop
    // 1843.6899989 at 1843.68.
    expect(ceilToTick(3760.480000607087, 0.01)).toBe(3760.48);
    expect(ceilToTick(2463.3000002862696, 0.01)).toBe(2463.3);
    expect(floorToTick(1843.6899988997072, 0.01)).toBe(1843.68);
    expect(ceilToTick(3760.4800011, 0.01)).toBe(3760.49);
  });
  it('floors quantities to the step', () => {
    expect(floorToStep(990000 / 1807.83, 0.0001)).toBe(547.6178);
  });
});
