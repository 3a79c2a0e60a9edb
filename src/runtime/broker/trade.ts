/**
 * One trade: an entry fill and, once closed, the exit fill that ended it. A partial exit splits an
 * open trade into a closed part and the remaining open part (TradingView lists them separately).
 */
export class Trade {
  /** Order id of the entry, e.g. `Long`. */
  entryId = '';
  /** Text of the entry row's Signal column (comment, else id). */
  entrySignal = '';
  /** +1 long, -1 short. */
  direction = 0;
  /** Open (or, once closed, closed) quantity in contracts, positive. */
  qty = 0;
  /** Quantity of the entry fill; `qty_percent` exits are shares of it (a partial exit does not shrink it). */
  initialQty = 0;
  entryPrice = 0;
  entryTime = 0;
  entryBar = 0;
  /** Commission of the entry fill attributable to `qty` (quote currency). */
  entryCommission = 0;
  /**
   * Quote→account currency rates in force at the entry and exit fills (1 when they are the same
   * currency). The corpus exports convert USDT P&L to USD at the previous day's close.
   */
  entryRate = 1;
  exitRate = 1;
  /** Highest and lowest prices traded while the trade was open. */
  highPrice = 0;
  lowPrice = 0;
  /** Excursions so far in account currency (see `runUp`/`drawdown`). */
  runUpValue = 0;
  drawdownValue = 0;
  exitId = '';
  exitSignal = '';
  exitPrice = Number.NaN;
  exitTime = 0;
  exitBar = -1;
  exitCommission = 0;
  /** Net profit in account currency (both commissions deducted, converted at `exitRate`); set when closed. */
  profit = 0;
  /** Ids of `strategy.exit` orders that already filled against this trade (one-shot per trade). */
  consumedExits: string[] = [];
  /** True when the exit was a margin-call liquidation. */
  marginCall = false;

  /** True once an exit fill closed this trade. */
  get closed(): boolean {
    return this.exitBar >= 0;
  }

  /** Profit of the trade if it were closed at `price` before exit commission (open P&L basis). */
  openProfitAt(price: number, pointValue: number): number {
    return (price - this.entryPrice) * this.qty * pointValue * this.direction;
  }

  /**
   * Largest favourable excursion while open, in account currency (≥ 0), TradingView's "Favorable
   * excursion": the best unrealised move less the entry commission, clamped at 0 (corpus
   * pyramid-cash-fractional-commission-01: 1300.12 − 1.38 commission = 1298.74; trade 127 shows 0),
   * each observation converted at the rate of its moment (exports in USD of USDT trades).
   */
  runUp(): number {
    return this.runUpValue;
  }

  /** Largest adverse excursion while open, in account currency (≤ 0), entry commission included. */
  drawdown(): number {
    return this.drawdownValue;
  }

  /** `runUp` in quote currency (TradingView's excursion percentages are quote amounts over the entry value). */
  runUpQuote(pointValue: number): number {
    const best = this.direction > 0 ? this.highPrice - this.entryPrice : this.entryPrice - this.lowPrice;
    return Math.max(0, Math.max(0, best) * this.qty * pointValue - this.entryCommission);
  }

  /** `drawdown` in quote currency. */
  drawdownQuote(pointValue: number): number {
    const worst = this.direction > 0 ? this.lowPrice - this.entryPrice : this.entryPrice - this.highPrice;
    return Math.min(0, worst) * this.qty * pointValue - this.entryCommission;
  }

  /**
   * `touch` at both extremes of a bar (`low` ≤ `high`) in one go. The favourable excursion is a
   * non-decreasing function of the price for a long (non-increasing for a short): with positive
   * quantity, point value and rate, every rounding step keeps that order, so only the favourable
   * extreme can raise the run-up and only the adverse one can deepen the drawdown — the same values
   * as touching both, with half the arithmetic. Anything else touches both.
   */
  touchRange(low: number, high: number, pointValue: number, rate: number): void {
    if (!(this.qty > 0 && pointValue > 0 && rate > 0)) {
      this.touch(low, pointValue, rate);
      this.touch(high, pointValue, rate);
      return;
    }
    if (high > this.highPrice) this.highPrice = high;
    if (low < this.lowPrice) this.lowPrice = low;
    const best = this.direction > 0 ? high : low;
    const worst = this.direction > 0 ? low : high;
    const fav = Math.max(0, Math.max(0, this.moveTo(best, pointValue)) - this.entryCommission) * rate;
    const adv = (Math.min(0, this.moveTo(worst, pointValue)) - this.entryCommission) * rate;
    if (fav > this.runUpValue) this.runUpValue = fav;
    if (adv < this.drawdownValue) this.drawdownValue = adv;
  }

  /** Quote-currency move of the open quantity from the entry to `price` (the excursion before commission). */
  private moveTo(price: number, pointValue: number): number {
    return (price - this.entryPrice) * this.direction * this.qty * pointValue;
  }

  /** Lets the open trade see a traded price at the current quote→account `rate`. */
  touch(price: number, pointValue: number, rate: number): void {
    if (price > this.highPrice) this.highPrice = price;
    if (price < this.lowPrice) this.lowPrice = price;
    const move = this.moveTo(price, pointValue);
    const fav = Math.max(0, Math.max(0, move) - this.entryCommission) * rate;
    const adv = (Math.min(0, move) - this.entryCommission) * rate;
    if (fav > this.runUpValue) this.runUpValue = fav;
    if (adv < this.drawdownValue) this.drawdownValue = adv;
  }
}
