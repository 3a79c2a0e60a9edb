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

/**
 * Commission charged for one fill of `qty` contracts at `price`, in quote currency (the ledger
 * converts it with the P&L). A percent commission is a share of the fill's quote value; a cash
 * commission is an account-currency amount, worth `value / rate` quote at the fill's quote→account
 * `rate`. Evidence: corpus order-percent-equity-cash-commission-01 (USD account on a USDT pair, 1.5
 * USD per order) books each trade as USDT P&L × rate − 3; charging 3 USDT instead drifts its equity
 * by 3 × (1 − rate) a trade, −0.18 USD by October, enough to floor 14 of its percent-of-equity sizes
 * one step low (sizing.ts already takes the commission as account money).
 */
export function commissionFor(config: BrokerConfig, price: number, qty: number, rate = 1): number {
  const v = config.commissionValue;
  if (v === 0) return 0;
  switch (config.commissionType) {
    case 'percent':
      return (price * qty * config.symbol.pointValue * v) / 100;
    case 'cash_per_contract':
      return (qty * v) / rate;
    case 'cash_per_order':
      return v / rate;
  }
}
