import type { BrokerConfig, CloseEntriesRule, CommissionType } from '../broker/config.js';
import type { SymbolInfo } from '../broker/symbol.js';

/** How `strategy.entry`/`strategy.order` size an order when no `qty` is given. */
export type QtyType = 'fixed' | 'cash' | 'percent_of_equity';

/**
 * The `strategy()` declaration's arguments, camelCased; every field optional (Pine's defaults
 * apply). The code generator copies the script's literal arguments here.
 */
export interface StrategySettings {
  /** The script's `//@version`; decides the margin defaults (v5: 0, v6: 100). */
  readonly version?: number;
  readonly initialCapital?: number;
  readonly defaultQtyType?: QtyType;
  readonly defaultQtyValue?: number;
  readonly pyramiding?: number;
  readonly commissionType?: CommissionType;
  readonly commissionValue?: number;
  readonly slippage?: number;
  readonly marginLong?: number;
  readonly marginShort?: number;
  readonly processOrdersOnClose?: boolean;
  readonly calcOnOrderFills?: boolean;
  /** Realtime only; no effect on historical bars (TV-BROKER.md §3.8). Accepted and ignored. */
  readonly calcOnEveryTick?: boolean;
  readonly closeEntriesRule?: CloseEntriesRule;
  readonly backtestFillLimitsAssumption?: number;
  /** Annual percent, used by Sharpe and Sortino (default 2). */
  readonly riskFreeRate?: number;
  readonly useBarMagnifier?: boolean;
  readonly fillOrdersOnStandardOhlc?: boolean;
  readonly currency?: string;
}

/** Settings with every default applied. */
export interface ResolvedSettings {
  readonly version: number;
  readonly initialCapital: number;
  readonly defaultQtyType: QtyType;
  readonly defaultQtyValue: number;
  readonly pyramiding: number;
  readonly commissionType: CommissionType;
  readonly commissionValue: number;
  readonly slippage: number;
  readonly marginLong: number;
  readonly marginShort: number;
  readonly processOrdersOnClose: boolean;
  readonly calcOnOrderFills: boolean;
  readonly closeEntriesRule: CloseEntriesRule;
  readonly backtestFillLimitsAssumption: number;
  readonly riskFreeRate: number;
  readonly useBarMagnifier: boolean;
}

/**
 * Applies Pine's documented defaults (v6 reference for `strategy()`): initial_capital 1,000,000,
 * fixed 1 contract, pyramiding 0 (= one entry), percent commission 0, slippage 0, FIFO,
 * risk_free_rate 2; margin 100 % in v6 and 0 % (no margin checks) in v5 and earlier
 * (v6 migration guide → "Default margin percentage"; TV-BROKER.md §3.7).
 */
export function resolveSettings(settings: StrategySettings): ResolvedSettings {
  const version = settings.version ?? 6;
  const defaultMargin = version >= 6 ? 100 : 0;
  return {
    version,
    initialCapital: settings.initialCapital ?? 1_000_000,
    defaultQtyType: settings.defaultQtyType ?? 'fixed',
    defaultQtyValue: settings.defaultQtyValue ?? 1,
    pyramiding: settings.pyramiding ?? 0,
    commissionType: settings.commissionType ?? 'percent',
    commissionValue: settings.commissionValue ?? 0,
    slippage: settings.slippage ?? 0,
    marginLong: settings.marginLong ?? defaultMargin,
    marginShort: settings.marginShort ?? defaultMargin,
    processOrdersOnClose: settings.processOrdersOnClose ?? false,
    calcOnOrderFills: settings.calcOnOrderFills ?? false,
    closeEntriesRule: settings.closeEntriesRule ?? 'FIFO',
    backtestFillLimitsAssumption: settings.backtestFillLimitsAssumption ?? 0,
    riskFreeRate: settings.riskFreeRate ?? 2,
    useBarMagnifier: settings.useBarMagnifier ?? false,
  };
}

/** The kernel configuration for resolved settings on a symbol. */
export function brokerConfigFor(settings: ResolvedSettings, symbol: SymbolInfo): BrokerConfig {
  return {
    symbol,
    initialCapital: settings.initialCapital,
    commissionType: settings.commissionType,
    commissionValue: settings.commissionValue,
    slippageTicks: settings.slippage,
    pyramiding: settings.pyramiding,
    closeEntriesRule: settings.closeEntriesRule,
    marginLong: settings.marginLong,
    marginShort: settings.marginShort,
    fillLimitsAssumptionTicks: settings.backtestFillLimitsAssumption,
    barMagnifier: settings.useBarMagnifier,
  };
}
