import { PineRuntimeError } from '../errors.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const SAMPLE_STEP = 7 * MS_PER_DAY;

/** One year of an IANA zone: offset `offsets[i]` applies from `starts[i]` (UTC ms) on. */
interface YearTable {
  readonly starts: number[];
  readonly offsets: number[];
  readonly end: number;
}

/**
 * A resolved time zone: maps a UTC instant to its offset (ms to add to get local wall time).
 *
 * Fixed zones (`UTC`, `UTC+8`, `GMT-03:30`) are one number. IANA zones ask `Intl` only when a year
 * is first touched: the offset is sampled at every UTC midnight of that year and each change is
 * bisected to the minute, giving a transition table. A bar then costs one range check against the
 * cached segment (consecutive bars almost always fall in it) — never an `Intl` call per bar.
 */
export class Zone {
  /** The name the zone was resolved from. */
  readonly name: string;
  private readonly fixedOffset: number;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly years: Map<number, YearTable>;
  // The cached segment: initialised where declared so V8 keeps the fields unboxed doubles (a bare
  // ES2022 field starts undefined, and every later store of a timestamp would allocate).
  private segmentStart = 0;
  private segmentEnd = 0;
  private segmentOffset = 0;

  private constructor(name: string, fixedOffset: number, format: Intl.DateTimeFormat | null) {
    this.name = name;
    this.fixedOffset = fixedOffset;
    this.format = format;
    this.years = new Map();
  }

  /** A zone with a constant offset in minutes east of UTC. */
  static fixed(name: string, offsetMinutes: number): Zone {
    return new Zone(name, offsetMinutes * MS_PER_MINUTE, null);
  }

  /** An IANA zone; throws {@link PineRuntimeError} for a name the platform does not know. */
  static iana(name: string): Zone {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new PineRuntimeError('timezone', `unknown time zone "${name}"`);
    }
    return new Zone(name, NaN, format);
  }

  /** Offset in ms at the UTC instant `t` (local wall time = t + offset). */
  offsetAt(t: number): number {
    if (this.fixedOffset === this.fixedOffset) return this.fixedOffset;
    if (t >= this.segmentStart && t < this.segmentEnd) return this.segmentOffset;
    return this.lookup(t);
  }

  /**
   * The first UTC instant after `t` at which the offset may differ from `offsetAt(t)` (+Infinity for
   * a fixed zone): callers can reuse one offset over [t, offsetValidUntil(t)).
   */
  offsetValidUntil(t: number): number {
    if (this.fixedOffset === this.fixedOffset) return Number.POSITIVE_INFINITY;
    this.offsetAt(t);
    return this.segmentEnd;
  }

  /**
   * The UTC instant whose local wall time is `local`, resolved like java.time's `ZonedDateTime.of`
   * (TradingView's engine is JVM-based): in an overlap the earlier offset wins; in a gap the time is
   * read with the offset before the gap, i.e. moved later by the gap's length (02:30 on a
   * spring-forward day in New York is 03:30 EDT).
   */
  utcFromLocal(local: number): number {
    if (this.fixedOffset === this.fixedOffset) return local - this.fixedOffset;
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    if (before === after || this.offsetAt(local - before) === before) return local - before;
    if (this.offsetAt(local - after) === after) return local - after;
    return local - before;
  }

  private lookup(t: number): number {
    const year = new Date(t).getUTCFullYear();
    let table = this.years.get(year);
    if (table === undefined) {
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    const { starts, offsets } = table;
    let i = starts.length - 1;
    while (i > 0 && starts[i] > t) i--;
    this.segmentStart = starts[i];
    this.segmentEnd = i + 1 < starts.length ? starts[i + 1] : table.end;
    this.segmentOffset = offsets[i];
    return offsets[i];
  }

  private buildYear(year: number): YearTable {
    const begin = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const starts = [begin];
    const offsets = [this.intlOffset(begin)];
    // Weekly samples (plus the year's end): tzdb has no zone changing offset twice within a week in
    // the modern era, and ~60 Intl calls per zone-year keep a fresh context cheap.
    for (let prev = begin; prev < end;) {
      const day = Math.min(prev + SAMPLE_STEP, end);
      const offset = this.intlOffset(day);
      if (offset !== offsets[offsets.length - 1]) {
        // Bisect (in whole minutes) for the first instant carrying the new offset.
        let lo = prev;
        let hi = day;
        while (hi - lo > MS_PER_MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
          if (this.intlOffset(mid) === offset) hi = mid;
          else lo = mid;
        }
        if (hi < end) {
          starts.push(hi);
          offsets.push(offset);
        }
      }
      prev = day;
    }
    return { starts, offsets, end };
  }

  private intlOffset(t: number): number {
    const format = this.format;
    if (format === null) return this.fixedOffset;
    const whole = Math.floor(t / 1000) * 1000;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of format.formatToParts(whole)) {
      const v = Number(part.value);
      if (part.type === 'year') y = v;
      else if (part.type === 'month') mo = v;
      else if (part.type === 'day') d = v;
      else if (part.type === 'hour') h = v === 24 ? 0 : v;
      else if (part.type === 'minute') mi = v;
      else if (part.type === 'second') s = v;
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
  }
}

