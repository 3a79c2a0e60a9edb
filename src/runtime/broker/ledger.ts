import { commissionFor } from './config.js';
import type { BrokerConfig } from './config.js';
import { Trade } from './trade.js';

/**
 * The money side of the broker: open and closed trades, the position they add up to, realised
 * profit, commission and the win/loss counts. The `Broker` (order book and fill walk) extends it;
 * the ledger knows nothing about orders.
 */
export class Ledger {
  readonly config: BrokerConfig;
  readonly openTrades: Trade[] = [];
  /** Closed trades in the order they were closed (TradingView's trade numbering). */
  readonly closedTrades: Trade[] = [];

  netProfit = 0;
  grossProfit = 0;
  grossLoss = 0;
  /** Commission of closed trades (entry and exit sides). */
  commissionPaid = 0;
  winTrades = 0;
  lossTrades = 0;
  evenTrades = 0;
  /**
   * Quote→account currency rate for fills and open profit from now on (1 = same currency). The host
   * sets it per bar, e.g. from the previous day's close of the currency pair (TV-BROKER.md §3.8).
   */
  rate = 1;
  /** Largest position ever held (contracts), overall and per side. */
  maxContractsHeld = 0;
  maxContractsHeldLong = 0;
  maxContractsHeldShort = 0;
  /** Signed position in contracts and its average entry price (NaN when flat). */
  positionSize = 0;
  positionAvgPrice = Number.NaN;
  /**
   * Bumped whenever a fill changes the open trades, hence the position, net profit and open-profit
   * aggregates (every such change goes through `refreshPosition`).
   */
  positionVersion = 0;
  /** The bar fills are stamped with. */
  barIndex = -1;
  barTime = 0;

  protected readonly pointValue: number;
  // Aggregates of the open trades for O(1) open profit: Σ dir·qty, Σ dir·qty·entry, Σ entry commission.
  protected signedQty = 0;
  protected signedCost = 0;
  protected openCommission = 0;

  constructor(config: BrokerConfig) {
    this.config = config;
    this.pointValue = config.symbol.pointValue;
  }

  /** Unrealised profit of the open position at `price`, net of the open trades' entry commission. */
  openProfitAt(price: number): number {
    if (this.openTrades.length === 0) return 0;
    return ((price * this.signedQty - this.signedCost) * this.pointValue - this.openCommission) * this.rate;
  }

  /** Initial capital + net profit: the equity without open profit (TradingView's sizing basis). */
  initialCapitalPlusNet(): number {
    return this.config.initialCapital + this.netProfit;
  }

  /** Equity at `price`: initial capital + net profit + open profit. */
  equityAt(price: number): number {
    return this.config.initialCapital + this.netProfit + this.openProfitAt(price);
  }

  /** Number of open trades in `direction` (+1/-1). */
  openEntries(direction: number): number {
    let n = 0;
    const trades = this.openTrades;
    for (let at = 0; at < trades.length; at++) if (trades[at].direction === direction) n++;
    return n;
  }

  /** Opens a trade at `price` stamped with the current bar. */
  protected addTrade(entryId: string, signal: string, dir: number, qty: number, price: number): Trade {
    const t = new Trade();
    t.entryId = entryId;
    t.entrySignal = signal;
    t.direction = dir;
    t.qty = qty;
    t.initialQty = qty;
    t.entryPrice = price;
    t.entryTime = this.barTime;
    t.entryBar = this.barIndex;
    t.entryCommission = commissionFor(this.config, price, qty, this.rate);
    t.entryRate = this.rate;
    t.highPrice = price;
    t.lowPrice = price;
    t.drawdownValue = -t.entryCommission * this.rate;
    this.openTrades.push(t);
    this.refreshPosition();
    return t;
  }

  /**
   * Closes up to `qty` contracts FIFO from the open trades (only those with `entryId` when given,
   * and entered on or before `lastEntryBar`).
   * Returns the quantity closed.
   */
  protected closeQty(
    entryId: string | undefined,
    qty: number,
    price: number,
    exitId: string,
    signal: string,
    lastEntryBar = Number.POSITIVE_INFINITY,
  ): number {
    let left = qty;
    let closed = 0;
    for (let i = 0; i < this.openTrades.length && left > 1e-12;) {
      const t = this.openTrades[i];
      if ((entryId !== undefined && t.entryId !== entryId) || t.entryBar > lastEntryBar) {
        i++;
        continue;
      }
      const q = Math.min(left, t.qty);
      const whole = this.closeTrade(t, q, price, exitId, signal);
      left -= q;
      closed += q;
      if (!whole) i++;
    }
    return closed;
  }

