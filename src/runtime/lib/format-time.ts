import {
  dayOfMonthOf,
  dayOfWeekOf,
  hourOf,
  minuteOf,
  monthOf,
  msOfDay,
  secondOf,
  weekOfYearOf,
  yearOf,
} from '../core/time/calendar.js';
import type { Zone } from '../core/time/zone.js';
import { readQuoted } from './quoted.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Formats a UNIX-ms time with a Java SimpleDateFormat pattern in a zone (UTC when none): y, M
 * (MM, MMM, MMMM), d, E (EEE, EEEE), H, h, a, m, s, S, Z (+hhmm), X, z, w; `'…'` quotes literal text.
 * na prints "NaN".
 */
export function formatTime(time: number, pattern: string, zone?: Zone): string {
  if (time !== time) return 'NaN';
  const offset = zone === undefined ? 0 : zone.offsetAt(time);
  const local = time + offset;
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const run = readQuoted(pattern, i);
      out += run.text;
      i = run.next;
      continue;
    }
    if (!/[a-zA-Z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    out += field(ch, n, local, offset);
    i += n;
  }
  return out;
}

function pad(v: number, n: number): string {
  return String(v).padStart(n, '0');
}

function field(ch: string, n: number, local: number, offset: number): string {
  switch (ch) {
    case 'y': {
      const y = yearOf(local);
      return n === 2 ? pad(y % 100, 2) : pad(y, n);
    }
    case 'M': {
      const m = monthOf(local);
      if (n >= 4) return MONTHS[m - 1];
      if (n === 3) return MONTHS[m - 1].slice(0, 3);
      return pad(m, n);
    }
    case 'd':
      return pad(dayOfMonthOf(local), n);
    case 'E': {
      const name = DAYS[dayOfWeekOf(local) - 1];
      return n >= 4 ? name : name.slice(0, 3);
    }
    case 'H':
      return pad(hourOf(local), n);
    case 'k':
      return pad(hourOf(local) === 0 ? 24 : hourOf(local), n);
    case 'h': {
      const h = hourOf(local) % 12;
      return pad(h === 0 ? 12 : h, n);
    }
    case 'a':
      return hourOf(local) < 12 ? 'AM' : 'PM';
    case 'm':
      return pad(minuteOf(local), n);
    case 's':
      return pad(secondOf(local), n);
    case 'S':
      return pad(msOfDay(local) % 1000, n);
    case 'w':
      return pad(weekOfYearOf(local), n);
    case 'Z':
    case 'X':
    case 'z': {
      if (ch === 'X' && offset === 0) return 'Z';
      const sign = offset < 0 ? '-' : '+';
      const minutes = Math.abs(offset) / 60_000;
      const hh = pad(Math.floor(minutes / 60), 2);
      const mm = pad(minutes % 60, 2);
      if (ch === 'z') return `GMT${sign}${hh}:${mm}`;
      return ch === 'X' && n === 3 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
    }
    default:
      return ch.repeat(n);
  }
}
