import {
  dayNumber,
  daysFromCivil,
  localFromCivil,
  MS_PER_DAY,
  MS_PER_SECOND,
  monthOf,
  yearOf,
} from './calendar.js';

/** Unit letter of a Pine timeframe: '' minutes, 'S' seconds, 'T' ticks, 'D', 'W', 'M'. */
export type TimeframeUnit = '' | 'S' | 'T' | 'D' | 'W' | 'M';

/**
 * A parsed Pine timeframe string ("15", "240", "1D", "D", "1W", "3M", "30S", "100T").
 * `period` is normalised the v6 way: always with a multiplier ("D" → "1D"; migration guide
 * "timeframe.period now always includes a multiplier").
 */
export interface Timeframe {
  readonly unit: TimeframeUnit;
  readonly multiplier: number;
  readonly period: string;
}

const TF_FORM = /^(\d*)([SDWMT]?)$/i;

/** Parses a timeframe string; returns null when it is not one (the caller reports the error). */
export function parseTimeframe(text: string): Timeframe | null {
  const m = TF_FORM.exec(text.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return null;
  const multiplier = m[1] === '' ? 1 : Number(m[1]);
  if (!(multiplier > 0)) return null;
  const unit = m[2].toUpperCase() as TimeframeUnit;
  return { unit, multiplier, period: unit === '' ? String(multiplier) : `${multiplier}${unit}` };
}

/** Seconds in one month as TradingView counts them for `timeframe.in_seconds("1M")`: 365/12 days + 3 s
 * (PyneCore `lib/timeframe.py`, matching TradingView's 2628003). */
const SECONDS_PER_MONTH = Math.trunc(86_400 * (365 / 12) + 3);

/** `timeframe.in_seconds(tf)`; ticks have no duration and return NaN. */
export function inSeconds(tf: Timeframe): number {
  switch (tf.unit) {
    case 'S':
      return tf.multiplier;
    case '':
      return tf.multiplier * 60;
    case 'D':
      return tf.multiplier * 86_400;
    case 'W':
      return tf.multiplier * 604_800;
    case 'M':
      return Math.trunc(tf.multiplier * SECONDS_PER_MONTH);
    case 'T':
      return NaN;
  }
}

/**
 * `timeframe.from_seconds(s)`: the largest unit that divides the duration (weeks, days, minutes,
 * seconds); durations of four weeks and more become months.
 */
export function fromSeconds(seconds: number): string {
  const s = Math.max(1, Math.trunc(seconds));
  if (s >= 4 * 604_800) return `${Math.max(1, Math.floor(s / SECONDS_PER_MONTH))}M`;
  if (s % 604_800 === 0) return `${s / 604_800}W`;
  if (s % 86_400 === 0) return `${s / 86_400}D`;
  if (s % 60 === 0) return String(s / 60);
  return `${s}S`;
}

/** `timeframe.isintraday` etc. as one record for the chart timeframe. */
export interface TimeframeFlags {
  readonly isseconds: boolean;
  readonly isminutes: boolean;
  readonly isticks: boolean;
  readonly isintraday: boolean;
  readonly isdaily: boolean;
  readonly isweekly: boolean;
  readonly ismonthly: boolean;
  readonly isdwm: boolean;
}

/** The `timeframe.is*` flags of a timeframe. */
export function timeframeFlags(tf: Timeframe): TimeframeFlags {
  const intraday = tf.unit === '' || tf.unit === 'S' || tf.unit === 'T';
  return {
    isseconds: tf.unit === 'S',
    isminutes: tf.unit === '',
    isticks: tf.unit === 'T',
    isintraday: intraday,
    isdaily: tf.unit === 'D',
    isweekly: tf.unit === 'W',
    ismonthly: tf.unit === 'M',
    isdwm: !intraday,
  };
}

/**
 * Local-ms start of the `step`-ms period holding `local`, periods counted from `open` (a session
 * range's open: TradingView's hourly bars of a 09:30 session open at 09:30, 10:30, …).
 */
export function periodStartFromOpen(open: number, step: number, local: number): number {
  return open + Math.floor((local - open) / step) * step;
}

/**
 * Local-ms start of the `tf` period containing the local instant `local`. Intraday periods are
 * aligned to local midnight, days to midnight, weeks to Monday, months to the 1st (24x7 symbols;
 * for symbols with a session, TradingView aligns to the session start instead — callers that need
 * that pass the session-shifted local time).
 */
export function periodStart(tf: Timeframe, local: number): number {
  switch (tf.unit) {
    case 'S':
    case '':
    case 'T': {
      const step = (tf.unit === '' ? 60 : 1) * tf.multiplier * MS_PER_SECOND;
      const day = dayNumber(local) * MS_PER_DAY;
      return day + Math.floor((local - day) / step) * step;
    }
    case 'D': {
      const days = dayNumber(local);
      return (days - mod(days, tf.multiplier)) * MS_PER_DAY;
    }
    case 'W': {
      const days = dayNumber(local);
      const monday = days - mod(days + 3, 7); // 1970-01-05 was a Monday
      const weeks = Math.floor((monday - 4) / 7);
      return (monday - mod(weeks, tf.multiplier) * 7) * MS_PER_DAY;
    }
    case 'M': {
      const index = yearOf(local) * 12 + monthOf(local) - 1;
      const first = index - mod(index, tf.multiplier);
      return localFromCivil(Math.floor(first / 12), (first % 12) + 1, 1, 0, 0, 0);
    }
  }
}

/** Local-ms start of the period after the one starting at `start`. */
export function nextPeriodStart(tf: Timeframe, start: number): number {
  switch (tf.unit) {
    case 'S':
    case 'T':
      return start + tf.multiplier * MS_PER_SECOND;
    case '':
      return start + tf.multiplier * 60 * MS_PER_SECOND;
    case 'D':
      return start + tf.multiplier * MS_PER_DAY;
    case 'W':
      return start + tf.multiplier * 7 * MS_PER_DAY;
    case 'M': {
      const y = yearOf(start);
      const m = monthOf(start) + tf.multiplier;
      return daysFromCivil(y + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, 1) * MS_PER_DAY;
    }
  }
}

function mod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}
