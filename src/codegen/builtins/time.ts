import { argList, isChartTimeframe, required } from './misc.js';
import type { BuiltinEmitter, EmitterTable } from './types.js';

// Time and date built-ins → the context's time functions (src/runtime/core/context.ts) and the
// timeframe helpers of src/runtime/core/time. A missing timezone argument means the exchange zone
// (`syminfo.timezone`), which is the context's default.

/**
 * `time(tf, session, tz)` / `time_close(…)`: the bar's own time for the chart timeframe without a
 * session, else `ctx.timeOf` / `ctx.timeCloseOf`. v6 `bars_back` other than 0 is not supported.
 */
function periodTime(method: 'timeOf' | 'timeCloseOf', barField: 'time' | 'time_close'): BuiltinEmitter {
  return (c) => {
    const barsBack = c.arg('bars_back');
    if (barsBack !== undefined && barsBack.trim() !== '0') {
      return c.unsupported(`${c.name}() with bars_back is not supported yet`, `read ${barField}[n] instead`);
    }
    const timeframe = c.arg('timeframe');
    const session = c.arg('session');
    const timezone = c.arg('timezone');
    if (session === undefined && timezone === undefined && isChartTimeframe(c, timeframe)) {
      return `${c.ctx}.${barField}`;
    }
    return `${c.ctx}.${method}(${argList([timeframe, session, timezone])})`;
  };
}

/** `timestamp(dateString)` or `timestamp([timezone,] year, month, day, hour, minute, second)`. */
const timestamp: BuiltinEmitter = (c) => {
  if (c.paramNames.includes('dateString')) return `${c.rt}.timestampString(${required(c, 'dateString')})`;
  const parts = ['year', 'month', 'day'].map((p) => required(c, p));
  const clock = ['hour', 'minute', 'second'].map((p) => c.arg(p));
  return `${c.ctx}.timestamp(${argList([c.arg('timezone') ?? 'undefined', ...parts, ...clock])})`;
};

/** `year(time, timezone)` etc. → `ctx.year(t, tz)`. */
const calendar =
  (field: string): BuiltinEmitter =>
  (c) =>
    `${c.ctx}.${field}(${argList([c.arg('time'), c.arg('timezone')])})`;

/**
 * `timeframe.in_seconds(tf)`: a malformed timeframe string falls back to the chart's timeframe
 * (the context parses and caches each string once).
 */
const inSeconds: BuiltinEmitter = (c) => {
  const tf = c.arg('timeframe');
  const chart = `${c.ctx}.timeframe.parsed`;
  return `${c.rt}.inSeconds(${tf === undefined ? chart : `${c.ctx}.tf(${tf}) ?? ${chart}`})`;
};

/** `timeframe.change(tf)`: one period tracker per call site. */
const change: BuiltinEmitter = (c) => {
  const site = c.state('tfChange', `${c.rt}.TimeframeChange`, `new ${c.rt}.TimeframeChange()`);
  return `${site}.update(${c.ctx}, ${required(c, 'timeframe')})`;
};

/**
 * The variable `timenow`: a backtest has no "now", so it reads the time of the feed's last bar
 * (what `timenow` shows on a chart whose last bar is the current one).
 */
export function timenowExpression(ctx: string): string {
  return `${ctx}.last_bar_time`;
}

/** Emitters of the time and date functions. */
export const timeEmitters: EmitterTable = {
  time: periodTime('timeOf', 'time'),
  time_close: periodTime('timeCloseOf', 'time_close'),
  timestamp,
  year: calendar('year'),
  month: calendar('month'),
  weekofyear: calendar('weekofyear'),
  dayofmonth: calendar('dayofmonth'),
  dayofweek: calendar('dayofweek'),
  hour: calendar('hour'),
  minute: calendar('minute'),
  second: calendar('second'),
  'timeframe.in_seconds': inSeconds,
  'timeframe.from_seconds': (c) => `${c.rt}.fromSeconds(${required(c, 'seconds')})`,
  'timeframe.change': change,
};
