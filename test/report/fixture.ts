/**
 * A report input built from real candles (test/fixtures/report, 2,000 ETH/USDT 15m bars) and a
 * hand-made trade list whose figures are worked out from those candles the way TradingView does:
 * market fills at the bar's open, profit = side × (exit − entry) × qty, run-up / drawdown from the
 * highs and lows the trade lived through, equity = capital + closed profit + open profit at close.
 */
import { readFileSync } from 'node:fs';
import { makeTrade, type Trade } from '../../src/exports/index.js';
import { computeMetrics } from '../../src/metrics/index.js';
import type { ReportBars, ReportInput } from '../../src/report/index.js';
import type { PerformanceSummary, SummaryColumn } from '../../src/runtime/strategy/summary.js';

const FIXTURE = new URL('../fixtures/report/eth-usdt-15m-2000.csv', import.meta.url);

/** A title and a signal name that would break the page if not escaped. */
export const HOSTILE_TITLE = 'EMA "cross" <b>bold</b> & </script><script>window.pwned=1</script>';
export const HOSTILE_SIGNAL = '<img src=x onerror="window.pwned=1">';

export const CAPITAL = 10_000;
const QTY = 2;

/** Reads the fixture CSV into columns. */
export function loadBars(): ReportBars {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
  const column = (): Float64Array => new Float64Array(lines.length);
  const bars = {
    time: column(),
    open: column(),
    high: column(),
    low: column(),
    close: column(),
    volume: column(),
  };
  lines.forEach((line, i) => {
    const [t, o, h, l, c, v] = line.split(',').map(Number);
    bars.time[i] = t;
    bars.open[i] = o;
    bars.high[i] = h;
    bars.low[i] = l;
    bars.close[i] = c;
    bars.volume[i] = v;
  });
  return bars;
}

/** [direction, entry bar, exit bar (−1 = still open), entry signal, exit signal]. */
type Plan = readonly ['long' | 'short', number, number, string, string];

const PLANS: readonly Plan[] = [
  ['long', 40, 130, 'EMA up', 'EMA down'],
  ['short', 180, 260, 'EMA down', 'Stop'],
  ['long', 300, 520, HOSTILE_SIGNAL, 'TP'],
  ['short', 600, 640, 'EMA down', 'EMA up'],
  ['long', 700, 900, 'EMA up', 'EMA down'],
  ['long', 1000, 1090, 'EMA up', 'Stop'],
  ['short', 1200, 1380, 'EMA down', 'EMA up'],
  ['long', 1500, 1700, 'EMA up', 'TP'],
  ['short', 1850, -1, 'EMA down', 'Open'],
];

/** The trades of {@link PLANS} with every figure derived from the bars. */
export function buildTrades(bars: ReportBars): Trade[] {
  const last = bars.time.length - 1;
  let cum = 0;
  return PLANS.map(([direction, entryBar, exitBar, entrySignal, exitSignal], i) => {
    const side = direction === 'long' ? 1 : -1;
    const open = exitBar < 0;
    const end = open ? last : exitBar;
    const entryPrice = bars.open[entryBar];
    const exitPrice = open ? bars.close[last] : bars.open[exitBar];
    let best = 0;
    let worst = 0;
    for (let b = entryBar; b <= end; b++) {
      const favourable = side > 0 ? bars.high[b] - entryPrice : entryPrice - bars.low[b];
      const adverse = side > 0 ? bars.low[b] - entryPrice : entryPrice - bars.high[b];
      best = Math.max(best, favourable * QTY);
      worst = Math.min(worst, adverse * QTY);
    }
    const profit = side * (exitPrice - entryPrice) * QTY;
    if (!open) cum += profit;
    return makeTrade({
      number: i + 1,
      direction,
      entryTime: bars.time[entryBar],
      entryPrice,
      entrySignal,
      exitTime: bars.time[end],
      exitPrice,
      exitSignal,
      qty: QTY,
      profit,
      profitPercent: (profit / (entryPrice * QTY)) * 100,
      cumProfit: open ? cum + profit : cum,
      runUp: best,
      drawdown: worst,
      commission: 0,
      open,
    });
  });
}

/** Equity per bar: capital + closed profit + the open trade's profit at the bar's close. */
export function buildEquity(bars: ReportBars, trades: readonly Trade[]): Float64Array {
  const equity = new Float64Array(bars.time.length);
  for (let b = 0; b < equity.length; b++) {
    const t = bars.time[b];
    let value = CAPITAL;
    for (const trade of trades) {
      const side = trade.direction === 'long' ? 1 : -1;
      const closed = !trade.open && trade.exitTime <= t;
      if (closed) value += trade.profit;
      else if (trade.entryTime <= t) value += side * (bars.close[b] - trade.entryPrice) * trade.qty;
    }
    equity[b] = value;
  }
  return equity;
}

const total = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const average = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : total(xs) / xs.length);

