import type { Zone } from '../core/time/zone.js';
import type { PineStrategy } from './strategy.js';

/**
 * What the risk rules need of the exchange zone: the offset at an instant and, optionally, until
 * when that offset holds (without it, the day is worked out on every bar).
 */
export type ExchangeZone = Pick<Zone, 'offsetAt'> & Partial<Pick<Zone, 'offsetValidUntil'>>;

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/**
 * `strategy.risk.*` rules. Pine evaluates them on every tick regardless of where they are called
 * (TV-BROKER.md §3.8), so the generated code calls the setters once and the broker consults them.
 */
export class RiskRules {
  /** +1 long only, -1 short only, 0 both (`strategy.risk.allow_entry_in`). */
  private allowed = 0;
  private maxPositionSize = Number.NaN;
  private maxDrawdownValue = Number.NaN;
  private maxDrawdownIsPercent = false;
  private maxIntradayFills = Number.NaN;
  private maxIntradayLossValue = Number.NaN;
  private maxIntradayLossIsPercent = false;
  private maxConsLossDays = Number.NaN;
  /** Trading stopped for good (max drawdown, consecutive loss days). */
  private halted = false;
  /** Trading stopped until the next day (intraday limits). */
  private dayLatched = false;
  private day = Number.NaN;
  /** UTC instants [dayFrom, dayUntil) known to fall in `day` (empty until the first bar). */
  private dayFrom = 0;
  private dayUntil = 0;
  private dayStartEquity = Number.NaN;
  private dayStartNet = 0;
  private consLossDays = 0;
  /** True once a rule that watches equity (drawdown, intraday loss) is set. */
  private equityRules = false;
  private peakEquity = Number.NaN;
  private dayFills = 0;
  private readonly strategy: PineStrategy;
  /**
   * The exchange's zone (`syminfo.timezone`): a trading day, for the intraday limits and loss days,
   * ends at its midnight, whatever the chart's zone. Evidence: cap-max-intraday-filled-orders-isolate-01
   * and composite-bracket-cap-range-pending-stop-01 (BINANCE, UTC exchange, exported from a UTC+8
   * chart) match TradingView only with UTC days.
   */
  private readonly exchangeZone: ExchangeZone;

  constructor(strategy: PineStrategy, exchangeZone: ExchangeZone) {
    this.strategy = strategy;
    this.exchangeZone = exchangeZone;
  }

  /**
   * Counts order fills of the day; the fill that reaches `max_intraday_filled_orders` is undone by a
   * synthetic close at the next tick (the same price for a fill at the open), and trading stops
   * until the next day (corpus cap-max-intraday-filled-orders-isolate-01,
   * composite-bracket-cap-range-pending-stop-01; PF-cheatsheet §2.11).
   */
  onFill(): void {
    if (Number.isNaN(this.maxIntradayFills) || this.dayLatched) return;
    this.dayFills++;
    if (this.dayFills < this.maxIntradayFills) return;
    this.dayLatched = true;
    const broker = this.strategy.broker;
    broker.cancelAll();
    if (broker.positionSize !== 0) {
      broker.flattenAtNextTick('Close Position', 'Close Position (Max number of filled orders in one day)');
    }
  }

  /** `strategy.risk.allow_entry_in(value)`. */
  allowEntryIn(direction: 'long' | 'short' | 'all'): void {
    this.allowed = direction === 'long' ? 1 : direction === 'short' ? -1 : 0;
  }
  /** `strategy.risk.max_position_size(contracts)`. */
  setMaxPositionSize(contracts: number): void {
    this.maxPositionSize = contracts;
  }
  /** `strategy.risk.max_drawdown(value, type)`. */
  setMaxDrawdown(value: number, type: 'percent_of_equity' | 'cash'): void {
    this.maxDrawdownValue = value;
    this.equityRules = true;
    this.maxDrawdownIsPercent = type === 'percent_of_equity';
  }
  /** `strategy.risk.max_intraday_filled_orders(count)`. */
  setMaxIntradayFilledOrders(count: number): void {
    this.maxIntradayFills = count;
  }
  /** `strategy.risk.max_intraday_loss(value, type)`. */
  setMaxIntradayLoss(value: number, type: 'percent_of_equity' | 'cash'): void {
    this.maxIntradayLossValue = value;
    this.equityRules = true;
    this.maxIntradayLossIsPercent = type === 'percent_of_equity';
  }
  /** `strategy.risk.max_cons_loss_days(count)`. */
  setMaxConsLossDays(count: number): void {
    this.maxConsLossDays = count;
  }

