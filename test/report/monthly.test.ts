import { describe, expect, it } from 'vitest';
import { drawdownPercent, periodReturns } from '../../src/report/monthly.js';

const at = (iso: string): number => Date.parse(`${iso}Z`);

describe('monthly returns of an equity curve', () => {
  it('measures each month close over the previous close, carrying empty months, compounding years', () => {
    const times = [
      at('2024-01-15T00:00:00'),
      at('2024-01-31T23:45:00'),
      at('2024-02-10T12:00:00'),
      at('2024-04-05T00:00:00'),
      at('2025-01-02T00:00:00'),
    ];
    const equity = [100, 110, 99, 108.9, 100];
    const { months, years } = periodReturns(times, equity);
    // Jan 2024: 110 / 100 − 1 = +10 %; Feb: 99 / 110 − 1 = −10 %; Mar has no point: 99 / 99 − 1 = 0;
    // Apr: 108.9 / 99 − 1 = +10 %; May–Dec: 0; Jan 2025: 100 / 108.9 − 1 = −8.17263545 %.
    const expected = [10, -10, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, (100 / 108.9 - 1) * 100];
    expect(months.map((m) => `${String(m.year)}-${String(m.month + 1)}`)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1)}`),
      '2025-1',
    ]);
    for (const [i, m] of months.entries()) expect(m.returnPercent).toBeCloseTo(expected[i], 10);
    // 2024: 108.9 / 100 − 1 = +8.9 % (1.1 · 0.9 · 1.1 compounded); 2025: from 108.9 to 100.
    expect(years.map((y) => y.year)).toEqual([2024, 2025]);
    expect(years[0].returnPercent).toBeCloseTo(8.9, 10);
    expect(years[1].returnPercent).toBeCloseTo(-8.17263545, 8);
  });

  it('skips non-finite points and returns nothing for an empty curve', () => {
    expect(periodReturns([], [])).toEqual({ months: [], years: [] });
    const { months } = periodReturns(
      [Number.NaN, at('2024-03-01T00:00:00'), at('2024-03-31T00:00:00')],
      [1, 200, 210],
    );
    expect(months).toHaveLength(1);
    expect(months[0].returnPercent).toBeCloseTo(5, 10); // 210 / 200 − 1
  });

  it('measures drawdown from the running peak in percent', () => {
    // Peaks 100, 120, 120, 130: 90 is 25 % under 120.
    expect(Array.from(drawdownPercent([100, 120, 90, 130]))).toEqual([0, 0, -25, 0]);
  });
});
