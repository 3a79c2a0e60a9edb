/**
 * Statistics of closed-trade profits and losses (net PnL per trade, account currency). A trade with
 * PnL > 0 is a win, < 0 a loss; a zero-PnL trade counts in the total but is neither (as
 * TradingView's "even" trades). Every function returns NaN for an empty list.
 */

/** Share of trades with PnL > 0 (TradingView's "percent profitable", as a fraction). */
export function winRate(pnls: ArrayLike<number>): number {
  const n = pnls.length;
  if (n === 0) return NaN;
  let wins = 0;
  for (let i = 0; i < n; i++) if (pnls[i] > 0) wins++;
  return wins / n;
}

/**
 * Profit factor: gross profit / |gross loss|. Infinity with profits and no losses, NaN with neither.
 */
export function profitFactor(pnls: ArrayLike<number>): number {
  let gross = 0;
  let loss = 0;
  for (let i = 0; i < pnls.length; i++) {
    const p = pnls[i];
    if (p > 0) gross += p;
    else if (p < 0) loss -= p;
    else if (Number.isNaN(p)) return NaN;
  }
  if (loss === 0) return gross > 0 ? Infinity : NaN;
  return gross / loss;
}

/**
 * Expectancy: the mean PnL per trade, `Σ pnl / n` (equivalently `W·avgWin − (1 − W)·|avgLoss|` when
 * there are no even trades); TradingView's "Avg P&L".
 */
export function expectancy(pnls: ArrayLike<number>): number {
  const n = pnls.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += pnls[i];
  return sum / n;
}

/**
 * System Quality Number (Van K. Tharp): `√n · mean(pnl) / std(pnl, ddof = 1)` over all n trades,
 * uncapped (Tharp's later variant caps n at 100; pass the last 100 trades for that). NaN with fewer
 * than two trades or identical PnLs.
 */
export function sqn(pnls: ArrayLike<number>): number {
  const n = pnls.length;
  if (n < 2) return NaN;
  const m = expectancy(pnls);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = pnls[i] - m;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) return NaN;
  return (Math.sqrt(n) * m) / sd;
}

/**
 * Kelly fraction `f* = W − (1 − W) / R`, with W the win rate and R = mean win / |mean loss| (the
 * win/loss payoff ratio), the bet fraction maximising log growth for a two-outcome game. Limits:
 * no losses → W (= 1 when there are no even trades); no wins → −Infinity.
 */
export function kellyFraction(pnls: ArrayLike<number>): number {
  const n = pnls.length;
  if (n === 0) return NaN;
  let wins = 0;
  let losses = 0;
  let winSum = 0;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const p = pnls[i];
    if (Number.isNaN(p)) return NaN;
    if (p > 0) {
      wins++;
      winSum += p;
    } else if (p < 0) {
      losses++;
      lossSum -= p;
    }
  }
  const w = wins / n;
  if (losses === 0) return w;
  if (wins === 0) return -Infinity;
  const payoff = winSum / wins / (lossSum / losses);
  return w - (1 - w) / payoff;
}
