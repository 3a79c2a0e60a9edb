import { PineContext } from './context.js';
import { Feed } from './feed.js';
import { PineRuntimeError } from './errors.js';
import { PeriodCursor } from './time/period-cursor.js';
import type { Timeframe } from './time/timeframe.js';
import { inSeconds, nextPeriodStart, parseTimeframe, periodStart } from './time/timeframe.js';

/** The chart feed resampled to a higher timeframe, with where every chart bar falls in it. */
export interface Resampled {
  /** One bar per period: open = first open, high = max, low = min, close = last close, volume = sum. */
  readonly feed: Feed;
  /** Per chart bar: the index of its higher-timeframe bar. */
  readonly htfIndex: Int32Array;
  /**
   * Per chart bar: 1 when it is the last chart bar of a period that has ended (the next chart bar
   * opens a new period, or — for the feed's last bar — the bar closes at or after the period's end).
   * The feed's final partial period stays open, as TradingView treats it.
   */
  readonly closesPeriod: Uint8Array;
}

/**
 * Resamples the chart's feed to `tf`: a bar's period is the one holding its open time in the
 * exchange zone (session-aligned for intraday periods of symbols with a session, see
 * {@link PineContext.periodStartLocal}); the higher bar's time is that period's start.
 */
export function resampleFeed(chart: PineContext, tf: Timeframe): Resampled {
  const src = chart.feed;
  const n = src.length;
  const zone = chart.exchangeZone;
  const htfIndex = new Int32Array(n);
  const closesPeriod = new Uint8Array(n);
  // First pass: each bar's period. A fresh typed array costs ~3.5 ns per element (new memory), so
  // the period starts go to a plain array (one per period, not per bar) and the period columns are
  // sized once the periods are counted. A bar's start is compared with the previous bar's, so a NaN
  // start (no period) opens a period of its own.
  const localStarts: number[] = [];
  const periods = new PeriodCursor();
  let j = -1;
  let start = NaN;
  for (let i = 0; i < n; i++) {
    const t = src.time[i];
    const barStart = periods.startOf(chart, tf, t + zone.offsetAt(t));
    if (i === 0 || barStart !== start) {
      if (i > 0) closesPeriod[i - 1] = 1;
      j++;
      start = barStart;
      localStarts.push(barStart);
    }
    htfIndex[i] = j;
  }
  const m = j + 1;
  const time = new Float64Array(m);
  const open = new Float64Array(m);
  const high = new Float64Array(m).fill(-Infinity);
  const low = new Float64Array(m).fill(Infinity);
  const close = new Float64Array(m);
  const volume = new Float64Array(m);
  for (let k = 0; k < m; k++) time[k] = zone.utcFromLocal(localStarts[k]);
  for (let i = 0; i < n; i++) {
    const k = htfIndex[i];
    const first = i === 0 || htfIndex[i - 1] !== k;
    if (first) open[k] = src.open[i];
    if (src.high[i] > high[k]) high[k] = src.high[i];
    if (src.low[i] < low[k]) low[k] = src.low[i];
    close[k] = src.close[i];
    volume[k] = first ? src.volume[i] : volume[k] + src.volume[i];
  }
  for (let k = 0; k < m; k++) {
    // A period whose bars all had na highs/lows keeps na, not ±Infinity.
    if (high[k] === -Infinity) high[k] = NaN;
    if (low[k] === Infinity) low[k] = NaN;
  }
  if (n > 0 && chartBarEnd(chart, n - 1) >= zone.utcFromLocal(nextPeriodStart(tf, start)))
    closesPeriod[n - 1] = 1;
  return { feed: new Feed({ time, open, high, low, close, volume }), htfIndex, closesPeriod };
}

/** Close time of chart bar `i`: the feed's, else open + duration (calendar-aware for D/W/M). */
function chartBarEnd(chart: PineContext, i: number): number {
  const own = chart.feed.timeClose;
  if (own !== null) return own[i];
  const t = chart.feed.time[i];
  const tf = chart.timeframe.parsed;
  if (tf.unit === '' || tf.unit === 'S') return t + inSeconds(tf) * 1000;
  const zone = chart.exchangeZone;
  return zone.utcFromLocal(nextPeriodStart(tf, periodStart(tf, t + zone.offsetAt(t))));
}

/**
 * One `request.security` call site on the chart's symbol at another timeframe, computed from the
 * chart feed resampled (no repainting on history). The expression runs in its own context over the
 * higher-timeframe bars, lazily and in order, exactly once per higher bar, so `ta.*` state inside it
 * advances once per higher bar. Values are kept per higher bar in a Float64Array (bools as 1/0;
 * a tuple of `width` numbers takes `width` slots per higher bar, read with {@link Security.row}).
 */
