import { resolveZone, type Zone } from '../runtime/core/time/zone.js';

/**
 * Timezones for naive (offset-less) times: TradingView writes export times in the chart's timezone
 * without an offset, so every reader that meets such a time needs one of these.
 *
 * A thin adapter over the runtime's `Zone` (one implementation of offsets and DST for the whole
 * project), adding the spellings data files and settings use: `Z`, bare offsets (`+08:00`, `-0330`),
 * `utc_plus_8` (the shared corpus's inputs.json) besides `UTC`, `UTC+8`, `GMT-5` and IANA names
 * (`Asia/Taipei`, `America/New_York`, `Etc/GMT-8`). Unknown names give undefined, not an exception.
 */
export class TimeZone {
  /** The spelling the user gave, for messages. */
  readonly name: string;
  private readonly zone: Zone;

  private constructor(name: string, zone: Zone) {
    this.name = name;
    this.zone = zone;
  }

  /** Parses a timezone spelling; returns undefined when it is not one (the caller reports PP4015). */
  static parse(spec: string): TimeZone | undefined {
    const text = spec.trim();
    if (text === '') return undefined;
    try {
      return new TimeZone(text, resolveZone(canonical(text)));
    } catch {
      return undefined;
    }
  }

  /** Offset east of UTC, in ms, in force at the UTC instant `utcMs`. */
  offsetAt(utcMs: number): number {
    return this.zone.offsetAt(utcMs);
  }

  /**
   * Converts a naive wall-clock time, given as if it were UTC (`Date.UTC(fields)`), to the UTC instant.
   * As java.time (TradingView's engine) does: in an overlap the earlier instant wins; in a DST gap the
   * time is read with the offset before the gap (02:30 on a spring-forward day in New York is 03:30 EDT).
   */
  toUtc(wallMs: number): number {
    return this.zone.utcFromLocal(wallMs);
  }
}

/** Maps the extra spellings onto the runtime's `UTC±HH:MM` form; others pass through. */
function canonical(text: string): string {
  if (/^(?:z|etc\/utc)$/i.test(text)) return 'UTC';
  const bare = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (bare !== null) return `UTC${bare[1]}${bare[2]}:${bare.at(3) ?? '00'}`;
  const corpus = /^(?:utc|gmt)_(plus|minus)_(\d{1,2})(?:_(\d{2}))?$/i.exec(text);
  if (corpus !== null) {
    return `UTC${corpus[1].toLowerCase() === 'minus' ? '-' : '+'}${corpus[2]}:${corpus.at(3) ?? '00'}`;
  }
  return text;
}
