import { PineArray } from './array.js';
import { formatWithPattern, parseNumberPattern, shortestDigits } from './decimal.js';
import type { NumberPattern } from './decimal.js';
import { formatTime } from './format-time.js';
import { readQuoted } from './quoted.js';
import type { Zone } from '../core/time/zone.js';
import { decimalsOf } from '../core/symbol.js';

/** `format.*` constants as the strings codegen passes to {@link tostring}. */
export const format = {
  mintick: 'format.mintick',
  percent: 'format.percent',
  volume: 'format.volume',
  price: 'format.price',
  inherit: 'format.inherit',
} as const;

/** Default `str.tostring` number pattern: up to 10 decimals (TradingView prints 1/3 as 0.3333333333). */
const DEFAULT_TOSTRING = parseNumberPattern('#.##########');

/**
 * `str.tostring(value, format)`. Numbers: a DecimalFormat-style pattern ("#.##", "#,###",
 * "00000.00") applied to the shortest digits with half-up rounding; `format.mintick` rounds to the
 * symbol's tick and prints its decimals; `format.percent` multiplies by 100 and prints whole
 * percent; `format.volume` abbreviates with K/M/B/T and two decimals (PyneCore `lib/string.py`).
 * Booleans print true/false, na prints "NaN".
 */
export function tostring(
  value: number | boolean | string | null | PineArray<unknown>,
  fmt?: string,
  mintick = 0.01,
): string {
  if (typeof value === 'string') return value;
  if (value instanceof PineArray) return listing(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'NaN';
  if (fmt === undefined || fmt === '' || fmt === format.inherit || fmt === format.price) {
    return formatWithPattern(value, DEFAULT_TOSTRING, 'half-up-shortest', false);
  }
  if (fmt === format.percent) {
    if (!Number.isFinite(value)) return 'NaN%';
    return `${formatWithPattern(value * 100, parseNumberPattern('#'), 'half-up-shortest', false)}%`;
  }
  if (fmt === format.mintick) {
    if (value !== value) return 'NaN';
    if (!Number.isFinite(value)) return value < 0 ? '-Infinity' : 'Infinity';
    const decimals = decimalsOf(mintick);
    const ticks = Math.round(value / mintick) * mintick;
    return formatWithPattern(
      ticks,
      parseNumberPattern(decimals === 0 ? '#' : `#.${'#'.repeat(decimals)}`),
      'half-up-shortest',
      false,
    );
  }
  if (fmt === format.volume) return volume(value);
  return formatWithPattern(value, parseNumberPattern(fmt), 'half-up-shortest', false);
}

function volume(value: number): string {
  if (value !== value) return 'NaN';
  const a = Math.abs(value);
  const two = (x: number): string => x.toFixed(2);
  if (!Number.isFinite(a)) return 'NaNT';
  if (a >= 1e12) return `${two(value / 1e12)}T`;
  if (a >= 1e9) return `${two(value / 1e9)}B`;
  if (a >= 1e6) return `${two(value / 1e6)}M`;
  if (a >= 1e3) return `${two(value / 1e3)}K`;
  return String(Math.trunc(value));
}

/**
 * An array as TradingView prints it: `[a, b, c]`; float elements as Java's `Double.toString`
 * (`0.0`, `-1.7002089231955175`, `1.0E-5`), ints plain. TV log: `array.standardize` of
 * [1, 2, 6, …] prints `[-1.7002089231955175, …]`, of [1.1 … 5.5] prints `[…, 0.0, …]`; `str.split`
 * prints `[Hello, World!]`.
 */
function listing(a: PineArray<unknown>): string {
  const items = a.toArray().map((v): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return a.floatElements || !Number.isInteger(v) ? javaDouble(v) : String(v);
    if (typeof v === 'boolean' || v === null) return tostring(v);
    return v instanceof PineArray ? listing(v) : 'object';
  });
  return `[${items.join(', ')}]`;
}

