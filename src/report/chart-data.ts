/** The data the page's script draws, built from a {@link ReportInput} and embedded as JSON. */
import type { Trade } from '../exports/index.js';
import { drawdownPercent } from './monthly.js';
import { bestSoFar } from './study.js';
import type { ReportBars, ReportInput } from './types.js';

/** A lightweight-charts series marker (time in UNIX seconds, as the library wants). */
export interface ChartMarker {
  readonly time: number;
  readonly position: 'aboveBar' | 'belowBar';
  readonly shape: 'arrowUp' | 'arrowDown';
  readonly color: string;
  readonly text: string;
}

/** Everything the charts need; times in UNIX seconds (both libraries' unit). */
export interface ChartData {
  readonly currency: string;
  readonly candles?: {
    readonly t: Float64Array;
    readonly o: Float64Array;
    readonly h: Float64Array;
    readonly l: Float64Array;
    readonly c: Float64Array;
    readonly v: Float64Array;
  };
  readonly markers: readonly ChartMarker[];
  readonly equity: { readonly t: Float64Array; readonly e: Float64Array; readonly dd: Float64Array };
  readonly convergence?: {
    readonly n: Float64Array;
    readonly value: Float64Array;
    readonly best: Float64Array;
  };
  readonly walkForward?: { readonly t: Float64Array; readonly e: Float64Array };
}

/** TradingView's order colours: buy orders blue, sell orders red. */
const BUY = '#2962ff';
const SELL = '#f23645';

/** Past this many trades the markers carry no text, or the chart becomes unreadable. */
const LABELLED_TRADES = 150;

const seconds = (ms: ArrayLike<number>): Float64Array => Float64Array.from(ms, (t) => t / 1000);

/**
 * Entry and exit arrows for each trade, on bars the chart has (a marker on a missing time would be
 * misplaced): buys below the bar pointing up, sells above pointing down, as TradingView draws orders.
 */
export function tradeMarkers(trades: readonly Trade[], bars: ReportBars): ChartMarker[] {
  const barTimes = new Set(bars.time);
  const labelled = trades.length <= LABELLED_TRADES;
  const markers: ChartMarker[] = [];
  const add = (ms: number, buy: boolean, text: string): void => {
    if (!barTimes.has(ms)) return;
    markers.push({
      time: ms / 1000,
      position: buy ? 'belowBar' : 'aboveBar',
      shape: buy ? 'arrowUp' : 'arrowDown',
      color: buy ? BUY : SELL,
      text: labelled ? text : '',
    });
  };
  for (const t of trades) {
    const long = t.direction === 'long';
    add(t.entryTime, long, t.entrySignal);
    if (!t.open) add(t.exitTime, !long, t.exitSignal);
  }
  return markers.sort((a, b) => a.time - b.time);
}

/** The chart data of a report. */
export function chartData(input: ReportInput): ChartData {
  const bars = input.bars !== undefined && input.bars.time.length > 0 ? input.bars : undefined;
  const study = input.optimisation;
  const wf = input.walkForward;
  return {
    currency: input.meta.currency,
    candles:
      bars === undefined
        ? undefined
        : { t: seconds(bars.time), o: bars.open, h: bars.high, l: bars.low, c: bars.close, v: bars.volume },
    markers: bars === undefined ? [] : tradeMarkers(input.trades, bars),
    equity: {
      t: seconds(input.equity.time),
      e: input.equity.equity,
      dd: drawdownPercent(input.equity.equity),
    },
    convergence:
      study === undefined
        ? undefined
        : {
            n: Float64Array.from(study.trials, (_, i) => i + 1),
            value: Float64Array.from(study.trials, (t) => t.value),
            best: bestSoFar(study.trials, study.maximize),
          },
    walkForward:
      wf === undefined ? undefined : { t: seconds(wf.stitchedEquity.time), e: wf.stitchedEquity.equity },
  };
}
