import { makeTrade, type Trade } from '../exports/index.js';
import { tradeRows, type StrategyResults } from '../runtime/index.js';

/** The broker's trades in the List-of-Trades shape TradingView exports, for `verify` and reports. */
export function toExportTrades(results: StrategyResults): Trade[] {
  return tradeRows(results).map((row) => {
    const t = row.trade;
    return makeTrade({
      number: row.number,
      direction: t.direction > 0 ? 'long' : 'short',
      entryTime: t.entryTime,
      entryPrice: t.entryPrice,
      entrySignal: t.entrySignal,
      exitTime: row.exitTime,
      exitPrice: row.exitPrice,
      exitSignal: row.open ? 'Open' : t.exitSignal,
      qty: t.qty,
      profit: row.profit,
      cumProfit: row.cumulative,
      runUp: t.runUpValue,
      drawdown: -Math.abs(t.drawdownValue),
      commission: t.entryCommission + t.exitCommission,
      open: row.open,
    });
  });
}
