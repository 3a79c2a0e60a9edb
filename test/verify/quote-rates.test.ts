import { describe, expect, it } from 'vitest';
import type { Trade } from '../../src/exports/trade.js';
import { dailyRatesCsv, inferDailyRates, parseDailyRates } from '../../src/verify/index.js';

/** A closed qty-1 long from 100 to `exit` on 2025-04-01 (UTC) whose export shows `profit` USD. */
function trade(exit: number, profit: number, day = '2025-04-01'): Trade {
  return {
    number: 1,
    direction: 'long',
    entryTime: Date.parse(`${day}T01:00Z`),
    entryPrice: 100,
    entrySignal: 'L',
    exitTime: Date.parse(`${day}T02:00Z`),
    exitPrice: exit,
    exitSignal: 'X',
    qty: 1,
    profit,
    profitPercent: 0,
    cumProfit: 0,
    runUp: 0,
    drawdown: 0,
    commission: 0,
    open: false,
    entryLine: 1,
    exitLine: 2,
  };
}

describe('inferDailyRates', () => {
  it('intersects the cent-rounding intervals of a day and outvotes a trade with commission', () => {
    // Each printed P&L bounds the rate to (P&L ± 0.005) / quote P&L: 9.99 on +10 USDT → [0.9985, 0.9995],
    // 19.99 on +20 → [0.99925, 0.99975], 49.97 on +50 → [0.9993, 0.9995]. Shared: [0.9993, 0.9995], middle
    // 0.9994. A fourth trade paid 1 USD commission (8.99 on +10 → [0.8985, 0.8995]) and is outvoted.
    const rates = inferDailyRates([[trade(110, 9.99), trade(120, 19.99), trade(100.5, 0.5)]]);
    expect(rates).toEqual([]);
  });

  it("takes the rate on the pair's 0.00001 tick that the trades admit, not the middle of their region", () => {
    // +1000 USDT shown as 999.79 USD → [0.999785, 0.999795]; +2500 as 2499.47 → [0.999786, 0.99979];
    // +4000 as 3999.16 → [0.99978875, 0.99979125]. Shared: [0.99978875, 0.99979], middle 0.999789375;
    // the one tick inside is 0.99979, the rate. rateTick 0 keeps the middle.
    const day = [trade(1100, 999.79), trade(2600, 2499.47), trade(4100, 3999.16)];
    expect(inferDailyRates([day]).map((r) => [r.rate, r.agreeing])).toEqual([[0.99979, 3]]);
    expect(inferDailyRates([day], 0)[0].rate).toBeCloseTo(0.999789375, 12);
  });

  it('round-trips through the CSV reader, which falls back to the latest earlier day', () => {
    const day1 = [trade(110, 9.99), trade(120, 19.99), trade(150, 49.97)];
    const day3 = ['2025-04-03', '2025-04-03', '2025-04-03'].map((d, i) =>
      trade(110 + 10 * i, 10 * (i + 1), d),
    );
    const csv = dailyRatesCsv(inferDailyRates([day1, day3]));
    const parsed = parseDailyRates(csv);
    if ('problems' in parsed) throw new Error('unexpected problems');
    expect(parsed.days).toBe(2);
    expect(parsed.lookup(Date.parse('2025-04-01T12:00Z'))).toBeCloseTo(0.9994, 9);
    expect(parsed.lookup(Date.parse('2025-04-02T12:00Z'))).toBeCloseTo(0.9994, 9);
    expect(parsed.lookup(Date.parse('2025-04-03T00:00Z'))).toBeCloseTo(1, 3);
    expect(parsed.lookup(Date.parse('2025-03-01T00:00Z'))).toBeCloseTo(0.9994, 9);
  });
});

describe('parseDailyRates', () => {
  it('reports every bad row with its line', () => {
    const parsed = parseDailyRates(
      'day,rate\n2025-04-01,1\n04/02/2025,1\n2025-04-03,-1\n2025-04-03,1\n2025-04-02,1\n',
    );
    expect('problems' in parsed && parsed.problems).toEqual([
      { line: 3, message: '"04/02/2025" is not a YYYY-MM-DD day' },
      { line: 4, message: 'rate "-1" is not a positive number' },
      { line: 6, message: '2025-04-02 is not after the day before it (days must ascend)' },
    ]);
  });

  it('refuses a file without rates', () => {
    expect(parseDailyRates('day,rate\n')).toEqual({
      problems: [{ line: 1, message: 'no rates in the file' }],
    });
  });
});
