import { dayNumber, dayOfWeekOf, msOfDay, MS_PER_DAY, MS_PER_MINUTE } from './calendar.js';

/** One `HHMM-HHMM` range of a session with the trading days it applies to. */
interface SessionRange {
  readonly start: number;
  readonly end: number;
  /** Bit `d` set when Pine day `d` (1 = Sunday … 7 = Saturday) trades. */
  readonly days: number;
}

/**
 * A parsed Pine session string: "0930-1600", "0930-1600:23456", "0930-1200,1300-1600:23456",
 * "1700-1600:23456" (overnight), "0000-0000" / "24x7" (all day). Without a days part every day
 * trades. For an overnight range the part before midnight belongs to the NEXT day's session, as
 * for futures ("1700-1600:23456" opens Sunday 17:00 for Monday's trading day).
 */
export class Session {
  private readonly ranges: SessionRange[];

  private constructor(ranges: SessionRange[]) {
    this.ranges = ranges;
  }

  /** Parses a session string; null when malformed (the caller reports it). */
  static parse(text: string): Session | null {
    const spec = text.trim();
    if (spec === '' || spec.toLowerCase() === '24x7')
      return new Session([{ start: 0, end: 0, days: ALL_DAYS }]);
    const ranges: SessionRange[] = [];
    for (const group of spec.split('|')) {
      const colon = group.indexOf(':');
      const times = colon < 0 ? group : group.slice(0, colon);
      let days = ALL_DAYS;
      if (colon >= 0) {
        days = 0;
        for (const ch of group.slice(colon + 1)) {
          const d = ch.charCodeAt(0) - 48;
          if (d < 1 || d > 7) return null;
          days |= 1 << d;
        }
      }
      for (const range of times.split(',')) {
        const m = /^(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(range.trim());
        if (m === null) return null;
        const start = Number(m[1]) * 60 + Number(m[2]);
        const end = Number(m[3]) * 60 + Number(m[4]);
        if (start > 24 * 60 || end > 24 * 60) return null;
        ranges.push({ start, end, days });
      }
    }
    return new Session(ranges);
  }

  /**
   * True for a session of one `HHMM-HHMM` range (24x7, "0930-1600:23456", "1700-1600:23456"): every
   * local instant from one inside the session up to its range's close then has the same
   * `rangeStartOf`. With several ranges an earlier-listed overlapping range could claim part of it.
   */
  get singleRange(): boolean {
    return this.ranges.length === 1;
  }

  /**
   * The trading day (days since the epoch) a local instant belongs to: its calendar day, or the next
   * one inside the evening part of an overnight range.
   */
  tradingDayOf(local: number): number {
    const day = dayNumber(local);
    const minute = Math.floor(msOfDay(local) / MS_PER_MINUTE);
    for (const r of this.ranges) {
      // An overnight range ends the next day; so does a 24-hour one that opens after midnight
      // (EURUSD's 1700-1700: its 17:00 open starts the next trading day).
      const overnight = r.start > r.end || (r.start === r.end && r.start !== 0);
      if (overnight && minute >= r.start) return day + 1;
    }
    return day;
  }

  /**
   * Local ms at which the session range holding `local` opened (an overnight range opened the day
   * before for its early-morning part), or NaN outside the session. Intraday periods of a session
   * symbol are counted from here: TradingView's hourly bars of a 09:30 session open at 09:30, 10:30, …
   */
  rangeStartOf(local: number): number {
    const day = dayNumber(local) * MS_PER_DAY;
    const minute = Math.floor((local - day) / MS_PER_MINUTE);
    const dow = dayOfWeekOf(local);
    for (const r of this.ranges) {
      if (r.start < r.end) {
        if (minute >= r.start && minute < r.end && (r.days & (1 << dow)) !== 0)
          return day + r.start * MS_PER_MINUTE;
      } else if (r.start === r.end && r.start === 0) {
        if ((r.days & (1 << dow)) !== 0) return day;
      } else {
        const nextDay = dow === 7 ? 1 : dow + 1;
        if (minute >= r.start && (r.days & (1 << nextDay)) !== 0) return day + r.start * MS_PER_MINUTE;
        if (minute < r.end && (r.days & (1 << dow)) !== 0) return day - MS_PER_DAY + r.start * MS_PER_MINUTE;
      }
    }
    return NaN;
  }

  /** Local ms at which the session range holding `local` closes, or NaN outside the session. */
  rangeEndOf(local: number): number {
    const start = this.rangeStartOf(local);
    if (start !== start) return NaN;
    const minute = Math.floor((start - dayNumber(start) * MS_PER_DAY) / MS_PER_MINUTE);
    for (const r of this.ranges) {
      if (r.start !== minute) continue;
      if (r.start < r.end) return start + (r.end - r.start) * MS_PER_MINUTE;
      return start + (r.end + 24 * 60 - r.start) * MS_PER_MINUTE;
    }
    return NaN;
  }

  /** True when the local instant falls inside the session (start inclusive, end exclusive). */
  contains(local: number): boolean {
    const minute = Math.floor(msOfDay(local) / MS_PER_MINUTE);
    const dow = dayOfWeekOf(local);
    for (const r of this.ranges) {
      if (r.start < r.end) {
        if (minute >= r.start && minute < r.end && (r.days & (1 << dow)) !== 0) return true;
      } else if (r.start === r.end && r.start === 0) {
        if ((r.days & (1 << dow)) !== 0) return true;
      } else {
        const nextDay = dow === 7 ? 1 : dow + 1;
        if (minute >= r.start && (r.days & (1 << nextDay)) !== 0) return true;
        if (minute < r.end && (r.days & (1 << dow)) !== 0) return true;
      }
    }
    return false;
  }

  /**
   * True when the local instant is outside the session and a same-day range of this weekday opens
   * later (the pre-market of a day session: 04:00–09:30 for a 0930-1600 stock). Overnight and
   * 24-hour ranges have no pre-market.
   */
  beforeOpen(local: number): boolean {
    if (this.contains(local)) return false;
    const minute = Math.floor(msOfDay(local) / MS_PER_MINUTE);
    const dow = dayOfWeekOf(local);
    for (const r of this.ranges) {
      if (r.start < r.end && minute < r.start && (r.days & (1 << dow)) !== 0) return true;
    }
    return false;
  }
}

const ALL_DAYS = 0b11111110;

/** Caches parsed sessions per string for one run. */
export class SessionResolver {
  private readonly sessions: Map<string, Session | null>;

  constructor() {
    this.sessions = new Map();
  }

  /** The parsed session, or null when the string is malformed. */
  get(text: string): Session | null {
    let s = this.sessions.get(text);
    if (s === undefined) {
      s = Session.parse(text);
      this.sessions.set(text, s);
    }
    return s;
  }
}
