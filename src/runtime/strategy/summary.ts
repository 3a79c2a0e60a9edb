import type { Trade } from '../broker/trade.js';
import type { StrategyResults } from './results.js';

/** One column (All, Long or Short) of TradingView's Performance Summary. NaN where TradingView shows "N/A". */
export interface SummaryColumn {
  readonly netProfit: number;
  readonly netProfitPercent: number;
  readonly grossProfit: number;
  readonly grossProfitPercent: number;
  readonly grossLoss: number;
  readonly grossLossPercent: number;
  readonly commissionPaid: number;
  readonly profitFactor: number;
  readonly totalClosedTrades: number;
  readonly totalOpenTrades: number;
  readonly winningTrades: number;
  readonly losingTrades: number;
  readonly evenTrades: number;
  readonly percentProfitable: number;
  readonly avgTrade: number;
  readonly avgTradePercent: number;
  readonly avgWinningTrade: number;
  readonly avgWinningTradePercent: number;
  readonly avgLosingTrade: number;
  readonly avgLosingTradePercent: number;
  readonly ratioAvgWinAvgLoss: number;
  readonly largestWinningTrade: number;
  readonly largestWinningTradePercent: number;
  readonly largestLosingTrade: number;
  readonly largestLosingTradePercent: number;
  readonly avgBarsInTrades: number;
  readonly avgBarsInWinningTrades: number;
  readonly avgBarsInLosingTrades: number;
  readonly openPnl: number;
}

/** The whole Performance Summary. Equity-curve rows exist for the All column only, as in TradingView. */
export interface PerformanceSummary {
  readonly all: SummaryColumn;
  readonly long: SummaryColumn;
  readonly short: SummaryColumn;
  readonly initialCapital: number;
  readonly buyAndHoldReturn: number;
  readonly buyAndHoldReturnPercent: number;
  /** Intrabar maximum equity run-up and drawdown (currency, positive). */
  readonly maxRunup: number;
  readonly maxDrawdown: number;
  readonly sharpeRatio: number;
  readonly sortinoRatio: number;
  readonly marginCalls: number;
}

/**
 * Computes the Performance Summary from a finished backtest.
 *
 * Conventions (TV-BROKER.md §3.9): per-trade percent = net P&L / (entry price × qty × point value);
 * "largest winning trade %" is an independent maximum; bars in a trade count both ends
 * (exit − entry + 1, PineForge's arbitrated convention); Sharpe and Sortino use monthly returns of
 * realised equity over UTC calendar months, rf = risk_free_rate / 12 per month, population standard
 * deviation, not annualised. Buy & hold = initial capital × (last close / first open − 1)
 * (PineForge's convention; not yet calibrated against a TradingView export).
 */
export function computeSummary(results: StrategyResults): PerformanceSummary {
  const capital = results.settings.initialCapital;
  const pv = results.symbol.pointValue;
  const closed = results.closedTrades;
  const open = results.openTrades;
  const openPnl = (t: Trade): number => t.openProfitAt(results.lastClose, pv) - t.entryCommission;
  const column = (dir: number): SummaryColumn =>
    summarise(
      closed.filter((t) => dir === 0 || t.direction === dir),
      open.filter((t) => dir === 0 || t.direction === dir),
      capital,
      pv,
      openPnl,
    );
  const first = results.firstOpen;
  const bhPercent = first > 0 ? (results.lastClose / first - 1) * 100 : Number.NaN;
  const { sharpe, sortino } = monthlyRatios(results);
  return {
    all: column(0),
    long: column(1),
    short: column(-1),
    initialCapital: capital,
    buyAndHoldReturn: (capital * bhPercent) / 100,
    buyAndHoldReturnPercent: bhPercent,
    maxRunup: results.maxRunup,
    maxDrawdown: results.maxDrawdown,
    sharpeRatio: sharpe,
    sortinoRatio: sortino,
    marginCalls: results.marginCalls,
  };
}

