/**
 * Allocation-free scanners for numbers and times inside a larger string (a whole CSV file), so loaders
 * never split lines or slice cells on the common path.
 */

/** Exact powers of ten: every 10^k for k ≤ 22 is representable in a double, which the fast path relies on. */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
] as const;

/** How a time cell was written; a file must use one kind throughout. */
export type TimeFormat = 'unix-s' | 'unix-ms' | 'iso-offset' | 'iso-naive' | 'date';

const TIME_FORMATS: readonly TimeFormat[] = ['unix-s', 'unix-ms', 'iso-offset', 'iso-naive', 'date'];

/** Numeric codes for TimeFormat, so the per-row path compares small integers. */
export const TimeKind = { invalid: -1, unixS: 0, unixMs: 1, isoOffset: 2, isoNaive: 3, date: 4 } as const;

/** The TimeFormat name of a TimeKind code. */
export function timeFormatName(kind: number): TimeFormat {
  return TIME_FORMATS[kind];
}

/** True for the kinds that carry no offset and so need a timezone. */
export function isNaiveKind(kind: number): boolean {
  return kind === TimeKind.isoNaive || kind === TimeKind.date;
}

/**
 * Parses decimal numbers and time cells from ranges of a text. Results come back through fields
 * (`valid`, `kind`) so nothing is allocated per cell. One instance per load: it holds no shared state.
 */
export class CellScanner {
  private readonly text: string;
  /** Whether the last `number` call saw a well-formed number (NaN and ±Infinity literals count as well-formed). */
  valid = false;
  /** Where the last `numberPrefix` call stopped reading. */
  stop = 0;
  /** TimeKind of the last `time` call. */
  kind: number = TimeKind.invalid;

  constructor(text: string) {
    this.text = text;
  }

