import { DrawingCounter, EventLog, PlotRecorder } from '../lib/plot.js';
import { BarState } from './barstate.js';
import { BarClock } from './clock.js';
import type { Feed } from './feed.js';
import type { SymbolInfo, SymbolSettings } from './symbol.js';
import { symbolInfo } from './symbol.js';
import {
  dayNumber,
  dayOfMonthOf,
  dayOfWeekOf,
  hourOf,
  minuteOf,
  monthOf,
  MS_PER_DAY,
  secondOf,
  weekOfYearOf,
  yearOf,
} from './time/calendar.js';
import type { Session } from './time/session.js';
import { SessionResolver } from './time/session.js';
import type { Timeframe, TimeframeFlags } from './time/timeframe.js';
import {
  inSeconds,
  nextPeriodStart,
  parseTimeframe,
  periodStart,
  periodStartFromOpen,
  timeframeFlags,
} from './time/timeframe.js';
import { timestampParts } from './time/timestamp.js';
import type { Zone } from './time/zone.js';
import { ZoneResolver } from './time/zone.js';

/** Options of one run. */
export interface ContextOptions {
  /** Symbol settings (`syminfo.*`); defaults to a 24x7 UTC crypto pair with mintick 0.01. */
  readonly symbol?: SymbolSettings;
  /** Chart timeframe ("15", "1D" …); inferred from the first two bars when absent. */
  readonly timeframe?: string;
  /** Treat the last bar as the realtime bar (default false: a pure historical backtest). */
  readonly lastBarRealtime?: boolean;
  /**
   * A zone cache to reuse across runs on one thread (the optimiser's trials): an IANA zone costs
   * ~60 `Intl` calls per year the first time it is touched. Never share one across worker threads.
   */
  readonly zones?: ZoneResolver;
}

/** `timeframe.*` of the chart. */
export interface ChartTimeframe extends TimeframeFlags {
  readonly period: string;
  readonly main_period: string;
  readonly multiplier: number;
  readonly parsed: Timeframe;
}

/**
 * Everything a generated script reads per bar: the current bar's built-ins as plain fields (set
 * once per bar by {@link PineContext.setBar}, so reading `ctx.close` is a field load), their history
 * straight from the feed's columns, `syminfo`, `timeframe`, `barstate`, time functions with cached
 * zones and sessions, and the plot/drawing/event recorders. One instance per run; nothing global.
 */
export class PineContext {
  readonly feed: Feed;
  readonly clock: BarClock;
  readonly syminfo: SymbolInfo;
  readonly timeframe: ChartTimeframe;
  readonly barstate: BarState;
  readonly zones: ZoneResolver;
  readonly sessions: SessionResolver;
  /** The exchange zone (`syminfo.timezone`), default zone of every date function. */
  readonly exchangeZone: Zone;
  readonly plots: PlotRecorder;
  readonly drawings: DrawingCounter;
  readonly events: EventLog;
  readonly last_bar_index: number;
  readonly last_bar_time: number;
  private readonly lastBarRealtime: boolean;
  private readonly barMs: number;
  private readonly timeframes: Map<string, Timeframe | null>;
  private readonly regular: Session | null;
  /**
   * `time_close` per bar, from the feed or derived once from a D/W/M timeframe; null for an
   * intraday timeframe, whose bars close `barMs` after they open (worked out per bar: a column of
   * them would cost a pass over the feed and its memory on every run).
   */
  private readonly closeTimes: Float64Array | null;

  // The per-bar built-ins are initialised where declared, not in the constructor: with ES2022 class
  // fields a bare declaration starts as `undefined`, which makes V8 store the field as a tagged
  // pointer, and then every bar's `ctx.close = …` allocates a fresh heap number. Starting as a
  // number keeps the field an unboxed double (no allocation per bar).
  bar_index = -1;
  time = NaN;
  time_close = NaN;
  open = NaN;
  high = NaN;
  low = NaN;
  close = NaN;
  volume = NaN;