  /** May a new entry in `dir` be placed now? */
  allowsEntry(dir: number): boolean {
    if (this.halted || this.dayLatched) return false;
    return this.allowed === 0 || this.allowed === dir;
  }

  /** Caps an entry so the position never exceeds `max_position_size`. */
  capQty(dir: number, qty: number): number {
    if (Number.isNaN(this.maxPositionSize)) return qty;
    const pos = this.strategy.positionSize;
    const same = Math.sign(pos) === dir ? Math.abs(pos) : 0;
    return Math.min(qty, this.maxPositionSize - same);
  }

  /**
   * Day rollover for the intraday limits (exchange days). Called every bar: the bar is first tested
   * against the UTC range known to belong to the current day (a small method V8 inlines into the
   * bar loop); the day arithmetic runs only outside it.
   */
  onBarStart(time: number): void {
    if (time >= this.dayFrom && time < this.dayUntil) return;
    this.startDayOf(time);
  }

  /**
   * The exchange day of `time`; when it differs from the current one, the day's rollover. Then the
   * range of instants from `time` on that surely fall in the same day: up to the next local midnight
   * while the zone's offset stays as it is now (zones that cannot tell: no range).
   */
  private startDayOf(time: number): void {
    const zone = this.exchangeZone;
    const offset = zone.offsetAt(time);
    const day = Math.floor((time + offset) / DAY_MS);
    const sameOffsetUntil = zone.offsetValidUntil === undefined ? time : zone.offsetValidUntil(time);
    this.dayFrom = time;
    this.dayUntil = Math.min((day + 1) * DAY_MS - offset, sameOffsetUntil);
    if (day === this.day) return;
    if (!Number.isNaN(this.day)) {
      const dayNet = this.strategy.netprofit - this.dayStartNet;
      this.consLossDays = dayNet < 0 ? this.consLossDays + 1 : dayNet > 0 ? 0 : this.consLossDays;
      if (!Number.isNaN(this.maxConsLossDays) && this.consLossDays >= this.maxConsLossDays) this.stop(true);
    }
    this.day = day;
    this.dayLatched = false;
    this.dayFills = 0;
    this.dayStartNet = this.strategy.netprofit;
    this.dayStartEquity = Number.NaN;
  }

  /**
   * Checks the drawdown and intraday limits after fills; a breach closes everything and blocks
   * entries. Runs twice a bar: the test for "no rule" stays small enough to inline.
   */
  afterFills(): void {
    if (this.halted || !this.equityRules) return;
    this.checkEquityRules();
  }

  private checkEquityRules(): void {
    const equity = this.strategy.equity;
    if (Number.isNaN(this.dayStartEquity)) this.dayStartEquity = equity;
    if (!(equity <= this.peakEquity)) this.peakEquity = equity;
    if (!Number.isNaN(this.maxDrawdownValue)) {
      const dd = this.peakEquity - equity;
      const limit = this.maxDrawdownIsPercent
        ? (this.peakEquity * this.maxDrawdownValue) / 100
        : this.maxDrawdownValue;
      if (dd >= limit) {
        this.stop(true);
        return;
      }
    }
    if (this.dayLatched) return;
    if (!Number.isNaN(this.maxIntradayLossValue)) {
      const loss = this.dayStartEquity - equity;
      const limit = this.maxIntradayLossIsPercent
        ? (this.dayStartEquity * this.maxIntradayLossValue) / 100
        : this.maxIntradayLossValue;
      if (loss >= limit) this.stop(false);
    }
  }

  /** Cancels pending orders, closes the position, and blocks entries (for good or for the day). */
  private stop(forGood: boolean): void {
    if (forGood) this.halted = true;
    else this.dayLatched = true;
    this.strategy.cancelAll();
    if (this.strategy.positionSize !== 0) this.strategy.closeAll({ comment: 'Close Position (risk)' });
  }
}