  /**
   * Parses `[start, end)` as a decimal (`-12.5`, `1e-3`, `.5`, `NaN`). Correctly rounded: with at most 15
   * significant digits and a power of ten ≤ 22 one IEEE division or multiplication of two exact
   * doubles is correctly rounded (Clinger's fast path); anything longer goes through `Number()`,
   * which is correctly rounded too.
   */
  number(start: number, end: number): number {
    const text = this.text;
    let i = start;
    let negative = false;
    let c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      negative = c === 45;
      i++;
    }
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let sawDigit = false;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      sawDigit = true;
      if (digits > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
      }
    }
    if (i < end && c === 46) {
      for (i++; i < end; i++) {
        c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        sawDigit = true;
        if (digits > 0 || c !== 48) {
          mantissa = mantissa * 10 + (c - 48);
          digits++;
        }
        scale--;
      }
    }
    if (!sawDigit) return this.special(start, end);
    if (i < end && (c === 101 || c === 69)) {
      const exponentStart = i + 1;
      let j = exponentStart;
      let expNegative = false;
      c = text.charCodeAt(j);
      if (c === 45 || c === 43) {
        expNegative = c === 45;
        j++;
      }
      let exponent = 0;
      const firstDigit = j;
      for (; j < end; j++) {
        c = text.charCodeAt(j);
        if (c < 48 || c > 57) break;
        exponent = exponent * 10 + (c - 48);
      }
      if (j === firstDigit || j !== end) return this.invalid();
      scale += expNegative ? -exponent : exponent;
      i = j;
    }
    if (i !== end) return this.invalid();
    this.valid = true;
    if (digits > 15 || scale < -22 || scale > 22) return Number(text.slice(start, end));
    const magnitude = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    return negative ? -magnitude : magnitude;
  }

  /**
   * Reads a plain decimal (`-12.5`, `.5`, no exponent) starting at `start` and stops at the first
   * character that cannot continue it, setting `stop`. `valid` is false when there was no digit or the
   * next character starts an exponent; the caller then finds the cell's end and uses `number`.
   * Same rounding as `number`.
   */
  numberPrefix(start: number): number {
    const text = this.text;
    let i = start;
    let c = text.charCodeAt(i);
    let negative = false;
    if (c === 45 || c === 43) {
      negative = c === 45;
      c = text.charCodeAt(++i);
    }
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let sawDigit = false;
    // charCodeAt past the end is NaN, which fails every comparison and ends the loops.
    while (c >= 48 && c <= 57) {
      sawDigit = true;
      if (digits > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
      }
      c = text.charCodeAt(++i);
    }
    if (c === 46) {
      c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57) {
        sawDigit = true;
        if (digits > 0 || c !== 48) {
          mantissa = mantissa * 10 + (c - 48);
          digits++;
        }
        scale--;
        c = text.charCodeAt(++i);
      }
    }
    this.stop = i;
    if (!sawDigit || c === 101 || c === 69) {
      this.valid = false;
      return Number.NaN;
    }
    this.valid = true;
    if (digits > 15 || scale < -22) return Number(text.slice(start, i));
    const magnitude = scale < 0 ? mantissa / POW10[-scale] : mantissa;
    return negative ? -magnitude : magnitude;
  }

  /** `NaN`, `Infinity`, `inf` (any case, signed); everything else is invalid. */
  private special(start: number, end: number): number {
    const word = this.text.slice(start, end).toLowerCase();
    this.valid = true;
    if (word === 'nan') return Number.NaN;
    if (word === 'infinity' || word === '+infinity' || word === 'inf' || word === '+inf') {
      return Number.POSITIVE_INFINITY;
    }
    if (word === '-infinity' || word === '-inf') return Number.NEGATIVE_INFINITY;
    return this.invalid();
  }

  private invalid(): number {
    this.valid = false;
    return Number.NaN;
  }

  /**
   * Parses `[start, end)` as a time: UNIX seconds or ms (all digits; ≥ 1e11 means ms, as 1e11 s is the
   * year 5138), ISO-8601 `YYYY-MM-DD[( |T)HH:mm[:ss[.fff]]][Z|±HH[:]MM|±HH]`. Sets `kind`. Returns UNIX
   * ms for absolute kinds and the wall-clock time read as UTC for naive kinds (the caller applies the
   * timezone). Returns NaN with `kind = invalid` for anything else.
   */
  time(start: number, end: number): number {
    const text = this.text;
    if (end - start >= 5 && text.charCodeAt(start + 4) === 45) return this.isoTime(start, end);
    let value = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) {
        this.kind = TimeKind.invalid;
        return Number.NaN;
      }
      value = value * 10 + (c - 48);
    }
    if (end === start || value > Number.MAX_SAFE_INTEGER) {
      this.kind = TimeKind.invalid;
      return Number.NaN;
    }
    if (value >= 1e11) {
      this.kind = TimeKind.unixMs;
      return value;
    }
    this.kind = TimeKind.unixS;
    return value * 1000;
  }

  private isoTime(start: number, end: number): number {
    const year = this.digits(start, 4);
    const month = this.digits(start + 5, 2);
    const day = this.digits(start + 8, 2);
    const text = this.text;
    this.kind = TimeKind.invalid;
    if (end - start < 10) return Number.NaN;
    if (year < 0 || month < 1 || month > 12 || day < 1 || text.charCodeAt(start + 7) !== 45)
      return Number.NaN;
    if (day > daysInMonth(year, month)) return Number.NaN;
    let i = start + 10;
    let hour = 0;
    let minute = 0;
    let millis = 0;
    let kind: number = TimeKind.date;
    if (i < end) {
      const sep = text.charCodeAt(i);
      if ((sep !== 84 && sep !== 32) || end - i < 6) return Number.NaN;
      hour = this.digits(i + 1, 2);
      minute = this.digits(i + 4, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text.charCodeAt(i + 3) !== 58)
        return Number.NaN;
      i += 6;
      kind = TimeKind.isoNaive;
      if (i + 3 <= end && text.charCodeAt(i) === 58) {
        const second = this.digits(i + 1, 2);
        if (second < 0 || second > 59) return Number.NaN;
        millis = second * 1000;
        i += 3;
        if (i < end && text.charCodeAt(i) === 46) {
          let scale = 100;
          for (i++; i < end; i++) {
            const c = text.charCodeAt(i);
            if (c < 48 || c > 57) break;
            millis += (c - 48) * scale;
            scale /= 10;
          }
          millis = Math.round(millis);
        }
      }
    }
    let offsetMs = 0;
    if (i < end) {
      const c = text.charCodeAt(i);
      if (c === 90 && i + 1 === end) {
        kind = TimeKind.isoOffset;
      } else if ((c === 43 || c === 45) && kind !== TimeKind.date) {
        const offset = this.offset(i + 1, end);
        if (Number.isNaN(offset)) return Number.NaN;
        offsetMs = c === 45 ? -offset : offset;
        kind = TimeKind.isoOffset;
      } else {
        return Number.NaN;
      }
    }
    this.kind = kind;
    return Date.UTC(year, month - 1, day, hour, minute) + millis - offsetMs;
  }

  /** `HH`, `HHMM` or `HH:MM` filling exactly `[start, end)`, in ms; NaN otherwise. */
  private offset(start: number, end: number): number {
    const hours = this.digits(start, 2);
    let minutes = 0;
    const length = end - start;
    if (length === 4) minutes = this.digits(start + 2, 2);
    else if (length === 5 && this.text.charCodeAt(start + 2) === 58) minutes = this.digits(start + 3, 2);
    else if (length !== 2) return Number.NaN;
    if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59) return Number.NaN;
    return (hours * 60 + minutes) * 60_000;
  }

  /** Reads exactly `count` ASCII digits at `start`; -1 if any is not a digit. */
  private digits(start: number, count: number): number {
    let value = 0;
    for (let i = start; i < start + count; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      value = value * 10 + (c - 48);
    }
    return value;
  }
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