/** One Performance Summary column over `trades`, by TV-BROKER.md §3.9's definitions. */
function column(trades: readonly Trade[], bars: ReportBars): SummaryColumn {
  const barIndex = new Map(Array.from(bars.time, (t, i) => [t, i]));
  const closed = trades.filter((t) => !t.open);
  const profits = closed.map((t) => t.profit);
  const percents = closed.map((t) => t.profitPercent);
  const lengths = closed.map((t) => (barIndex.get(t.exitTime) ?? 0) - (barIndex.get(t.entryTime) ?? 0) + 1);
  const won = profits.map((p) => p > 0);
  const lost = profits.map((p) => p < 0);
  const pick = (xs: readonly number[], mask: readonly boolean[]): number[] => xs.filter((_, i) => mask[i]);
  const grossProfit = total(pick(profits, won));
  const grossLoss = -total(pick(profits, lost));
  const avgWin = average(pick(profits, won));
  const avgLoss = -average(pick(profits, lost));
  const wins = pick(profits, won).length;
  const losses = pick(profits, lost).length;
  return {
    netProfit: total(profits),
    netProfitPercent: (total(profits) / CAPITAL) * 100,
    grossProfit,
    grossProfitPercent: (grossProfit / CAPITAL) * 100,
    grossLoss,
    grossLossPercent: (grossLoss / CAPITAL) * 100,
    commissionPaid: 0,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : Number.NaN,
    totalClosedTrades: closed.length,
    totalOpenTrades: trades.length - closed.length,
    winningTrades: wins,
    losingTrades: losses,
    evenTrades: closed.length - wins - losses,
    percentProfitable: closed.length > 0 ? (wins / closed.length) * 100 : Number.NaN,
    avgTrade: average(profits),
    avgTradePercent: average(percents),
    avgWinningTrade: avgWin,
    avgWinningTradePercent: average(pick(percents, won)),
    avgLosingTrade: avgLoss,
    avgLosingTradePercent: -average(pick(percents, lost)),
    ratioAvgWinAvgLoss: avgLoss > 0 ? avgWin / avgLoss : Number.NaN,
    largestWinningTrade: Math.max(...pick(profits, won)),
    largestWinningTradePercent: Math.max(...pick(percents, won)),
    largestLosingTrade: Math.min(...pick(profits, lost)),
    largestLosingTradePercent: Math.min(...pick(percents, lost)),
    avgBarsInTrades: average(lengths),
    avgBarsInWinningTrades: average(pick(lengths, won)),
    avgBarsInLosingTrades: average(pick(lengths, lost)),
    openPnl: total(trades.filter((t) => t.open).map((t) => t.profit)),
  };
}

/** The Performance Summary of the hand-made trades (ratios are arbitrary stand-ins, shown as given). */
export function buildSummary(
  bars: ReportBars,
  trades: readonly Trade[],
  equity: Float64Array,
): PerformanceSummary {
  let peak = -Infinity;
  let trough = Infinity;
  let maxDrawdown = 0;
  let maxRunup = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    trough = Math.min(trough, e);
    maxDrawdown = Math.max(maxDrawdown, peak - e);
    maxRunup = Math.max(maxRunup, e - trough);
  }
  const bhPercent = (bars.close[bars.close.length - 1] / bars.close[0] - 1) * 100;
  return {
    all: column(trades, bars),
    long: column(
      trades.filter((t) => t.direction === 'long'),
      bars,
    ),
    short: column(
      trades.filter((t) => t.direction === 'short'),
      bars,
    ),
    initialCapital: CAPITAL,
    buyAndHoldReturn: (CAPITAL * bhPercent) / 100,
    buyAndHoldReturnPercent: bhPercent,
    maxRunup,
    maxDrawdown,
    sharpeRatio: 0.4321,
    sortinoRatio: 1.2345,
    marginCalls: 0,
  };
}

/** The whole backtest report input. */
export function buildReportInput(): ReportInput {
  const bars = loadBars();
  const trades = buildTrades(bars);
  const equity = buildEquity(bars, trades);
  const n = bars.time.length;
  return {
    meta: {
      title: HOSTILE_TITLE,
      strategyName: 'EMA cross demo',
      symbol: 'BINANCE:ETHUSDT.P',
      timeframe: '15m',
      from: bars.time[0],
      to: bars.time[n - 1],
      pineportVersion: '0.1.0',
      runId: 'run-0001',
      createdAt: Date.UTC(2026, 10, 21, 9, 0),
      currency: 'USDT',
      inputs: [
        { name: 'Fast length', value: 9 },
        { name: 'Slow length', value: 21 },
        { name: 'Use filter', value: true },
      ],
      settings: [
        { name: 'Initial capital', value: CAPITAL },
        { name: 'Order size', value: `${String(QTY)} contracts` },
        { name: 'Commission', value: '0%' },
      ],
    },
    bars,
    trades,
    equity: { time: bars.time, equity },
    summary: buildSummary(bars, trades, equity),
    metrics: computeMetrics({
      equity,
      times: bars.time,
      tradePnls: trades.filter((t) => !t.open).map((t) => t.profit),
    }),
  };
}
