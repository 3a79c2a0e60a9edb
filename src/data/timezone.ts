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
   * In a DST gap or overlap the earlier offset wins, which is what most charting tools do.
   */
  toUtc(wallMs: number): number {
    if (this.format === undefined) return wallMs - this.fixedOffsetMs;
    const first = this.offsetAt(wallMs - this.offsetAt(wallMs));
    const guess = wallMs - first;
    const second = this.offsetAt(guess);
    return second === first ? guess : wallMs - Math.max(first, second);
  }
}

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
