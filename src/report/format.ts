/**
 * Number and time formatting as TradingView's Strategy Tester shows it: `,` thousands separators,
 * `.` decimals, a Unicode minus (U+2212) for negatives, money followed by the currency code, percent
 * values with 2 decimals, "N/A" where a value is undefined. Locale-independent on purpose: a report
 * must read the same on every machine.
 */

/** TradingView's minus sign (U+2212), wider than a hyphen and aligned with `+`. */
export const MINUS = '\u2212';

/** Shown for an undefined value (NaN), as TradingView does. */
export const NOT_AVAILABLE = 'N/A';

/**
 * `value` with `decimals` fraction digits and thousands separators: `-1234.5` → `−1,234.50`.
 * A value that rounds to zero has no sign; NaN gives `N/A`; infinities give `∞` / `−∞`.
 */
export function formatNumber(value: number, decimals = 2): string {
  if (Number.isNaN(value)) return NOT_AVAILABLE;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  const fixed = Math.abs(value).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const fraction = dot < 0 ? '' : fixed.slice(dot);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const isZero = /^[0.]*$/.test(fixed);
  return `${value < 0 && !isZero ? MINUS : ''}${grouped}${fraction}`;
}

/** Money: `−1,234.56 USDT`; `N/A` alone when undefined. */
export function formatMoney(value: number, currency: string, decimals = 2): string {
  const number = formatNumber(value, decimals);
  return number === NOT_AVAILABLE || currency === '' ? number : `${number} ${currency}`;
}

/** A value already in percent units: `12.345` → `12.35%`. */
export function formatPercent(value: number, decimals = 2): string {
  const number = formatNumber(value, decimals);
  return number === NOT_AVAILABLE ? number : `${number}%`;
}

/** A fraction shown as percent: `0.1234` → `12.34%`. */
export function formatFraction(value: number, decimals = 2): string {
  return formatPercent(value * 100, decimals);
}

/** Up to `maxDecimals` fraction digits, trailing zeros dropped: `97.5` → `97.5`, `2` → `2`. */
export function formatTrimmed(value: number, maxDecimals = 4): string {
  const text = formatNumber(value, maxDecimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A count: `1234` → `1,234`. */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** A price with as many decimals as it needs (2 to 8), so a 0.00001234 coin still reads. */
export function formatPrice(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  for (let decimals = 2; decimals < 8; decimals++) {
    if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9 * Math.max(1, Math.abs(value))) {
      return formatNumber(value, decimals);
    }
  }
  return formatNumber(value, 8);
}

/** The CSS class that colours a value: `neg` (red) below zero, `pos` (green) above, none otherwise. */
export function signClass(value: number): string {
  if (value < 0 && formatNumber(value) !== '0.00') return 'neg';
  if (value > 0 && formatNumber(value) !== '0.00') return 'pos';
  return '';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** UTC date and time as the trade list shows it: `2025-04-21 09:15`. NaN gives an empty string. */
export function formatDateTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** UTC date: `2025-04-21`. NaN gives an empty string. */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Reads back a number this module formatted (`−1,234.56 USDT`, `12.34%`): for tests and for anyone
 * scraping a report. `N/A` gives NaN.
 */
export function parseFormatted(text: string): number {
  const trimmed = text.trim();
  if (trimmed === NOT_AVAILABLE || trimmed === '') return Number.NaN;
  const cleaned = trimmed
    .replace(MINUS, '-')
    .replace(/,/g, '')
    .replace(/%$/, '')
    .replace(/\s+\S+$/, '');
  if (cleaned === '∞') return Number.POSITIVE_INFINITY;
  if (cleaned === '-∞') return Number.NEGATIVE_INFINITY;
  return Number(cleaned);
}
