import type { Trade } from '../../src/exports/index.js';

/**
 * The two trades every hand-made fixture in test/fixtures/data/trades holds (see its README). Times:
 * the files say 2025-03-31 08:15 in the exporter's UTC+8 chart timezone, i.e. 00:15 UTC — the open of
 * the warm-up feed's bar 1743380100000, whose open 1807.82 is the entry price.
 */
export const EXPECTED_TRADES: readonly Omit<
  Trade,
  'entryLine' | 'exitLine' | 'commission' | 'profitPercent'
>[] = [
  {
    number: 1,
    direction: 'long',
    entryTime: Date.UTC(2025, 2, 31, 0, 15),
    entryPrice: 1807.82,
    entrySignal: 'pyramid-add',
    exitTime: Date.UTC(2025, 3, 1, 0, 0),
    exitPrice: 1821.59,
    exitSignal: 'daily-exit',
    qty: 1,
    profit: 13.77,
    cumProfit: 13.77,
    runUp: 45.52,
    drawdown: -31.9,
    open: false,
  },
  {
    number: 2,
    direction: 'short',
    entryTime: Date.UTC(2025, 3, 2, 2, 30),
    entryPrice: 1850.5,
    entrySignal: 'Sell, market order',
    exitTime: Date.UTC(2025, 3, 2, 6, 45),
    exitPrice: 1840.25,
    exitSignal: 'Close entry(s) order Sell',
    qty: 2,
    profit: 20.5,
    cumProfit: 34.27,
    runUp: 30.1,
    drawdown: -12.4,
    open: false,
  },
];