/**
 * Resolves Pine time-zone arguments to {@link Zone}s once and keeps them: one instance per run
 * (never module-level), so parallel backtests share nothing mutable.
 *
 * Accepted forms (reference manual, `timestamp`/`hour` "timezone" argument): an IANA name
 * (`America/New_York`), `UTC`/`GMT`, and `UTC±H`, `UTC±HH:MM`, `UTC±HHMM` (same with `GMT`).
 */
export class ZoneResolver {
  private readonly zones: Map<string, Zone>;
  /** The last name asked for: a script usually passes the same literal on every bar. */
  private lastName: string;
  private lastZone: Zone | null;

  constructor() {
    this.zones = new Map();
    this.lastName = '';
    this.lastZone = null;
  }

  /** The zone for a Pine time-zone string. */
  get(name: string): Zone {
    if (name === this.lastName && this.lastZone !== null) return this.lastZone;
    let zone = this.zones.get(name);
    if (zone === undefined) {
      zone = resolveZone(name);
      this.zones.set(name, zone);
    }
    this.lastName = name;
    this.lastZone = zone;
    return zone;
  }
}

const OFFSET_FORM = /^(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?$/i;

/**
 * IANA names of UTC itself (tzdata `etcetera` and `backward`: links to Etc/UTC or Etc/GMT, offset 0
 * for all time). They resolve to a fixed zone: an `Intl` zone would cost a formatter and ~60
 * `Intl` calls per year touched on every run, for the default `syminfo.timezone` (Etc/UTC).
 */
const UTC_ALIASES: ReadonlySet<string> = new Set([
  'ETC/UTC',
  'ETC/UCT',
  'ETC/GMT',
  'ETC/GMT0',
  'ETC/GMT+0',
  'ETC/GMT-0',
  'ETC/GREENWICH',
  'ETC/UNIVERSAL',
  'ETC/ZULU',
  'UCT',
  'UNIVERSAL',
  'ZULU',
  'GREENWICH',
  'GMT0',
  'GMT+0',
  'GMT-0',
]);

/** Parses one time-zone string into a zone (uncached). */
export function resolveZone(name: string): Zone {
  const trimmed = name.trim();
  if (UTC_ALIASES.has(trimmed.toUpperCase())) return Zone.fixed(trimmed, 0);
  const m: (string | undefined)[] | null = OFFSET_FORM.exec(trimmed);
  if (m !== null) {
    const sign = m[1] === '-' ? -1 : 1;
    const hours = m[2] === undefined ? 0 : Number(m[2]);
    const minutes = m[3] === undefined ? 0 : Number(m[3]);
    return Zone.fixed(trimmed, sign * (hours * 60 + minutes));
  }
  return Zone.iana(trimmed);
}
