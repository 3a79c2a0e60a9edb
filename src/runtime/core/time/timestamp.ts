import { localFromCivil } from './calendar.js';
import type { Zone } from './zone.js';
import { resolveZone } from './zone.js';

/**
 * `timestamp(timezone, year, month, day, hour, minute, second)`: UTC ms of a wall-clock time in a
 * zone. Out-of-range fields roll over ("month 13" is January of the next year), as the reference
 * manual's note on `timestamp` allows. na in any field gives na.
 */
export function timestampParts(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const local = localFromCivil(year, month, day, hour, minute, second);
  return local === local ? zone.utcFromLocal(local) : NaN;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]?[\d:]*)?$/i;
const TEXTUAL =
  /^(?:[a-z]{3},?\s+)?(?:(\d{1,2})\s+([a-z]{3})|([a-z]{3})\s+(\d{1,2}))\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{4}|(?:UTC|GMT)[+-]?[\d:]*)?$/i;

/**
 * `timestamp(dateString)`: accepts the two forms the reference manual shows — ISO 8601
 * ("2020-02-20T15:30:00+02:00") and RFC 2822-like ("20 Feb 2020 15:30 +0200", "Feb 01 2020 22:10:05").
 * Without a zone in the string the time is UTC ("GMT+0"), per the manual. NaN when unparseable.
 */
export function timestampString(text: string): number {
  const s = text.trim();
  let m: (string | undefined)[] | null = ISO.exec(s);
  if (m !== null) {
    const local = localFromCivil(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]));
    return local - offsetOf(m[7]);
  }
  m = TEXTUAL.exec(s);
  if (m !== null) {
    const day = m[1] === undefined ? num(m[4]) : num(m[1]);
    const monthName = (m[1] === undefined ? m[3] : m[2]) ?? '';
    const month = MONTHS[monthName.toLowerCase()] as number | undefined;
    if (month === undefined) return NaN;
    const local = localFromCivil(num(m[5]), month, day, num(m[6]), num(m[7]), num(m[8]));
    return local - offsetOf(m[9]);
  }
  return NaN;
}

function num(part: string | undefined): number {
  return part === undefined ? 0 : Number(part);
}

/** Offset in ms of a zone suffix (Z, +0200, +02:00, UTC+2). */
function offsetOf(suffix: string | undefined): number {
  if (suffix === undefined || suffix.toUpperCase() === 'Z') return 0;
  if (/^[+-]/.test(suffix)) {
    const digits = suffix.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  return resolveZone(suffix).offsetAt(0);
}
