import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatFraction,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPrice,
  formatTrimmed,
  MINUS,
  parseFormatted,
  signClass,
} from '../../src/report/format.js';

describe('TradingView number formatting', () => {
  it('groups thousands, uses the Unicode minus and appends the currency', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatMoney(-1234.56, 'USDT')).toBe('\u22121,234.56 USDT');
    expect(formatMoney(1234567.891, 'USD')).toBe('1,234,567.89 USD');
    expect(formatMoney(999.995, 'USD')).toBe('1,000.00 USD'); // 999.995 is stored as 999.99500000000000455
    expect(formatNumber(100)).toBe('100.00');
    expect(formatNumber(1000)).toBe('1,000.00');
    expect(formatNumber(-0.5, 0)).toBe('\u22121'); // toFixed rounds half away from zero on the magnitude
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0.004)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0.00');
    expect(signClass(-0.004)).toBe('');
    expect(signClass(-0.006)).toBe('neg');
    expect(signClass(0.006)).toBe('pos');
  });

  it('shows N/A for undefined values and ∞ for infinite ones', () => {
    expect(formatMoney(Number.NaN, 'USDT')).toBe('N/A');
    expect(formatPercent(Number.NaN)).toBe('N/A');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('\u2212∞');
  });

  it('formats percent values, fractions, counts and trimmed values', () => {
    expect(formatPercent(-12.3456)).toBe('\u221212.35%');
    expect(formatFraction(0.1234)).toBe('12.34%');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatTrimmed(97.5)).toBe('97.5');
    expect(formatTrimmed(15)).toBe('15');
    expect(formatTrimmed(1500)).toBe('1,500');
    expect(formatTrimmed(0.43219, 4)).toBe('0.4322');
  });

  it('gives prices the decimals they need, from 2 to 8', () => {
    expect(formatPrice(1589.05)).toBe('1,589.05');
    expect(formatPrice(1589)).toBe('1,589.00');
    expect(formatPrice(1.23456)).toBe('1.23456');
    expect(formatPrice(0.00001234)).toBe('0.00001234');
  });

  it('formats times in UTC', () => {
    // 1745182800000 = 2025-04-20T21:00:00Z, the fixture's first bar.
    expect(formatDateTime(1745182800000)).toBe('2025-04-20 21:00');
    expect(formatDate(1745182800000)).toBe('2025-04-20');
    expect(formatDateTime(Number.NaN)).toBe('');
  });

  it('reads back what it wrote, to the precision shown', () => {
    expect(parseFormatted('\u22121,234.56 USDT')).toBe(-1234.56);
    expect(parseFormatted('12.34%')).toBe(12.34);
    expect(parseFormatted('N/A')).toBeNaN();
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        expect(Math.abs(parseFormatted(formatMoney(v, 'USDT')) - v)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});