function summarise(
  closed: readonly Trade[],
  open: readonly Trade[],
  capital: number,
  pv: number,
  openPnl: (t: Trade) => number,
): SummaryColumn {
  const pct = (t: Trade): number => (t.profit / (t.entryPrice * t.qty * pv)) * 100;
  const bars = (t: Trade): number => t.exitBar - t.entryBar + 1;
  const wins = closed.filter((t) => t.profit > 0);
  const losses = closed.filter((t) => t.profit < 0);
  const net = sum(closed, (t) => t.profit);
  const grossProfit = sum(wins, (t) => t.profit);
  const grossLoss = -sum(losses, (t) => t.profit);
  const avgWin = mean(wins, (t) => t.profit);
  const avgLoss = -mean(losses, (t) => t.profit);
  return {
    netProfit: net,
    netProfitPercent: (net / capital) * 100,
    grossProfit,
    grossProfitPercent: (grossProfit / capital) * 100,
    grossLoss,
    grossLossPercent: (grossLoss / capital) * 100,
    commissionPaid:
      sum(closed, (t) => t.entryCommission + t.exitCommission) + sum(open, (t) => t.entryCommission),
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : Number.NaN,
    totalClosedTrades: closed.length,
    totalOpenTrades: open.length,
    winningTrades: wins.length,
    losingTrades: losses.length,
    evenTrades: closed.length - wins.length - losses.length,
    percentProfitable: closed.length > 0 ? (wins.length / closed.length) * 100 : Number.NaN,
    avgTrade: mean(closed, (t) => t.profit),
    avgTradePercent: mean(closed, pct),
    avgWinningTrade: avgWin,
    avgWinningTradePercent: mean(wins, pct),
    avgLosingTrade: avgLoss,
    avgLosingTradePercent: -mean(losses, pct),
    ratioAvgWinAvgLoss: avgLoss > 0 ? avgWin / avgLoss : Number.NaN,
    largestWinningTrade: max(wins, (t) => t.profit),
    largestWinningTradePercent: max(wins, pct),
    largestLosingTrade: -max(losses, (t) => -t.profit),
    largestLosingTradePercent: -max(losses, (t) => -pct(t)),
    avgBarsInTrades: mean(closed, bars),
    avgBarsInWinningTrades: mean(wins, bars),
    avgBarsInLosingTrades: mean(losses, bars),
    openPnl: sum(open, openPnl),
  };
}

/**
 * Sharpe and Sortino on monthly returns of realised equity (open profit excluded): equity at each
 * UTC month end from the first bar's month to the last bar's, returns in percent, rf = annual/12.
 */
export function monthlyRatios(results: StrategyResults): { sharpe: number; sortino: number } {
  const returns = monthlyReturns(results);
  if (returns.length < 2) return { sharpe: Number.NaN, sortino: Number.NaN };
  const rf = results.settings.riskFreeRate / 12;
  const m = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - m) ** 2, 0) / returns.length;
  const downside = returns.reduce((a, r) => a + Math.min(0, r - rf) ** 2, 0) / returns.length;
  return {
    sharpe: variance > 0 ? (m - rf) / Math.sqrt(variance) : Number.NaN,
    sortino: downside > 0 ? (m - rf) / Math.sqrt(downside) : Number.NaN,
  };
}

/** Percent returns of realised equity per UTC calendar month. */
export function monthlyReturns(results: StrategyResults): number[] {
  if (Number.isNaN(results.firstTime)) return [];
  const monthOf = (ms: number): number => {
    const d = new Date(ms);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const firstMonth = monthOf(results.firstTime);
  const lastMonth = monthOf(results.lastTime);
  const profitByMonth = new Float64Array(lastMonth - firstMonth + 1);
  for (const t of results.closedTrades) profitByMonth[monthOf(t.exitTime) - firstMonth] += t.profit;
  const returns: number[] = [];
  let equity = results.settings.initialCapital;
  for (const p of profitByMonth) {
    const next = equity + p;
    returns.push(((next - equity) / equity) * 100);
    equity = next;
  }
  return returns;
}

function sum(trades: readonly Trade[], f: (t: Trade) => number): number {
  let s = 0;
  for (const t of trades) s += f(t);
  return s;
}

function mean(trades: readonly Trade[], f: (t: Trade) => number): number {
  return trades.length === 0 ? Number.NaN : sum(trades, f) / trades.length;
}

function max(trades: readonly Trade[], f: (t: Trade) => number): number {
  let m = Number.NaN;
  for (const t of trades) {
    const v = f(t);
    if (!(v <= m)) m = v;
  }
  return m;
}
