/** The normalised trade every reader produces and the comparison consumes. */

export type Direction = 'long' | 'short';

/**
 * One closed or open trade. Times are UNIX ms (UTC) of the bar on which the order filled; money is
 * in the export's currency; NaN marks a value the source does not give.
 */
export interface Trade {
  /** The trade number from the export (1-based), or the position in a list we produced. */
  readonly number: number;
  readonly direction: Direction;
  readonly entryTime: number;
  readonly entryPrice: number;
  /** The entry's comment if it had one, else its order id. */
  readonly entrySignal: string;
  /** NaN when the source has no exit row. */
  readonly exitTime: number;
  readonly exitPrice: number;
  /** The exit order's comment or id; `Open` for a trade still open at the end. */
  readonly exitSignal: string;
  readonly qty: number;
  /** Net P&L of the trade (unrealised for open trades). */
  readonly profit: number;
  readonly profitPercent: number;
  /** Cumulative net P&L after this trade. */
  readonly cumProfit: number;
  /** Largest favourable excursion, ≥ 0. */
  readonly runUp: number;
  /** Largest adverse excursion, ≤ 0 (TradingView's 2025-26 sign). */
  readonly drawdown: number;
  /** Commission of the trade (only G7 exports give it). */
  readonly commission: number;
  /** True for a trade still open at the end of the backtest (`Signal = Open`). */
  readonly open: boolean;
  /** Source lines of the entry and exit rows (0 when not from a file). */
  readonly entryLine: number;
  readonly exitLine: number;
}

/** A trade with every optional figure NaN, for producers that only know the essentials. */
export function makeTrade(
  fields: Pick<
    Trade,
    'number' | 'direction' | 'entryTime' | 'entryPrice' | 'exitTime' | 'exitPrice' | 'qty'
  > &
    Partial<Trade>,
): Trade {
  return {
    entrySignal: '',
    exitSignal: '',
    profit: Number.NaN,
    profitPercent: Number.NaN,
    cumProfit: Number.NaN,
    runUp: Number.NaN,
    drawdown: Number.NaN,
    commission: Number.NaN,
    open: false,
    entryLine: 0,
    exitLine: 0,
    ...fields,
  };
}
