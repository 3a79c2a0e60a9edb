import { describe, expect, it } from 'vitest';
import { makeTrade, readTradesJson, writeTradesJson } from '../../src/exports/index.js';

describe('trade JSON', () => {
  it('round-trips through writeTradesJson / readTradesJson', () => {
    const trades = [
      makeTrade({
        number: 1,
        direction: 'long',
        entryTime: Date.UTC(2025, 2, 31, 0, 15),
        entryPrice: 1807.82,
        exitTime: Date.UTC(2025, 3, 1),
        exitPrice: 1821.59,
        qty: 1,
        profit: 13.77,
        entrySignal: 'pyramid-add',
      }),
    ];
    const back = readTradesJson(writeTradesJson(trades));
    expect(back.diagnostics).toEqual([]);
    expect(back.trades).toEqual(trades);
  });

  it('reads ISO strings: with offset as given, naive ones in the timezone', () => {
    const text = JSON.stringify([
      {
        direction: 'short',
        entryTime: '2025-04-02T10:30:00+08:00',
        exitTime: '2025-04-02 14:45',
        entryPrice: 1850.5,
        exitPrice: 1840.25,
        qty: 2,
      },
    ]);
    const [t] = readTradesJson(text, { timezone: 'UTC+8' }).trades;
    expect([t.number, t.entryTime, t.exitTime, t.profit]).toEqual([
      1,
      Date.UTC(2025, 3, 2, 2, 30),
      Date.UTC(2025, 3, 2, 6, 45),
      Number.NaN,
    ]);
  });

  it('reports malformed input per trade', () => {
    const text = JSON.stringify({ trades: [{ direction: 'up' }, { direction: 'long', entryTime: 'soon' }] });
    expect(
      readTradesJson(text, { file: 'o.json' }).diagnostics.map((d) => [d.code, d.file, d.message]),
    ).toEqual([
      ['PP4110', 'o.json', 'trade 0: direction must be "long" or "short"'],
      ['PP4110', 'o.json', 'trade 1: entryTime must be UNIX ms or an ISO-8601 string'],
    ]);
    expect(readTradesJson('{').diagnostics[0].code).toBe('PP4110');
  });
});
