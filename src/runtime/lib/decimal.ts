/**
 * Decimal digit strings for Pine's two number formatters (both JVM-based on TradingView):
 * `str.tostring` starts from the shortest round-trip digits (Java's `Double.toString`, which JS's
 * `Number#toString` equals for practical purposes) and rounds half-up; `str.format` is Java's
 * DecimalFormat, which rounds the double's EXACT binary value half-even. Both cap the fraction at
 * 16 digits while the value is ≥ 1e-3. Evidence: PyneCore `lib/string.py` and its tests
 * `t05_string/test_013_str_number_digits.py` (measured on TradingView).
 */

/** Rounding mode of a formatter. */
export type DecimalMode = 'half-up-shortest' | 'half-even-exact';

/** Plain (non-exponential) decimal digits of a finite non-negative double, shortest round-trip form. */
export function shortestDigits(x: number): string {
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const mantissa = s.slice(0, e).replace('.', '');
  const point = (s.indexOf('.') < 0 || s.indexOf('.') > e ? e : s.indexOf('.')) + Number(s.slice(e + 1));
  if (point <= 0) return `0.${'0'.repeat(-point)}${mantissa}`;
  if (point >= mantissa.length) return mantissa + '0'.repeat(point - mantissa.length);
  return `${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
}

/** The exact decimal expansion of a finite non-negative double (every double has a finite one). */
export function exactDigits(x: number): string {
  if (x === 0) return '0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (exponentBits === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  if (exponent >= 0) return (mantissa << BigInt(exponent)).toString();
  // m · 2^e = m · 5^-e / 10^-e
  const scaled = (mantissa * 5n ** BigInt(-exponent)).toString();
  const places = -exponent;
  const padded = scaled.padStart(places + 1, '0');
  const intPart = padded.slice(0, padded.length - places);
  const frac = padded.slice(padded.length - places).replace(/0+$/, '');
  return frac === '' ? intPart : `${intPart}.${frac}`;
}

/**
 * Rounds a plain digit string to `decimals` fraction digits (result has exactly that many, or none
 * when `decimals` is 0).
 */
export function roundDigits(digits: string, decimals: number, halfEven: boolean): string {
  const dot = digits.indexOf('.');
  const intPart = dot < 0 ? digits : digits.slice(0, dot);
  const frac = dot < 0 ? '' : digits.slice(dot + 1);
  if (frac.length <= decimals) return decimals === 0 ? intPart : `${intPart}.${frac.padEnd(decimals, '0')}`;
  const kept = intPart + frac.slice(0, decimals);
  const next = frac.charCodeAt(decimals) - 48;
  const rest = frac.slice(decimals + 1);
  let up = next > 5 || (next === 5 && (!halfEven || /[1-9]/.test(rest)));
  if (halfEven && next === 5 && !/[1-9]/.test(rest)) up = (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  const all = up ? increment(kept) : kept;
  const split = all.length - decimals;
  return decimals === 0 ? all : `${all.slice(0, split)}.${all.slice(split)}`;
}

function increment(digits: string): string {
  const chars = digits.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

/** A parsed DecimalFormat-style pattern ("#,##0.00", "'#'.##", "+#.#;-#.#", "00000.00"). */
export interface NumberPattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly negPrefix: string | null;
  readonly negSuffix: string | null;
  readonly minInt: number;
  readonly minFrac: number;
  readonly maxFrac: number;
  /** Digits per group, 0 for no grouping. */
  readonly grouping: number;
  /** True when the pattern has no '0' at all (an all-'#' mask keeps a zero integer part). */
  readonly allOptional: boolean;
  /** Unquoted '%' in an affix: the value is multiplied by 100 (DecimalFormat). */
  readonly percent: boolean;
}

/** Splits one subpattern into literal prefix, digit part and suffix (quotes resolved). */
function splitAffixes(sub: string): { prefix: string; body: string; suffix: string; percent: boolean } {
  let prefix = '';
  let body = '';
  let suffix = '';
  let percent = false;
  let quoted = false;
  let stage = 0; // 0 prefix, 1 body, 2 suffix
  for (let i = 0; i < sub.length; i++) {
    const ch = sub[i];
    if (ch === "'") {
      if (sub[i + 1] === "'") {
        i++;
        if (stage === 0) prefix += "'";
        else {
          stage = 2;
          suffix += "'";
        }
        continue;
      }
      quoted = !quoted;
      continue;
    }
    const digit = !quoted && (ch === '#' || ch === '0' || ch === '.' || ch === ',');
    if (digit && stage < 2) {
      stage = 1;
      body += ch;
    } else if (stage === 0) {
      prefix += ch;
      if (!quoted && ch === '%') percent = true;
    } else {
      stage = 2;
      suffix += ch;
      if (!quoted && ch === '%') percent = true;
    }
  }
  return { prefix, body, suffix, percent };
}

/** Parses a number pattern. */
export function parseNumberPattern(pattern: string): NumberPattern {
  const semi = pattern.indexOf(';');
  const positive = splitAffixes(semi < 0 ? pattern : pattern.slice(0, semi));
  const negative = semi < 0 ? null : splitAffixes(pattern.slice(semi + 1));
  const body = positive.body;
  const dot = body.indexOf('.');
  const intBody = dot < 0 ? body : body.slice(0, dot);
  const fracBody = dot < 0 ? '' : body.slice(dot + 1);
  const lastComma = intBody.lastIndexOf(',');
  return {
    prefix: positive.prefix,
    suffix: positive.suffix,
    negPrefix: negative === null ? null : negative.prefix,
    negSuffix: negative === null ? null : negative.suffix,
    minInt: (intBody.match(/0/g) ?? []).length,
    minFrac: (fracBody.match(/0/g) ?? []).length,
    maxFrac: fracBody.replace(/,/g, '').length,
    grouping: lastComma < 0 ? 0 : intBody.length - lastComma - 1,
    allOptional: !body.includes('0'),
    percent: positive.percent,
  };
}

/** Formats a number with a parsed pattern. `NaN` prints as "NaN" (Java's symbol), ±∞ as "∞". */
export function formatWithPattern(
  value: number,
  p: NumberPattern,
  mode: DecimalMode,
  applyPercent: boolean,
): string {
  if (value !== value) return 'NaN';
  const negative = value < 0 || Object.is(value, -0);
  let magnitude = Math.abs(value);
  if (applyPercent && p.percent) magnitude *= 100;
  const prefix = negative ? (p.negPrefix ?? '-' + p.prefix) : p.prefix;
  const suffix = negative ? (p.negSuffix ?? p.suffix) : p.suffix;
  if (!Number.isFinite(magnitude)) return `${prefix}∞${suffix}`;
  const decimals = magnitude >= 1e-3 ? Math.min(p.maxFrac, 16) : p.maxFrac;
  const digits = mode === 'half-up-shortest' ? shortestDigits(magnitude) : exactDigits(magnitude);
  const rounded = roundDigits(digits, decimals, mode === 'half-even-exact');
  const dot = rounded.indexOf('.');
  let intPart = (dot < 0 ? rounded : rounded.slice(0, dot)).replace(/^0+/, '');
  let frac = dot < 0 ? '' : rounded.slice(dot + 1);
  while (frac.length > p.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intPart.length < p.minInt) intPart = intPart.padStart(p.minInt, '0');
  if (intPart === '' && (p.allOptional || frac === '')) intPart = '0';
  if (p.grouping > 0) intPart = group(intPart, p.grouping);
  const body = frac === '' ? intPart : `${intPart}.${frac}`;
  return prefix + body + suffix;
}

function group(intPart: string, size: number): string {
  let out = '';
  for (let i = intPart.length; i > 0; i -= size) {
    const chunk = intPart.slice(Math.max(0, i - size), i);
    out = out === '' ? chunk : `${chunk},${out}`;
  }
  return out;
}