  constructor(feed: Feed, options: ContextOptions = {}) {
    this.feed = feed;
    this.clock = new BarClock();
    this.syminfo = symbolInfo(options.symbol);
    this.zones = options.zones ?? new ZoneResolver();
    this.sessions = new SessionResolver();
    this.exchangeZone = this.zones.get(this.syminfo.timezone);
    const tf = parseTimeframe(options.timeframe ?? inferTimeframe(feed)) ?? {
      unit: '',
      multiplier: 1,
      period: '1',
    };
    this.timeframe = {
      ...timeframeFlags(tf),
      period: tf.period,
      main_period: tf.period,
      multiplier: tf.multiplier,
      parsed: tf,
    };
    this.barMs = inSeconds(tf) * 1000;
    this.timeframes = new Map();
    this.regular = this.sessions.get(this.syminfo.session);
    this.closeTimes = feed.timeClose ?? this.deriveCloseTimes();
    this.barstate = new BarState();
    this.plots = new PlotRecorder(this.clock, feed.length);
    this.drawings = new DrawingCounter();
    this.events = new EventLog(this.clock);
    this.last_bar_index = feed.length - 1;
    this.last_bar_time = feed.length > 0 ? feed.time[feed.length - 1] : NaN;
    this.lastBarRealtime = options.lastBarRealtime ?? false;
  }

  /** Moves every built-in to bar `i` (called by the bar loop before the script's `step`). */
  setBar(i: number): void {
    const f = this.feed;
    const previous = this.bar_index;
    this.clock.bar = i;
    this.bar_index = i;
    this.time = f.time[i];
    const closeTimes = this.closeTimes;
    this.time_close = closeTimes === null ? this.time + this.barMs : closeTimes[i];
    this.open = f.open[i];
    this.high = f.high[i];
    this.low = f.low[i];
    this.close = f.close[i];
    this.volume = f.volume[i];
    // Bars 1 … last−2 share one set of flags: moving one bar forward inside that range leaves them
    // as they are (this keeps setBar small enough for V8 to inline into the bar loop).
    if (i !== previous + 1 || i < 2 || i > this.last_bar_index - 2) {
      this.barstate.update(i, this.last_bar_index, this.lastBarRealtime);
    }
  }

  /** `hl2`. */
  get hl2(): number {
    return (this.high + this.low) / 2;
  }
  /** `hlc3`. */
  get hlc3(): number {
    return (this.high + this.low + this.close) / 3;
  }
  /** `ohlc4`. */
  get ohlc4(): number {
    return (this.open + this.high + this.low + this.close) / 4;
  }
  /** `hlcc4`. */
  get hlcc4(): number {
    return (this.high + this.low + this.close + this.close) / 4;
  }

  /** `open[n]`. */
  openAt(n: number): number {
    return this.past(this.feed.open, n);
  }
  /** `high[n]`. */
  highAt(n: number): number {
    return this.past(this.feed.high, n);
  }
  /** `low[n]`. */
  lowAt(n: number): number {
    return this.past(this.feed.low, n);
  }
  /** `close[n]`. */
  closeAt(n: number): number {
    return this.past(this.feed.close, n);
  }
  /** `volume[n]`. */
  volumeAt(n: number): number {
    return this.past(this.feed.volume, n);
  }
  /** `time[n]`. */
  timeAt(n: number): number {
    return this.past(this.feed.time, n);
  }

  /** `column[n]` for any feed column (built-in history needs no ring buffer: the feed is the history). */
  past(column: Float64Array, n: number): number {
    const i = this.bar_index - n;
    return i >= 0 && i <= this.bar_index ? column[i] : NaN;
  }

  /** A zone from a Pine tz argument (undefined → the exchange zone). */
  zone(tz?: string | Zone): Zone {
    if (tz === undefined) return this.exchangeZone;
    return typeof tz === 'string' ? this.zones.get(tz) : tz;
  }

