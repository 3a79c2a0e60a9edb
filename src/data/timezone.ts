/**
 * Timezones for naive (offset-less) times: TradingView writes export times in the chart's timezone
 * without an offset, so every reader that meets such a time needs one of these.
 *
 * Accepted spellings: `UTC`, `Z`, `GMT`, fixed offsets (`UTC+8`, `UTC+08:00`, `GMT-5`, `+08:00`, `-0330`,
 * `utc_plus_8` as the shared corpus's inputs.json writes it) and IANA names (`Asia/Taipei`,
 * `America/New_York`, `Etc/GMT-8`), the latter through the runtime's Intl database so DST is honoured.
 */
export class TimeZone {
  /** The spelling the user gave, for messages. */
  readonly name: string;
  /** Fixed offset east of UTC in ms, or NaN for an IANA zone resolved through Intl. */
  private readonly fixedOffsetMs: number;
  private readonly format: Intl.DateTimeFormat | undefined;
  /** Per UTC day: the offset when it is constant all day, NaN when the day has a transition. */
  private readonly dayOffsets = new Map<number, number>();

  private constructor(name: string, fixedOffsetMs: number, format: Intl.DateTimeFormat | undefined) {
    this.name = name;
    this.fixedOffsetMs = fixedOffsetMs;
    this.format = format;
  }

  /** Parses a timezone spelling; returns undefined when it is not one (the caller reports PP4015). */
  static parse(spec: string): TimeZone | undefined {
    const text = spec.trim();
    const fixed = parseFixedOffset(text);
    if (fixed !== undefined) return new TimeZone(text, fixed, undefined);
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: text,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      return new TimeZone(text, Number.NaN, format);
    } catch {
      return undefined;
    }
  }

  /** True when the zone has one offset all year (no DST lookups needed). */
  get isFixed(): boolean {
    return !Number.isNaN(this.fixedOffsetMs);
  }

  /** Offset east of UTC, in ms, in force at the UTC instant `utcMs`. */
  offsetAt(utcMs: number): number {
    if (this.format === undefined) return this.fixedOffsetMs;
    // Intl is slow (microseconds a call); a day without a transition is looked up once.
    const day = Math.floor(utcMs / DAY_MS);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const start = this.intlOffset(day * DAY_MS);
      offset = start === this.intlOffset((day + 1) * DAY_MS - 1000) ? start : Number.NaN;
      this.dayOffsets.set(day, offset);
    }
    return Number.isNaN(offset) ? this.intlOffset(utcMs) : offset;
  }

  private intlOffset(utcMs: number): number {
    if (this.format === undefined) return this.fixedOffsetMs;
    // Intl gives wall-clock fields at that instant; their distance from the instant is the offset.
    const wholeSecond = Math.floor(utcMs / 1000) * 1000;
    const parts = this.format.formatToParts(new Date(wholeSecond));
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of parts) {
      const v = Number(part.value);
      if (part.type === 'year') y = v;
      else if (part.type === 'month') mo = v;
      else if (part.type === 'day') d = v;
      else if (part.type === 'hour') h = v;
      else if (part.type === 'minute') mi = v;
      else if (part.type === 'second') s = v;
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - wholeSecond;
  }

  /**
   * Converts a naive wall-clock time, given as if it were UTC (`Date.UTC(fields)`), to the UTC instant.
   * Resolved like java.time's `ZonedDateTime.of` (TradingView's engine is JVM-based, and the runtime's
   * Zone does the same): in an overlap the earlier instant wins; in a DST gap the time is read with the
   * offset before the gap (02:30 on a spring-forward day in New York becomes 03:30 EDT).
   */
  toUtc(wallMs: number): number {
    if (this.format === undefined) return wallMs - this.fixedOffsetMs;
    const first = this.offsetAt(wallMs - this.offsetAt(wallMs));
    const second = this.offsetAt(wallMs - first);
    if (first === second) return wallMs - first;
    const a = wallMs - first;
    const b = wallMs - second;
    const aValid = this.offsetAt(a) === first;
    const bValid = this.offsetAt(b) === second;
    if (aValid && bValid) return Math.min(a, b);
    if (aValid) return a;
    if (bValid) return b;
    return wallMs - Math.min(first, second);
  }
}

const DAY_MS = 86_400_000;

const FIXED =
  /^(?:(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|(?:utc|gmt)_(plus|minus)_(\d{1,2})(?:_(\d{2}))?)$/i;

/** Offset in ms east of UTC for the fixed spellings, undefined for anything else. */
function parseFixedOffset(text: string): number | undefined {
  if (/^(?:utc|gmt|z|etc\/utc)$/i.test(text)) return 0;
  const m = FIXED.exec(text);
  if (m === null) return undefined;
  // Unmatched groups are undefined at run time although the array is typed string[].
  const groups: readonly (string | undefined)[] = m;
  const sign = groups[1] === '-' || groups[4]?.toLowerCase() === 'minus' ? -1 : 1;
  const hours = Number(groups[2] ?? groups[5]);
  const minutes = Number(groups[3] ?? groups[6] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}
