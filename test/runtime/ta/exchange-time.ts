/**
 * Exchange-calendar helpers for the oracle anchors (`timeframe.change`, session starts). The EURUSD
 * exports' symbol settings (*.toml) give timezone US/Eastern and a daily session starting at 17:00
 * (Sunday 17:00, weekdays 17:05 after a 5-minute break), so TradingView's daily and intraday
 * higher-timeframe periods start at 17:00 New York time.
 */
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Seconds since the epoch as a New York wall clock read as if it were UTC. */
export function newYorkWallSeconds(unixSeconds: number): number {
  const parts = formatter.formatToParts(new Date(unixSeconds * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) / 1000
  );
}

const SESSION_START = 17 * 3600;

/** Index of the `minutes`-long period (aligned to the 17:00 session start) that holds the bar. */
export function periodIndex(unixSeconds: number, minutes: number): number {
  return Math.floor((newYorkWallSeconds(unixSeconds) - SESSION_START) / (minutes * 60));
}

/**
 * `timeframe.change(tf)` per bar: true when the bar's period differs from the previous bar's (false
 * on the first bar, which has no previous bar).
 */
export function timeframeChange(times: Float64Array, minutes: number): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < times.length; i++) {
    out.push(i > 0 && periodIndex(times[i], minutes) !== periodIndex(times[i - 1], minutes));
  }
  return out;
}

/**
 * The bare `ta.vwap` anchor, the first bar of each session: a daily change, and bar 0 too when it opens
 * within the session's first 15 minutes (weekday sessions resume at 17:05).
 */
export function sessionStarts(times: Float64Array): boolean[] {
  const change = timeframeChange(times, 24 * 60);
  if (change.length > 0) {
    const intoSession = (newYorkWallSeconds(times[0]) - SESSION_START + 86400 * 7) % 86400;
    change[0] = intoSession < 15 * 60;
  }
  return change;
}
