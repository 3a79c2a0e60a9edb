/**
 * Calendar arithmetic on "local milliseconds" (UTC ms + zone offset), allocation-free.
 *
 * Days ↔ civil date use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms (public
 * domain, proleptic Gregorian), so date parts never build a `Date` per bar.
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a civil date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days since the epoch of a local-ms value. */
export function dayNumber(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

/**
 * civil_from_days packed as `year·10000 + month·100 + day` (an integer, so no object is allocated
 * per call; valid for years 1–9999, far beyond any bar feed).
 */
function civilPacked(localMs: number): number {
  const z = dayNumber(localMs) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** Calendar year of a local-ms value. */
export function yearOf(localMs: number): number {
  return Math.floor(civilPacked(localMs) / 10000);
}

/** Month 1–12 of a local-ms value. */
export function monthOf(localMs: number): number {
  return Math.floor(civilPacked(localMs) / 100) % 100;
}

/** Day of month 1–31 of a local-ms value. */
export function dayOfMonthOf(localMs: number): number {
  return civilPacked(localMs) % 100;
}

/** Pine `dayofweek`: 1 = Sunday … 7 = Saturday (`dayofweek.sunday == 1`). */
export function dayOfWeekOf(localMs: number): number {
  // 1970-01-01 was a Thursday (Pine 5).
  const d = (dayNumber(localMs) + 4) % 7;
  return (d < 0 ? d + 7 : d) + 1;
}

/** Hour 0–23 of a local-ms value. */
export function hourOf(localMs: number): number {
  return Math.floor(msOfDay(localMs) / MS_PER_HOUR);
}

/** Minute 0–59 of a local-ms value. */
export function minuteOf(localMs: number): number {
  const minutes = Math.floor(msOfDay(localMs) / MS_PER_MINUTE);
  return minutes - Math.floor(minutes / 60) * 60;
}

/** Second 0–59 of a local-ms value. */
export function secondOf(localMs: number): number {
  const seconds = Math.floor(msOfDay(localMs) / MS_PER_SECOND);
  return seconds - Math.floor(seconds / 60) * 60;
}

/** Milliseconds since local midnight. */
export function msOfDay(localMs: number): number {
  // floor-multiply instead of `%`: a double remainder is several times slower and needs a sign fix.
  return localMs - Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY;
}

/**
 * ISO-8601 week number (weeks start Monday; week 1 holds the year's first Thursday). Pine's
 * reference does not define the scheme; PyneCore (tested against TradingView) uses ISO weeks.
 */
export function weekOfYearOf(localMs: number): number {
  const days = dayNumber(localMs);
  const isoDow = (((days + 3) % 7) + 7) % 7; // Monday = 0
  const thursday = days - isoDow + 3;
  const year = yearOf(thursday * MS_PER_DAY);
  const firstDay = daysFromCivil(year, 1, 1);
  return Math.floor((thursday - firstDay) / 7) + 1;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** Local ms of a civil date-time; fields may overflow (month 13, day 0 …) like `Date.UTC`. */
export function localFromCivil(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const months = year * 12 + (month - 1);
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  const days = daysFromCivil(y, m, 1) + (day - 1);
  return days * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
}
