import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SymbolInfo } from '../broker/symbol.js';
import type { Trade } from '../broker/trade.js';
import type { ResolvedSettings } from './settings.js';

/** What a finished backtest hands to the trade-list writer and the performance summary. */
export interface StrategyResults {
  readonly settings: ResolvedSettings;
  readonly symbol: SymbolInfo;
  /** In closing order (TradingView's trade numbers 1…n). */
  readonly closedTrades: readonly Trade[];
  /** Still open at the last bar; listed after the closed ones with Signal `Open`. */
  readonly openTrades: readonly Trade[];
  readonly lastClose: number;
  /** Open time (UNIX ms) of the last bar. */
  readonly lastTime: number;
  readonly lastBarIndex: number;
  readonly firstTime: number;
  readonly firstClose: number;
  readonly firstOpen: number;
  readonly maxDrawdown: number;
  readonly maxRunup: number;
  readonly marginCalls: number;
  readonly diagnostics: readonly Diagnostic[];
}
