import type { PerformanceMetrics } from '../metrics/index.js';

/**
 * pineport/metrics' {@link PerformanceMetrics} as the snake-case metric names objectives use
 * (`sharpe`, `max_drawdown_pct`…). Fractions become percentages where the name says `_pct`.
 */
export function performanceToMetrics(p: PerformanceMetrics): Record<string, number> {
  return {
    total_return: p.totalReturn,
    net_profit_pct: p.totalReturn * 100,
    cagr: p.cagr,
    volatility: p.volatility,
    sharpe: p.sharpe,
    sortino: p.sortino,
    calmar: p.calmar,
    max_drawdown_pct: p.maxDrawdown * 100,
    max_drawdown: p.maxDrawdownAmount,
    max_drawdown_duration_bars: p.maxDrawdownDurationBars,
    ulcer_index: p.ulcerIndex,
    omega: p.omega,
    tail_ratio: p.tailRatio,
    exposure: p.exposure,
    trades: p.trades,
    win_rate: p.winRate,
    profit_factor: p.profitFactor,
    expectancy: p.expectancy,
    sqn: p.sqn,
    kelly: p.kelly,
  };
}