export class Security {
  /** The higher-timeframe context the expression is evaluated in. */
  readonly htf: PineContext;
  readonly resampled: Resampled;
  /** Numbers per higher bar: 1, or the size of a requested tuple. */
  readonly width: number;
  private readonly values: Float64Array;
  /** The row handed out by {@link row} (reused every bar) and the one `evaluate` fills. */
  private readonly current: Float64Array;
  private readonly scratch: Float64Array;
  private computed: number;
  /** Why this request cannot be served ('' when it can): thrown as a PineRuntimeError on first use. */
  private readonly problem: string;

  /**
   * `timeframe` is the requested one ("60", "D" …); a malformed one or one below the chart's throws
   * a {@link PineRuntimeError} when the first value is read.
   */
  constructor(chart: PineContext, timeframe: string, width = 1) {
    const parsed = timeframe === '' ? chart.timeframe.parsed : parseTimeframe(timeframe);
    // Below the chart's timeframe the value would come from intrabars, which a chart feed lacks.
    this.problem =
      parsed === null
        ? `invalid timeframe "${timeframe}"`
        : inSeconds(parsed) >= inSeconds(chart.timeframe.parsed)
          ? ''
          : `request.security at "${parsed.period}", below the chart's "${chart.timeframe.period}", needs intrabar data`;
    // A bad timeframe fails on the first bar (inside the bar loop, where the runner reports it).
    const tf = this.problem === '' && parsed !== null ? parsed : chart.timeframe.parsed;
    this.resampled = resampleFeed(chart, tf);
    this.htf = new PineContext(this.resampled.feed, {
      symbol: chart.syminfo,
      timeframe: tf.period,
      zones: chart.zones,
    });
    this.width = width;
    this.values = new Float64Array(this.resampled.feed.length * width).fill(NaN);
    this.current = new Float64Array(width);
    this.scratch = new Float64Array(width);
    this.computed = 0;
  }

  /**
   * The value on the chart's current bar `i`, inside higher bar `j`: lookahead off → E(j) when `i`
   * closes period j, else E(j−1) (na before the first); lookahead on → E(j) on every bar of period
   * j. With `gaps`, na except on the bar where the value is new (the closing bar with lookahead off,
   * the period's first bar with lookahead on). `evaluate` computes the expression on the higher
   * context's current bar; it is called at most once per higher bar, in order.
   */
  value(
    chart: PineContext,
    lookahead: boolean,
    gaps: boolean,
    evaluate: (htf: PineContext) => number,
  ): number {
    const k = this.target(chart, lookahead);
    if (k < 0) return NaN;
    while (this.computed <= k) {
      this.htf.setBar(this.computed);
      this.values[this.computed] = evaluate(this.htf);
      this.computed++;
    }
    return gaps && !this.fresh(chart, lookahead) ? NaN : this.values[k];
  }

  /**
   * {@link value} for a tuple: `evaluate` writes the `width` numbers of the higher bar into `out`;
   * the result is one row reused on every call (na everywhere when there is no value).
   */
  row(
    chart: PineContext,
    lookahead: boolean,
    gaps: boolean,
    evaluate: (htf: PineContext, out: Float64Array) => void,
  ): Float64Array {
    const k = this.target(chart, lookahead);
    const w = this.width;
    const out = this.current;
    while (this.computed <= k) {
      this.htf.setBar(this.computed);
      evaluate(this.htf, this.scratch);
      this.values.set(this.scratch, this.computed * w);
      this.computed++;
    }
    const none = k < 0 || (gaps && !this.fresh(chart, lookahead));
    for (let c = 0; c < w; c++) out[c] = none ? NaN : this.values[k * w + c];
    return out;
  }

  /** The higher bar whose value the chart's current bar sees (−1: none yet). */
  private target(chart: PineContext, lookahead: boolean): number {
    if (this.problem !== '') throw new PineRuntimeError('request-timeframe', this.problem);
    const i = chart.bar_index;
    const j = this.resampled.htfIndex[i];
    return lookahead || this.resampled.closesPeriod[i] === 1 ? j : j - 1;
  }

  /** With gaps: the value is new on this bar (the closing bar, or with lookahead the period's first). */
  private fresh(chart: PineContext, lookahead: boolean): boolean {
    const i = chart.bar_index;
    const r = this.resampled;
    return lookahead ? i === 0 || r.htfIndex[i - 1] !== r.htfIndex[i] : r.closesPeriod[i] === 1;
  }
}
