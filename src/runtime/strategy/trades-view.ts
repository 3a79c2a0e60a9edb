import type { Broker } from '../broker/broker.js';
import type { Trade } from '../broker/trade.js';

/** Fields shared by `strategy.opentrades.*(i)` and `strategy.closedtrades.*(i)`; na for a bad index. */
abstract class TradesView {
  protected readonly broker: Broker;

  constructor(broker: Broker) {
    this.broker = broker;
  }

  protected abstract list(): readonly Trade[];

  private at(i: number): Trade | undefined {
    const list = this.list();
    return Number.isInteger(i) && i >= 0 && i < list.length ? list[i] : undefined;
  }

  /** `.entry_price(i)`. */
  entryPrice(i: number): number {
    return this.at(i)?.entryPrice ?? Number.NaN;
  }
  /** `.entry_bar_index(i)`. */
  entryBarIndex(i: number): number {
    return this.at(i)?.entryBar ?? Number.NaN;
  }
  /** `.entry_time(i)` (UNIX ms). */
  entryTime(i: number): number {
    return this.at(i)?.entryTime ?? Number.NaN;
  }
  /** `.entry_id(i)` (na → ''). */
  entryId(i: number): string {
    return this.at(i)?.entryId ?? '';
  }
  /** `.entry_comment(i)`. */
  entryComment(i: number): string {
    return this.at(i)?.entrySignal ?? '';
  }
  /** `.size(i)`: signed contracts (negative for shorts). */
  size(i: number): number {
    const t = this.at(i);
    return t === undefined ? Number.NaN : t.qty * t.direction;
  }
  /** `.commission(i)`: commission paid so far on the trade. */
  commission(i: number): number {
    const t = this.at(i);
    return t === undefined ? Number.NaN : t.entryCommission + t.exitCommission;
  }
  /** `.max_runup(i)` in currency. */
  maxRunup(i: number): number {
    return this.at(i)?.runUp() ?? Number.NaN;
  }
  /** `.max_drawdown(i)` in currency (positive, as Pine reports it). */
  maxDrawdown(i: number): number {
    const t = this.at(i);
    return t === undefined ? Number.NaN : -t.drawdown();
  }
  /** `.profit(i)`: net profit (open trades: at the current close, entry commission deducted). */
  profit(i: number): number {
    const t = this.at(i);
    if (t === undefined) return Number.NaN;
    if (t.closed) return t.profit;
    return t.openProfitAt(this.broker.close, this.broker.config.symbol.pointValue) - t.entryCommission;
  }
  /** `.profit_percent(i)`: profit over the entry value. */
  profitPercent(i: number): number {
    const t = this.at(i);
    if (t === undefined) return Number.NaN;
    return (this.profit(i) / (t.entryPrice * t.qty * this.broker.config.symbol.pointValue)) * 100;
  }
}

/** `strategy.opentrades.*(i)`. */
export class OpenTradesView extends TradesView {
  protected list(): readonly Trade[] {
    return this.broker.openTrades;
  }
}

/** `strategy.closedtrades.*(i)`, adding the exit fields. */
export class ClosedTradesView extends TradesView {
  protected list(): readonly Trade[] {
    return this.broker.closedTrades;
  }
  private closedAt(i: number): Trade | undefined {
    const list = this.broker.closedTrades;
    return Number.isInteger(i) && i >= 0 && i < list.length ? list[i] : undefined;
  }
  /** `.exit_price(i)`. */
  exitPrice(i: number): number {
    return this.closedAt(i)?.exitPrice ?? Number.NaN;
  }
  /** `.exit_bar_index(i)`. */
  exitBarIndex(i: number): number {
    return this.closedAt(i)?.exitBar ?? Number.NaN;
  }
  /** `.exit_time(i)` (UNIX ms). */
  exitTime(i: number): number {
    return this.closedAt(i)?.exitTime ?? Number.NaN;
  }
  /** `.exit_id(i)`. */
  exitId(i: number): string {
    return this.closedAt(i)?.exitId ?? '';
  }
  /** `.exit_comment(i)`. */
  exitComment(i: number): string {
    return this.closedAt(i)?.exitSignal ?? '';
  }
}
