import { floorToStep, roundToTick } from '../broker/symbol.js';
import type { SymbolInfo } from '../broker/symbol.js';
import type { ResolvedSettings } from './settings.js';

/**
 * The `default_qty_type` size of an entry placed at a bar whose close is `close`, with `equity` =
 * initial capital + net profit (open profit excluded) in account currency and `rate` the
 * quote→account currency rate.
 *
 * TradingView (TV-BROKER.md §3.5): the signal bar's close rounded to the tick; the entry commission
 * reserved; floored to the quantity step (corpus analyzer-parity-percent-of-equity-sizing-01). A
 * cash-per-order commission is taken off the budget (corpus order-percent-equity-cash-commission-01:
 * 250,000 − 1.5 over 1803.33 = 138.6308); per contract it is added to the price (not yet seen in the
 * corpus). Cash sizing reserves nothing (corpus pyramid-cash-fractional-commission-01).
 */
export function defaultQty(
  settings: ResolvedSettings,
  symbol: SymbolInfo,
  close: number,
  equity: number,
  rate: number,
): number {
  const price = roundToTick(close, symbol.mintick);
  // Point value in account currency: the budget is account money, the price quote money.
  const pv = symbol.pointValue * rate;
  switch (settings.defaultQtyType) {
    case 'fixed':
      return settings.defaultQtyValue;
    case 'cash':
      return floorToStep(settings.defaultQtyValue / (price * pv), symbol.qtyStep);
    case 'percent_of_equity': {
      const budget = (equity * settings.defaultQtyValue) / 100;
      const v = settings.commissionValue;
      switch (settings.commissionType) {
        case 'percent':
          return floorToStep(budget / (price * pv * (1 + v / 100)), symbol.qtyStep);
        case 'cash_per_order':
          return floorToStep((budget - v) / (price * pv), symbol.qtyStep);
        case 'cash_per_contract':
          return floorToStep(budget / (price * pv + v), symbol.qtyStep);
      }
    }
  }
}
