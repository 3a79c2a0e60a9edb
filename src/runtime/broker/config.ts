import type { SymbolInfo } from './symbol.js';

/** How commission is charged on each fill. */
export type CommissionType = 'percent' | 'cash_per_contract' | 'cash_per_order';

/** Which open trades an exit closes first. */
export type CloseEntriesRule = 'FIFO' | 'ANY';

/** Everything the kernel needs to know; the Pine adapter derives it from `strategy()` settings. */
export interface BrokerConfig {
  readonly symbol: SymbolInfo;
  readonly initialCapital: number;
  readonly commissionType: CommissionType;
  /** Percent of the fill's value, currency per contract, or currency per order. */
  readonly commissionValue: number;
  /** Ticks added to buy and subtracted from sell fills of market and stop orders. */
  readonly slippageTicks: number;
  /** Maximum same-direction entries held at once (0 behaves as 1). */
  readonly pyramiding: number;
  readonly closeEntriesRule: CloseEntriesRule;
  /** Margin requirement in percent of position value; 0 disables margin checks and calls. */
  readonly marginLong: number;
  readonly marginShort: number;
  /** Limit orders fill only when price trades this many ticks through the limit. */
  readonly fillLimitsAssumptionTicks: number;
  /** `use_bar_magnifier`: fills see intrabar ticks, so the entry-bar gap suppression is off. */
  readonly barMagnifier: boolean;
}

/** Commission charged for one fill of `qty` contracts at `price`. */
export function commissionFor(config: BrokerConfig, price: number, qty: number): number {
  const v = config.commissionValue;
  if (v === 0) return 0;
  switch (config.commissionType) {
    case 'percent':
      return (price * qty * config.symbol.pointValue * v) / 100;
    case 'cash_per_contract':
      return qty * v;
    case 'cash_per_order':
      return v;
  }
}