/** Java's `Double.toString`: shortest digits, ".0" on integral values, "E" notation outside [1e-3, 1e7). */
export function javaDouble(x: number): string {
  if (x !== x) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e7) {
    const digits = shortestDigits(a);
    return sign + (digits.includes('.') ? digits : `${digits}.0`);
  }
  const [mantissa, exponent] = a.toExponential().split('e');
  return `${sign}${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Argument of `str.format`. */
export type FormatArg = number | boolean | string | null | PineArray<unknown>;

const JAVA_DEFAULT = parseNumberPattern('#,##0.###');
const JAVA_INTEGER = parseNumberPattern('#,##0');
const JAVA_CURRENCY = parseNumberPattern('$#,##0.00');
const JAVA_PERCENT = parseNumberPattern('#,##0%');

/**
 * `str.format(formatString, args…)`: Java MessageFormat. `{n}` prints a number with "#,##0.###",
 * `{n,number,integer|currency|percent}` the Java styles, `{n,number,<pattern>}` a DecimalFormat
 * pattern (whitespace before a custom pattern is kept as a literal, keyword styles are trimmed),
 * `{n,date|time,<pattern>}` a date pattern in `zone` (UTC if none). Rounding is half-even on the
 * exact value. `''` is a quote and `'…'` quotes literal text, braces included.
 * Evidence: TradingView log output for the reference manual's examples, recorded in PyneSys/pynecore
 * `tests/t01_lib/t05_string/data/test_010_str_format.txt`.
 */
export function strFormat(formatString: string, args: readonly FormatArg[], zone?: Zone): string {
  let out = '';
  let i = 0;
  const s = formatString;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "'") {
      const run = readQuoted(s, i);
      out += run.text;
      i = run.next;
      continue;
    }
    if (ch === '{') {
      const end = s.indexOf('}', i + 1);
      if (end < 0) {
        out += s.slice(i);
        break;
      }
      out += placeholder(s.slice(i + 1, end), args, zone);
      i = end + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function placeholder(spec: string, args: readonly FormatArg[], zone: Zone | undefined): string {
  const parts = spec.split(',');
  const index = Number(parts[0].trim());
  if (!(index >= 0 && index < args.length)) return `{${spec}}`;
  const arg = args[index];
  const type = parts.length > 1 ? parts[1].trim().toLowerCase() : '';
  const style = parts.length > 2 ? parts.slice(2).join(',') : '';
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'boolean') return arg ? 'true' : 'false';
  if (arg === null) return 'NaN';
  if (arg instanceof PineArray) return listing(arg);
  if (type === 'date' || type === 'time') {
    const pattern = style.trim() === '' ? (type === 'date' ? 'MMM d, yyyy' : 'h:mm:ss a') : style.trim();
    return formatTime(arg, pattern, zone);
  }
  return formatWithPattern(arg, numberStyle(type, style), 'half-even-exact', true);
}

function numberStyle(type: string, style: string): NumberPattern {
  if (type !== 'number') return JAVA_DEFAULT;
  const keyword = style.trim().toLowerCase();
  if (keyword === '') return JAVA_DEFAULT;
  if (keyword === 'integer') return JAVA_INTEGER;
  if (keyword === 'currency') return JAVA_CURRENCY;
  if (keyword === 'percent') return JAVA_PERCENT;
  return parseNumberPattern(style);
}

/** `str.format_time(time, format, timezone)`; default format "yyyy-MM-dd'T'HH:mm:ssZ"; na time → "NaN"... see {@link formatTime}. */
export function format_time(time: number, fmt: string | undefined, zone: Zone): string {
  return formatTime(time, fmt ?? "yyyy-MM-dd'T'HH:mm:ssZ", zone);
}

/** `str.contains(source, str)`. */
export function contains(source: string, sub: string): boolean {
  return source.includes(sub);
}
/** `str.startswith(source, str)`. */
export function startswith(source: string, sub: string): boolean {
  return source.startsWith(sub);
}
/** `str.endswith(source, str)`. */
export function endswith(source: string, sub: string): boolean {
  return source.endsWith(sub);
}
/** `str.length(string)` in UTF-16 code units (Java `String.length`). */
export function length(s: string): number {
  return s.length;
}
/** `str.lower`. */
export function lower(s: string): string {
  return s.toLowerCase();
}
/** `str.upper`. */
export function upper(s: string): string {
  return s.toUpperCase();
}
/** `str.trim`: strips leading/trailing whitespace. */
export function trim(s: string): string {
  return s.trim();
}
/** `str.pos(source, str)`: first index, or na (NaN) when absent. */
export function pos(source: string, sub: string): number {
  const i = source.indexOf(sub);
  return i < 0 ? NaN : i;
}
/** `str.repeat(source, repeat, separator)`. */
export function repeat(source: string, times: number, separator = ''): string {
  const n = Math.max(0, Math.trunc(times));
  return new Array<string>(n).fill(source).join(separator);
}
/** `str.substring(source, begin, end)`: `end` exclusive, defaults to the length. */
export function substring(source: string, begin: number, end?: number): string {
  return source.substring(Math.trunc(begin), end === undefined ? source.length : Math.trunc(end));
}
/**
 * `str.replace(source, target, replacement, occurrence)`: replaces the `occurrence`-th (0-based)
 * match, counting overlapping matches; unchanged when there is none (PyneCore measured cases).
 */
export function replace(source: string, target: string, replacement: string, occurrence = 0): string {
  let at = -1;
  let from = 0;
  for (let k = 0; k <= occurrence; k++) {
    at = source.indexOf(target, from);
    if (at < 0) return target === '' && k > 0 ? source + replacement : source;
    from = at + 1;
  }
  return source.slice(0, at) + replacement + source.slice(at + target.length);
}
/** `str.replace_all(source, target, replacement)`. */
export function replace_all(source: string, target: string, replacement: string): string {
  return target === '' ? source : source.split(target).join(replacement);
}
/** `str.split(string, separator)`: an empty separator splits into characters (code points). */
export function split(s: string, separator: string): PineArray<string> {
  if (separator === '') return PineArray.wrap(s === '' ? [''] : Array.from(s));
  return PineArray.wrap(s.split(separator));
}
/** `str.match(source, regex)`: the first match or "" (Java regex ≈ JS regex for common patterns). */
export function match(source: string, regex: string): string {
  try {
    const m = new RegExp(regex).exec(source);
    return m === null ? '' : m[0];
  } catch {
    return '';
  }
}
/** `str.tonumber(string)`: the number, or na when the text is not a number. */
export function tonumber(s: string): number {
  const t = s.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}
