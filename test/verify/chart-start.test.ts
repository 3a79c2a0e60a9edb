import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trade } from '../../src/exports/trade.js';
import { chartStartFor, chartStartRulesSchema, type ChartStartRules } from '../../src/verify/index.js';

function trade(entry: string, exit: string | undefined): Trade {
  return {
    number: 1,
    direction: 'long',
    entryTime: Date.parse(entry),
    entryPrice: 100,
    entrySignal: 'L',
    exitTime: exit === undefined ? Number.NaN : Date.parse(exit),
    exitPrice: exit === undefined ? Number.NaN : 101,
    exitSignal: exit === undefined ? '' : 'X',
    qty: 1,
    profit: 1,
    profitPercent: 1,
    cumProfit: 1,
    runUp: 1,
    drawdown: 0,
    commission: 0,
    open: exit === undefined,
    entryLine: 1,
    exitLine: 2,
  };
}

const rules: ChartStartRules = {
  description: 'test',
  rules: [
    {
      exportEndsFrom: '2026-04-03T00:00:00Z',
      exportEndsBefore: '2026-04-10T00:00:00Z',
      chartStart: '2025-04-05T00:00:00Z',
      evidence: 'hand-made',
    },
  ],
};

describe('chartStartFor', () => {
  it("picks the rule whose range holds the export's last exit", () => {
    const trades = [
      trade('2025-04-05T10:00Z', '2025-04-06T00:00Z'),
      trade('2026-04-04T00:00Z', '2026-04-05T20:45Z'),
    ];
    expect(chartStartFor(trades, rules)).toBe(Date.parse('2025-04-05T00:00:00Z'));
  });

  it('uses the last entry when the last trade is still open', () => {
    expect(chartStartFor([trade('2026-04-09T23:59Z', undefined)], rules)).toBe(
      Date.parse('2025-04-05T00:00Z'),
    );
  });

  it('applies no rule outside the range (end bound excluded) nor to an empty export', () => {
    expect(chartStartFor([trade('2026-04-01T00:00Z', '2026-04-02T23:45Z')], rules)).toBeUndefined();
    expect(chartStartFor([trade('2026-04-09T00:00Z', '2026-04-10T00:00Z')], rules)).toBeUndefined();
    expect(chartStartFor([], rules)).toBeUndefined();
  });

  it('the shipped rules file for the shared corpus validates', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('../../data/parity/eth-usdt-15m.chart-starts.json', import.meta.url), 'utf8'),
    );
    expect(chartStartRulesSchema.safeParse(json).success).toBe(true);
  });

  it('rejects a rule with a time that is not ISO-8601', () => {
    const bad = { description: 'x', rules: [{ ...rules.rules[0], chartStart: 'April 5th' }] };
    expect(chartStartRulesSchema.safeParse(bad).success).toBe(false);
  });
});