  /** `year(t, tz)`; `year` alone is `ctx.year()`. */
  year(t: number = this.time, tz?: string | Zone): number {
    return t === t ? yearOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `month(t, tz)` 1–12. */
  month(t: number = this.time, tz?: string | Zone): number {
    return t === t ? monthOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `dayofmonth(t, tz)`. */
  dayofmonth(t: number = this.time, tz?: string | Zone): number {
    return t === t ? dayOfMonthOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `dayofweek(t, tz)`: 1 = Sunday … 7 = Saturday. */
  dayofweek(t: number = this.time, tz?: string | Zone): number {
    return t === t ? dayOfWeekOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `hour(t, tz)`. */
  hour(t: number = this.time, tz?: string | Zone): number {
    return t === t ? hourOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `minute(t, tz)`. */
  minute(t: number = this.time, tz?: string | Zone): number {
    return t === t ? minuteOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `second(t, tz)`. */
  second(t: number = this.time, tz?: string | Zone): number {
    return t === t ? secondOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }
  /** `weekofyear(t, tz)` (ISO weeks). */
  weekofyear(t: number = this.time, tz?: string | Zone): number {
    return t === t ? weekOfYearOf(t + this.zone(tz).offsetAt(t)) : NaN;
  }

  /** `timestamp(year, month, day, hour, minute, second)` in the exchange zone or `tz`. */
  timestamp(
    tz: string | Zone | undefined,
    year: number,
    month: number,
    day: number,
    hour = 0,
    minute = 0,
    second = 0,
  ): number {
    return timestampParts(this.zone(tz), year, month, day, hour, minute, second);
  }

  /** A parsed timeframe ("" → the chart's); null for a malformed string. */
  tf(text: string): Timeframe | null {
    if (text === '') return this.timeframe.parsed;
    let tf = this.timeframes.get(text);
    if (tf === undefined) {
      tf = parseTimeframe(text);
      this.timeframes.set(text, tf);
    }
    return tf;
  }

  /**
   * `time(timeframe, session, timezone)`: open time of the `timeframe` period holding this bar, or
   * na when a session is given and the bar opens outside it (sessions read in `timezone`, default
   * exchange zone). `time("")` / the chart timeframe is the bar's own time.
   */
  timeOf(timeframe = '', session?: string, tz?: string | Zone): number {
    if (!this.inSession(session, tz)) return NaN;
    const tf = this.tf(timeframe);
    if (tf === null) return NaN;
    if (tf === this.timeframe.parsed || tf.period === this.timeframe.period) return this.time;
    const zone = this.exchangeZone;
    return zone.utcFromLocal(this.periodStartLocal(tf, this.time + zone.offsetAt(this.time)));
  }

  /**
   * Local start of the `tf` period holding a local instant. Intraday periods of a symbol with a
   * regular session count from the session range's open (hourly bars of a 09:30 session open at
   * 09:30, 10:30, …), and so does the one-day period (EURUSD's day opens at 17:00 New York time the
   * evening before: TradingView's pivot levels on `timeframe.change("D")` only match so, oracle
   * pivot_point_levels.csv); 24x7 symbols and other D/W/M periods align to midnight / Monday / the 1st.
   */
  periodStartLocal(tf: Timeframe, local: number): number {
    if (this.regular !== null && countsFromSessionOpen(tf)) {
      const open = this.regular.rangeStartOf(local);
      if (open === open) return periodStartFromOpen(open, inSeconds(tf) * 1000, local);
    }
    return periodStart(tf, local);
  }

  /**
   * The session range open that `tf` periods holding `local` count from (see
   * {@link periodStartLocal}); NaN when they do not count from one or it is not known cheaply (outside
   * the session, or a session of several ranges). Every local instant from that open to the range's
   * close ({@link sessionRangeCloseLocal}) has the same open, so a caller can take their periods'
   * starts by arithmetic.
   */
  sessionRangeOpenLocal(tf: Timeframe, local: number): number {
    if (this.regular === null || !countsFromSessionOpen(tf) || !this.regular.singleRange) return NaN;
    return this.regular.rangeStartOf(local);
  }

  /** The local close of the session range holding `local` (NaN outside the session). */
  sessionRangeCloseLocal(local: number): number {
    return this.regular === null ? NaN : this.regular.rangeEndOf(local);
  }

  /**
   * The end (exclusive) of the stretch of local instants from `local` on that {@link periodStartLocal}
   * maps to the same start as `local`; `local` itself when that is not known cheaply (outside the
   * session, or a session of several ranges), so a caller recomputes at the next instant.
   */
  periodEndLocal(tf: Timeframe, local: number): number {
    if (this.regular !== null && countsFromSessionOpen(tf)) {
      const open = this.sessionRangeOpenLocal(tf, local);
      if (open !== open) return local;
      const step = inSeconds(tf) * 1000;
      const start = periodStartFromOpen(open, step, local);
      return Math.min(start + step, this.sessionRangeCloseLocal(local));
    }
    const start = periodStart(tf, local);
    const end = nextPeriodStart(tf, start);
    // Intraday periods restart at midnight (`periodStart` floors within the day).
    const intraday = tf.unit === '' || tf.unit === 'S' || tf.unit === 'T';
    return intraday ? Math.min(end, (dayNumber(start) + 1) * MS_PER_DAY) : end;
  }

  /** `time_close(timeframe, session, timezone)`: close time of that period, same rules as {@link timeOf}. */
  timeCloseOf(timeframe = '', session?: string, tz?: string | Zone): number {
    if (!this.inSession(session, tz)) return NaN;
    const tf = this.tf(timeframe);
    if (tf === null) return NaN;
    if (tf === this.timeframe.parsed || tf.period === this.timeframe.period) return this.time_close;
    const zone = this.exchangeZone;
    const local = this.time + zone.offsetAt(this.time);
    let end = nextPeriodStart(tf, this.periodStartLocal(tf, local));
    if (this.regular !== null && countsFromSessionOpen(tf)) {
      // The session's last period is cut at the session close (a 15:30 hourly bar closes at 16:00).
      const close = this.regular.rangeEndOf(local);
      if (close === close && close < end) end = close;
    }
    return zone.utcFromLocal(end);
  }

  /**
   * `session.ispremarket`: the bar opens before the regular session of its day (bars out of the
   * regular session only exist on feeds with extended hours). Always false for 24x7 symbols.
   */
  sessionIsPremarket(): boolean {
    const t = this.time;
    return this.regular !== null && this.regular.beforeOpen(t + this.exchangeZone.offsetAt(t));
  }

  /** `session.ismarket`: the bar opens inside the symbol's regular session. */
  sessionIsMarket(): boolean {
    return this.marketAt(this.bar_index);
  }

  /** `session.isfirstbar`: the first bar of a trading day's session. */
  sessionIsFirstBar(): boolean {
    const i = this.bar_index;
    if (!this.marketAt(i)) return false;
    return i === 0 || !this.marketAt(i - 1) || this.tradingDayAt(i - 1) !== this.tradingDayAt(i);
  }

  /** `session.islastbar`: the last bar of a trading day's session (judged from the next bar in the feed). */
  sessionIsLastBar(): boolean {
    const i = this.bar_index;
    if (!this.marketAt(i)) return false;
    if (i === this.last_bar_index) {
      // No next bar: the session ends here if the instant the bar closes is outside it or on another day.
      const end = this.time_close;
      const local = end + this.exchangeZone.offsetAt(end);
      if (this.regular === null) return Math.floor(local / 86_400_000) !== this.tradingDayAt(i);
      return !this.regular.contains(local) || this.regular.tradingDayOf(local) !== this.tradingDayAt(i);
    }
    return !this.marketAt(i + 1) || this.tradingDayAt(i + 1) !== this.tradingDayAt(i);
  }

  private marketAt(i: number): boolean {
    const t = this.feed.time[i];
    return this.regular === null || this.regular.contains(t + this.exchangeZone.offsetAt(t));
  }

  private tradingDayAt(i: number): number {
    const t = this.feed.time[i];
    const local = t + this.exchangeZone.offsetAt(t);
    return this.regular === null ? Math.floor(local / 86_400_000) : this.regular.tradingDayOf(local);
  }

  /** True when no session is given or the bar's open time is inside it. */
  private inSession(session: string | undefined, tz: string | Zone | undefined): boolean {
    if (session === undefined || session === '') return true;
    const s = this.sessions.get(session);
    if (s === null) return false;
    return s.contains(this.time + this.zone(tz).offsetAt(this.time));
  }

  /** `time_close` of every bar when the feed has none: calendar-aware for D/W/M, null when intraday. */
  private deriveCloseTimes(): Float64Array | null {
    const unit = this.timeframe.parsed.unit;
    if (unit === '' || unit === 'S') return null;
    const time = this.feed.time;
    const out = new Float64Array(time.length);
    for (let i = 0; i < time.length; i++) out[i] = this.closeTimeOf(time[i]);
    return out;
  }

  /** Close time of a bar opening at `t`: next period start (calendar-aware for D/W/M). */
  private closeTimeOf(t: number): number {
    const tf = this.timeframe.parsed;
    if (tf.unit === '' || tf.unit === 'S') return t + this.barMs;
    const zone = this.exchangeZone;
    const local = t + zone.offsetAt(t);
    return zone.utcFromLocal(nextPeriodStart(tf, periodStart(tf, local)));
  }
}

/** The chart timeframe implied by the smallest gap between the first bars (fallback "1"). */
export function inferTimeframe(feed: Feed): string {
  let gap = Infinity;
  for (let i = 1; i < Math.min(feed.length, 50); i++) gap = Math.min(gap, feed.time[i] - feed.time[i - 1]);
  if (!Number.isFinite(gap) || gap <= 0) return '1';
  const s = Math.round(gap / 1000);
  if (s % 604_800 === 0) return `${s / 604_800}W`;
  if (s % 86_400 === 0) return `${s / 86_400}D`;
  if (s >= 28 * 86_400) return '1M';
  if (s % 60 === 0) return String(s / 60);
  return `${s}S`;
}

/** Periods a session symbol counts from its session open: intraday ones and the one-day period. */
function countsFromSessionOpen(tf: Timeframe): boolean {
  return tf.unit === '' || tf.unit === 'S' || (tf.unit === 'D' && tf.multiplier === 1);
}