  /** Closes `qty` of `trade` at `price`; a partial close splits off a closed copy. Returns true if the whole trade closed. */
  closeTrade(trade: Trade, qty: number, price: number, exitId: string, signal: string): boolean {
    const whole = qty >= trade.qty - 1e-12;
    let closed = trade;
    if (!whole) {
      closed = new Trade();
      closed.entryId = trade.entryId;
      closed.entrySignal = trade.entrySignal;
      closed.direction = trade.direction;
      closed.qty = qty;
      closed.initialQty = trade.initialQty;
      closed.entryPrice = trade.entryPrice;
      closed.entryTime = trade.entryTime;
      closed.entryBar = trade.entryBar;
      closed.highPrice = trade.highPrice;
      closed.lowPrice = trade.lowPrice;
      const part = qty / trade.qty;
      closed.runUpValue = trade.runUpValue * part;
      closed.drawdownValue = trade.drawdownValue * part;
      trade.runUpValue -= closed.runUpValue;
      trade.drawdownValue -= closed.drawdownValue;
      const share = trade.entryCommission * (qty / trade.qty);
      closed.entryCommission = share;
      closed.entryRate = trade.entryRate;
      trade.entryCommission -= share;
      trade.qty -= qty;
    } else {
      const i = this.openTrades.indexOf(trade);
      if (i >= 0) this.removeOpenTrade(i);
    }
    closed.touch(price, this.pointValue, this.rate);
    closed.exitId = exitId;
    closed.exitSignal = signal !== '' ? signal : exitId;
    closed.exitPrice = price;
    closed.exitTime = this.barTime;
    closed.exitBar = this.barIndex;
    closed.exitCommission = commissionFor(this.config, price, qty, this.rate);
    const gross = (price - closed.entryPrice) * qty * this.pointValue * closed.direction;
    closed.exitRate = this.rate;
    closed.profit = (gross - closed.entryCommission - closed.exitCommission) * this.rate;
    this.netProfit += closed.profit;
    this.commissionPaid += (closed.entryCommission + closed.exitCommission) * this.rate;
    if (closed.profit > 0) {
      this.grossProfit += closed.profit;
      this.winTrades++;
    } else if (closed.profit < 0) {
      this.grossLoss -= closed.profit;
      this.lossTrades++;
    } else this.evenTrades++;
    this.closedTrades.push(closed);
    this.refreshPosition();
    return whole;
  }

  /**
   * Removes open trade `i`, keeping the others in order. Not `splice`, which allocates the array of
   * removed elements, nor a smaller `length`, which makes V8 release the storage the next entry
   * then allocates again: shifting down and one `pop` allocate nothing.
   */
  private removeOpenTrade(i: number): void {
    const trades = this.openTrades;
    for (let k = i; k < trades.length - 1; k++) trades[k] = trades[k + 1];
    trades.pop();
  }

  /** Recomputes the signed position and its average price after a fill. */
  private refreshPosition(): void {
    let size = 0;
    let value = 0;
    let qty = 0;
    let cost = 0;
    let commission = 0;
    for (let at = 0; at < this.openTrades.length; at++) {
      const t = this.openTrades[at];
      size += t.direction * t.qty;
      value += t.entryPrice * t.qty;
      qty += t.qty;
      cost += t.direction * t.qty * t.entryPrice;
      commission += t.entryCommission;
    }
    this.positionVersion++;
    this.signedQty = size;
    this.signedCost = cost;
    this.openCommission = commission;
    this.positionSize = Math.abs(size) < 1e-12 ? 0 : size;
    const held = Math.abs(this.positionSize);
    if (held > this.maxContractsHeld) this.maxContractsHeld = held;
    if (size > 0 && held > this.maxContractsHeldLong) this.maxContractsHeldLong = held;
    if (size < 0 && held > this.maxContractsHeldShort) this.maxContractsHeldShort = held;
    this.positionAvgPrice = qty > 0 ? value / qty : Number.NaN;
  }

  /** Lets every open trade see `price` (run-up / drawdown extremes). */
  protected touchTrades(price: number): void {
    // An indexed loop: `for…of` compiles to more bytecode, which costs this bar-path call its inlining.
    const trades = this.openTrades;
    for (let i = 0; i < trades.length; i++) trades[i].touch(price, this.pointValue, this.rate);
  }
}
