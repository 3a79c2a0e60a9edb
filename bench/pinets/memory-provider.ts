/**
 * A PineTS market-data provider (its public `IProvider` shape: getMarketData, getSymbolInfo,
 * configure) that serves the benchmark's bars from memory, so PineTS needs no network and sees the
 * same symbol settings as pineport (mintick 0.01, point value 1, UTC, 24x7). Given as a provider
 * rather than a bare candle array because PineTS leaves `syminfo` undefined for a bare array, and
 * every script reading `syminfo.mintick` then stops.
 */
import type { BarColumns } from '../../src/run/backtest.js';
import type { PinetsProvider } from './pinets-loader.js';

/** The chart symbol both engines are told about (Binance ETH-USDT perpetual, as in the feed). */
export const BENCH_TICKER = 'BINANCE:ETHUSDT.P';

/** One bar as PineTS's providers hand it over (times in UNIX ms). */
interface PinetsCandle {
  readonly openTime: number;
  /** PineTS's provider convention for 24/7 markets: the next bar's open time. */
  readonly closeTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** The bars in PineTS's `Kline` shape (fields it reads from exchange feeds, zero when unknown). */
interface Kline extends PinetsCandle {
  readonly quoteAssetVolume: number;
  readonly numberOfTrades: number;
  readonly takerBuyBaseAssetVolume: number;
  readonly takerBuyQuoteAssetVolume: number;
  readonly ignore: number;
}

/** The symbol description PineTS exposes as `syminfo.*`; the fields no corpus script reads are blank. */
function symbolInfo(): Record<string, string | number> {
  return {
    ticker: 'ETHUSDT.P',
    tickerid: BENCH_TICKER,
    main_tickerid: BENCH_TICKER,
    prefix: 'BINANCE',
    root: 'ETH',
    current_contract: '',
    description: 'ETH / USDT perpetual',
    isin: '',
    type: 'crypto',
    basecurrency: 'ETH',
    currency: 'USDT',
    country: '',
    timezone: 'Etc/UTC',
    session: '24x7',
    volumetype: 'base',
    mintick: 0.01,
    minmove: 1,
    pricescale: 100,
    pointvalue: 1,
    mincontract: 0.0001,
    employees: 0,
    industry: '',
    sector: '',
    shareholders: 0,
    shares_outstanding_float: 0,
    shares_outstanding_total: 0,
    expiration_date: 0,
    recommendations_buy: 0,
    recommendations_buy_strong: 0,
    recommendations_date: 0,
    recommendations_hold: 0,
    recommendations_sell: 0,
    recommendations_sell_strong: 0,
    recommendations_total: 0,
    target_price_average: 0,
    target_price_date: 0,
    target_price_estimates: 0,
    target_price_high: 0,
    target_price_low: 0,
    target_price_median: 0,
  };
}

/**
 * Serves one timeframe's bars. A request for another timeframe (`request.security`) gets no bars:
 * the benchmark does not aggregate feeds, and skips scripts that ask for one (see prepareCase).
 */
export class MemoryProvider implements PinetsProvider {
  private readonly klines: readonly Kline[];
  private readonly timeframe: string;

  /** `barMs`: the bar length, for the close times; `timeframe`: its Pine spelling (`'15'`). */
  constructor(bars: BarColumns, barMs: number, timeframe: string) {
    const klines: Kline[] = [];
    for (let i = 0; i < bars.time.length; i++) {
      klines.push({
        openTime: bars.time[i],
        closeTime: bars.time[i] + barMs,
        open: bars.open[i],
        high: bars.high[i],
        low: bars.low[i],
        close: bars.close[i],
        volume: bars.volume[i],
        quoteAssetVolume: 0,
        numberOfTrades: 0,
        takerBuyBaseAssetVolume: 0,
        takerBuyQuoteAssetVolume: 0,
        ignore: 0,
      });
    }
    this.klines = klines;
    this.timeframe = timeframe;
  }

  /**
   * PineTS asks once per runner for the chart's bars; the range arguments are ignored (whole feed).
   * A fresh copy each time, since PineTS may normalise the rows it is given in place.
   */
  getMarketData(_tickerId: string, timeframe: string): Promise<Kline[]> {
    return Promise.resolve(timeframe === this.timeframe ? this.klines.map((k) => ({ ...k })) : []);
  }

  /** The chart symbol's settings, for `syminfo.*` and the broker's tick rounding. */
  getSymbolInfo(): Promise<Record<string, string | number>> {
    return Promise.resolve(symbolInfo());
  }

  /** Part of the provider interface; there is nothing to configure. */
  configure(): void {
    // nothing: the bars are already in memory
  }
}
