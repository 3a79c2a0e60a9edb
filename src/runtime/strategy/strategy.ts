import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { brokerCodes } from '../../diagnostics/codes/broker.js';
import { Broker } from '../broker/broker.js';
import type { BarPrices, FillObserver, Intrabars } from '../broker/broker.js';
import { OcaType, OrderRole } from '../broker/order.js';
import type { Order } from '../broker/order.js';
import { ceilToTick, floorToStep, floorToTick } from '../broker/symbol.js';
import type { SymbolInfo } from '../broker/symbol.js';
import type { CloseOptions, Direction, EntryOptions, ExitOptions, OcaKind } from './options.js';
import { RiskRules } from './risk.js';
import type { ExchangeZone } from './risk.js';
import { brokerConfigFor, resolveSettings } from './settings.js';
import type { ResolvedSettings, StrategySettings } from './settings.js';
import { defaultQty } from './sizing.js';
import { ClosedTradesView, OpenTradesView } from './trades-view.js';
import type { StrategyResults } from './results.js';

/** Host facts that are not `strategy()` arguments. */
export interface StrategyOptions {
  /** The exchange's zone (`syminfo.timezone`); intraday risk limits roll over at its midnight (default UTC). */
  readonly exchangeZone?: ExchangeZone;
  /**
   * calc_on_order_fills: called after each order fill with the fill's tick price, so the host can
   * re-run the script (rolling `var` state back, keeping `varip`) before the walk continues. The
   * script may place orders from it. Called only when the setting is on.
   */
  readonly reexecute?: (tickPrice: number) => void;
  /**
   * Quote→account currency rate at a bar's open time (UNIX ms), when the strategy's `currency`
   * differs from the symbol's: P&L converts at the exit, excursions at the entry, sizing at the
   * signal (TradingView uses the previous day's close of the pair). Default: no conversion.
   */
  readonly quoteToAccountRate?: (timeMs: number) => number;
}

/** The default exchange zone: UTC, whose offset never changes. */
const UTC: ExchangeZone = Object.freeze({
  offsetAt: () => 0,
  offsetValidUntil: () => Number.POSITIVE_INFINITY,
});

/**
 * The options of a `strategy.*` call made without any: one shared frozen object, where a `= {}`
 * default would allocate one per call (every bar for a script calling `strategy.cancel(id)`).
 */
const NO_OPTIONS = Object.freeze({});

/**
 * The Pine adapter: `strategy.*` commands and built-in variables on top of the broker kernel.
 * TradingView's quirks live here, each with its evidence in a comment.
 *
 * Bar loop contract (see README.md): `beginBar` → run the script (it calls `entry`, `exit`, … and
 * reads the getters) → `endBar`. One instance per backtest; no module state.
 */
export class PineStrategy implements FillObserver {
  readonly settings: ResolvedSettings;
  readonly symbol: SymbolInfo;
  readonly broker: Broker;
  readonly diagnostics = new DiagnosticBag();
  readonly risk: RiskRules;
  /** `strategy.opentrades.*(i)` accessors. */
  readonly opentradesInfo: OpenTradesView;
  /** `strategy.closedtrades.*(i)` accessors. */
  readonly closedtradesInfo: ClosedTradesView;
  /** Contracts closed by `strategy.close*` calls during the current script run (reversal carry). */
  private pendingCloseQty = 0;
  private readonly reexecute: ((tickPrice: number) => void) | undefined;
  private readonly rateAt: ((timeMs: number) => number) | undefined;
  /** Entry ids used so far and exit `from_entry` ids, for the unknown-from_entry diagnostic. */
  private readonly entryIds = new Set<string>();
  private readonly exitFromEntries = new Set<string>();

  constructor(settings: StrategySettings, symbol: SymbolInfo, options: StrategyOptions = {}) {
    this.settings = resolveSettings(settings);
    this.symbol = symbol;
    this.broker = new Broker(brokerConfigFor(this.settings, symbol));
    this.risk = new RiskRules(this, options.exchangeZone ?? UTC);
    this.reexecute = this.settings.calcOnOrderFills ? options.reexecute : undefined;
    this.rateAt = options.quoteToAccountRate;
    this.broker.observer = this;
    this.opentradesInfo = new OpenTradesView(this.broker);
    this.closedtradesInfo = new ClosedTradesView(this.broker);
  }

  // ------------------------------------------------------------------ bar hooks

  /** Before the script runs on a bar: fills pending orders against the bar's path. */
  beginBar(index: number, time: number, open: number, high: number, low: number, close: number): void {
    this.broker.startBar(index, time, open, high, low, close);
    this.prepareBar();
    this.fillBar();
  }

  /**
   * `beginBar` for the bar in `bar`'s fields (hosts pass their `PineContext`). The bar loop calls
   * this: one object argument, where five doubles would each be boxed on the heap whenever V8 does
   * not inline the call (measured ~4 ns apiece, every bar).
   */
  beginBarOf(bar: BarPrices): void {
    this.broker.startBarOf(bar);
    this.prepareBar();
    this.fillBar();
  }

  /** The fills of a bar `startBar` set, then the risk rules (the fill walk takes no double arguments). */
  private fillBar(): void {
    this.broker.fillBar();
    this.risk.afterFills();
  }

  /**
   * `beginBar` with the bar magnifier (`use_bar_magnifier=true` and a lower-timeframe feed): fills
   * walk intrabars `from..to-1` of `intrabars`. The script still runs once per chart bar.
   */
  beginBarMagnified(
    index: number,
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    intrabars: Intrabars,
    from: number,
    to: number,
  ): void {
    this.broker.startBar(index, time, open, high, low, close);
    this.prepareBar();
    this.broker.beginBarMagnified(index, time, open, high, low, close, intrabars, from, to);
    this.risk.afterFills();
  }

  /**
   * What every bar start does before its fills, for the bar the broker just started: the day's
   * currency rate and the risk rules' bar hooks. The time is read from the broker, not passed (a
   * boxed double per bar otherwise).
   */
  private prepareBar(): void {
    this.pendingCloseQty = 0;
    const time = this.broker.barTime;
    if (this.rateAt !== undefined) this.broker.rate = this.rateAt(time);
    this.risk.onBarStart(time);
  }

  /** After the script ran: process_orders_on_close fills market orders at the close; equity is sampled. */
  endBar(): void {
    if (this.settings.processOrdersOnClose) this.broker.fillAtBarClose();
    this.risk.afterFills();
    this.broker.endBar();
  }

  /** Broker callback after each fill: risk rules, then the calc_on_order_fills re-execution. */
  onFill(price: number): void {
    this.risk.onFill();
    if (this.reexecute !== undefined) this.reexecute(price);
  }

  // ------------------------------------------------------------------ orders

  /**
   * `strategy.entry`: market, limit, stop or stop-limit; reverses an opposite position; obeys
   * pyramiding; a pending order with the same id is modified in place.
   */
  entry(id: string, direction: Direction, options: EntryOptions = NO_OPTIONS): void {
    if (options.when === false) return;
    const dir = direction === 'long' ? 1 : -1;
    if (!this.risk.allowsEntry(dir)) {
      // strategy.risk.allow_entry_in: an entry in the forbidden direction only closes (TV-BROKER.md §3.3).
      if (Math.sign(this.broker.positionSize) === -dir) this.closeAll({ comment: options.comment ?? '' });
      return;
    }
    const b = this.broker;
    if (Math.sign(b.positionSize) === dir && b.openEntries(dir) >= Math.max(1, this.settings.pyramiding)) {
      // Pyramiding is full: the call places nothing (corpus pyramid-deferred-flip-close-all-01: a
      // short stop issued while 4 shorts were open never fills after the position flips).
      return;
    }
    const explicitQty = options.qty; // read once (a megamorphic lookup, as in `exit`)
    let qty = this.orderQty(explicitQty);
    if (!this.validQty(qty, id)) return;
    qty = this.risk.capQty(dir, qty);
    if (!(qty > 0)) return;
    if (!this.marginAllows(dir, qty, explicitQty)) return;
    this.placeOpening(OrderRole.entry, id, dir, qty, options);
  }

  /** `strategy.order`: a net order — no pyramiding limit, no automatic reversal size. */
  order(id: string, direction: Direction, options: EntryOptions = NO_OPTIONS): void {
    if (options.when === false) return;
    const dir = direction === 'long' ? 1 : -1;
    const qty = this.orderQty(options.qty);
    if (!this.validQty(qty, id)) return;
    this.placeOpening(OrderRole.net, id, dir, qty, options);
  }

  /** `strategy.exit`: bracket / trailing exit for `fromEntry` (or every entry), reserving its qty. */
  exit(id: string, options: ExitOptions = NO_OPTIONS): void {
    if (options.when === false) return;
    // Each option is read once into a local: this call site sees every script's options shapes (the
    // bench runs all scripts in one process), so each read is a megamorphic lookup, ~10 ns apiece.
    const { limit, profit, stop, loss, trailPoints, trailPrice, trailOffset, qty, qtyPercent } = options;
    // A level given as na (e.g. a stop from position_avg_price while flat) places nothing, as in
    // TradingView; only a call with no level at all is a mistake worth reporting.
    // (Tested field by field: an array of them would be allocated on every call, usually every bar.)
    const levelGiven =
      limit !== undefined ||
      profit !== undefined ||
      stop !== undefined ||
      loss !== undefined ||
      trailPoints !== undefined ||
      trailPrice !== undefined;
    const hasLimit = isNum(limit) || isNum(profit);
    const hasStop = isNum(stop) || isNum(loss);
    // trail_points/trail_price without trail_offset trails with offset 0: the exit fires at the
    // activation level (corpus bracket-trail-points-no-offset-explicit-01 exits at entry + 8 ticks).
    const hasTrail = isNum(trailPoints) || isNum(trailPrice);
    if (!hasLimit && !hasStop && !hasTrail) {
      if (isNum(trailOffset)) {
        this.report(
          brokerCodes.badTrailParams,
          `strategy.exit('${id}'): trail_offset without trail_points or trail_price never activates`,
        );
      } else if (!levelGiven) {
        this.report(
          brokerCodes.exitWithoutPrice,
          `strategy.exit('${id}') has no limit, stop, profit, loss or trailing parameter`,
        );
      }
      return;
    }
    if (isNum(qtyPercent) && (qtyPercent < 0 || qtyPercent > 100)) {
      this.report(
        brokerCodes.badQtyPercent,
        `strategy.exit('${id}'): qty_percent ${String(qtyPercent)} is outside 0..100`,
      );
    }
    if (isNum(qty) && !(qty > 0)) {
      this.report(brokerCodes.nonPositiveQty, `strategy.exit('${id}'): qty ${String(qty)} is not positive`);
      return;
    }
    const fromEntry = options.fromEntry ?? '';
    // An exit may be placed before its entry (it waits for the fill), so an unknown from_entry is
    // only reported by `finish()` when no entry ever used that id.
    if (fromEntry !== '') this.exitFromEntries.add(fromEntry);
    let order = this.broker.findOrder(id, OrderRole.exit);
    const isNew = order === undefined || order.fromEntry !== fromEntry;
    if (order !== undefined && isNew) this.broker.cancel(order);
    if (isNew) order = this.broker.newOrder();
    if (order === undefined) return;
    const keepBest = isNew ? Number.NaN : order.trailBest;
    const seq = order.seq;
    const placedBar = order.placedBar;
    order.reset();
    order.id = id;
    order.role = OrderRole.exit;
    order.fromEntry = fromEntry;
    order.qty = qty ?? Number.NaN;
    order.qtyPercent = isNum(qty) ? Number.NaN : (qtyPercent ?? Number.NaN);
    // v6: when a relative and an absolute level are both given, the one reached first is used; v5
    // ignored the relative one (v6 migration guide; TV-BROKER.md §3.3).
    const v5 = this.settings.version < 6;
    order.limit = limit ?? Number.NaN;
    order.stop = stop ?? Number.NaN;
    order.profitTicks = v5 && isNum(limit) ? Number.NaN : (profit ?? Number.NaN);
    order.lossTicks = v5 && isNum(stop) ? Number.NaN : (loss ?? Number.NaN);
    if (hasTrail) {
      order.trailPoints = trailPoints ?? Number.NaN;
      order.trailPrice = trailPrice ?? Number.NaN;
      order.trailOffset = trailOffset ?? 0;
      // The trail's best price starts at the close of the bar that first placed the exit and is kept
      // when the same id is re-issued (PF-cheatsheet §3.2 "trail_best_price_").
      order.trailBest = isNew ? this.broker.close : keepBest;
    }
    order.ocaName = options.ocaName ?? '';
    order.ocaType = order.ocaName === '' ? OcaType.none : OcaType.cancel;
    order.comment = options.comment ?? '';
    order.commentProfit = options.commentProfit ?? '';
    order.commentLoss = options.commentLoss ?? '';
    order.commentTrail = options.commentTrail ?? '';
    if (isNew) this.broker.submit(order);
    else {
      order.active = true;
      order.seq = seq;
      order.placedBar = placedBar;
    }
  }

  /** `strategy.close(id)`: market exit of every open trade whose entry id is `id`. */
  close(id: string, options: CloseOptions = NO_OPTIONS): void {
    this.placeClose(id, options, false);
  }

  /** `strategy.close_all()`: market exit of the whole position. */
  closeAll(options: CloseOptions = NO_OPTIONS): void {
    this.placeClose('', options, true);
  }

  /** `strategy.cancel(id)`: cancels pending entry, order and exit orders with this id. */
  cancel(id: string, options: { readonly when?: boolean } = NO_OPTIONS): void {
    if (options.when === false) return;
    const orders = this.broker.orders;
    for (let at = 0; at < orders.length; at++) {
      if (orders[at].active && orders[at].id === id) this.broker.cancel(orders[at]);
    }
  }

  /** `strategy.cancel_all()`: cancels every pending order. */
  cancelAll(options: { readonly when?: boolean } = NO_OPTIONS): void {
    if (options.when === false) return;
    const orders = this.broker.orders;
    for (let at = 0; at < orders.length; at++) this.broker.cancel(orders[at]);
  }

  // ------------------------------------------------------------------ built-in variables

  /** `strategy.position_size`: signed contracts (long > 0). */
  get positionSize(): number {
    return this.broker.positionSize;
  }
  /** `strategy.position_avg_price` (na when flat). */
  get positionAvgPrice(): number {
    return this.broker.positionAvgPrice;
  }
  /** `strategy.position_entry_name`: id of the most recent open entry ('' when flat). */
  get positionEntryName(): string {
    const open = this.broker.openTrades;
    return open.length === 0 ? '' : open[open.length - 1].entryId;
  }
  /** `strategy.initial_capital`. */
  get initialCapital(): number {
    return this.settings.initialCapital;
  }
  /** `strategy.openprofit` at the current bar's close. */
  get openprofit(): number {
    return this.broker.openProfitAt(this.broker.close);
  }
  /** `strategy.equity`: initial capital + net profit + open profit. */
  get equity(): number {
    return this.broker.equityAt(this.broker.close);
  }
  /** `strategy.netprofit`. */
  get netprofit(): number {
    return this.broker.netProfit;
  }
  /** `strategy.grossprofit`. */
  get grossprofit(): number {
    return this.broker.grossProfit;
  }
  /** `strategy.grossloss` (positive). */
  get grossloss(): number {
    return this.broker.grossLoss;
  }
  /** `strategy.opentrades`. */
  get opentrades(): number {
    return this.broker.openTrades.length;
  }
  /** `strategy.closedtrades`. */
  get closedtrades(): number {
    return this.broker.closedTrades.length;
  }
  /** `strategy.wintrades`. */
  get wintrades(): number {
    return this.broker.winTrades;
  }
  /** `strategy.losstrades`. */
  get losstrades(): number {
    return this.broker.lossTrades;
  }
  /** `strategy.eventrades`. */
  get eventrades(): number {
    return this.broker.evenTrades;
  }
  /** `strategy.max_drawdown` (intrabar, positive currency). */
  get maxDrawdown(): number {
    return this.broker.maxDrawdown;
  }
  /** `strategy.max_runup`. */
  get maxRunup(): number {
    return this.broker.maxRunup;
  }
  /** `strategy.max_contracts_held_all`. */
  get maxContractsHeldAll(): number {
    return this.broker.maxContractsHeld;
  }
  /** `strategy.max_contracts_held_long`. */
  get maxContractsHeldLong(): number {
    return this.broker.maxContractsHeldLong;
  }
  /** `strategy.max_contracts_held_short`. */
  get maxContractsHeldShort(): number {
    return this.broker.maxContractsHeldShort;
  }
  /** `strategy.avg_trade`: net profit per closed trade (na with none). */
  get avgTrade(): number {
    const n = this.broker.closedTrades.length;
    return n === 0 ? Number.NaN : this.broker.netProfit / n;
  }
  /** `strategy.margin_liquidation_price`: price at which a margin call would start (na when none can happen). */
  get marginLiquidationPrice(): number {
    const b = this.broker;
    const size = b.positionSize;
    const margin = size > 0 ? this.settings.marginLong : this.settings.marginShort;
    if (size === 0 || !(margin > 0)) return Number.NaN;
    // Solve equity(p) − |size|·p·pv·ratio = 0 for p, equity linear in p.
    const pv = this.symbol.pointValue;
    const ratio = margin / 100;
    const cash = this.settings.initialCapital + b.netProfit - b.openProfitAt(0);
    const slope = size * pv - Math.abs(size) * pv * ratio;
    return slope === 0 ? Number.NaN : -cash / slope;
  }

  // ------------------------------------------------------------------ internals

  /**
   * The quantity of an entry/order: an explicit `qty` floored to the symbol's quantity step, as the
   * default sizes are. Corpus composite-ies-equity-feedback-sizing-01 passes qty = equity × risk /
   * stop distance; each trade's cent-rounded P&L bounds the size TradingView traded to a ~1e-4 wide
   * interval that holds the export's 4-decimal size, not the script's value ([302.930431, 302.930536]
   * for qty 302.9305911; likewise in all 79 trades with the rates of data/parity). Without `qty`, the
   * `default_qty_type` size.
   */
  private orderQty(explicit: number | undefined): number {
    if (explicit !== undefined) return floorToStep(explicit, this.symbol.qtyStep);
    const b = this.broker;
    return defaultQty(this.settings, this.symbol, b.close, b.initialCapitalPlusNet(), b.rate);
  }

  private validQty(qty: number, id: string): boolean {
    if (qty > 0) return true;
    this.report(
      brokerCodes.nonPositiveQty,
      `order '${id}': quantity ${String(qty)} is not positive; the order is ignored`,
    );
    return false;
  }

  /**
   * Margin gate for market entries with an explicit qty: TradingView silently drops them when
   * `qty·close·margin%` exceeds equity (PF-cheatsheet §2.11; corpus analyzer-parity probes 03/04).
   */
  private marginAllows(dir: number, qty: number, explicit: number | undefined): boolean {
    const margin = dir > 0 ? this.settings.marginLong : this.settings.marginShort;
    if (explicit === undefined || !(margin > 0)) return true;
    // In account currency (the corpus anomaly-equity-mirror-strategy-equity-01 boundary depends on the
    // USDT→USD rate).
    const need = (qty * this.broker.close * this.symbol.pointValue * this.broker.rate * margin) / 100;
    if (need <= this.settings.initialCapital + this.broker.netProfit) return true;
    return false;
  }

  /** Places (or modifies) an entry/net order. */
  private placeOpening(role: OrderRole, id: string, dir: number, qty: number, options: EntryOptions): void {
    const limit = options.limit ?? Number.NaN;
    const stop = options.stop ?? Number.NaN;
    this.entryIds.add(id);
    let order = this.broker.findOrder(id, role);
    const isNew = order === undefined;
    if (order === undefined) order = this.broker.newOrder();
    const seq = order.seq;
    order.reset();
    order.id = id;
    order.role = role;
    order.side = dir;
    order.qty = qty;
    const tick = this.symbol.mintick;
    // Off-tick prices snap to the first tick that satisfies the order (buy limit / sell stop down,
    // sell limit / buy stop up; PineForge's measured "one tick in the favourable direction").
    order.limit = Number.isNaN(limit) ? limit : dir > 0 ? floorToTick(limit, tick) : ceilToTick(limit, tick);
    order.stop = Number.isNaN(stop) ? stop : dir > 0 ? ceilToTick(stop, tick) : floorToTick(stop, tick);
    const posSide = Math.sign(this.broker.positionSize);
    if (role === OrderRole.entry && !order.isMarket) {
      // A priced entry's reversal carry is frozen when placed: the opposite position expected once
      // this run's earlier orders fill — net of its strategy.close calls (PF-cheatsheet §2.6, §2.10)
      // and including its market entries (corpus pyramid-deferred-flip-close-all-01, trade 1514: a
      // stop placed flat right after a market long reverses that long when it fills).
      const expected = this.expectedPosition(order);
      if (Math.sign(expected) === -dir) order.carryQty = Math.abs(expected);
    }
    order.ocaName = options.ocaName ?? '';
    order.ocaType = ocaTypeOf(options.ocaType);
    order.comment = options.comment ?? '';
    if (isNew) this.broker.submit(order);
    else {
      order.active = true;
      order.seq = seq;
      order.placedBar = this.broker.barIndex;
      order.placedPositionSide = posSide;
    }
  }

  /**
   * The position once the market orders placed in this script run (before `self`) fill: entries
   * reverse or add, net orders add, `strategy.close*` calls reduce.
   */
  private expectedPosition(self: Order): number {
    const b = this.broker;
    let expected = b.positionSize;
    const closing = Math.min(this.pendingCloseQty, Math.abs(expected));
    expected -= Math.sign(expected) * closing;
    for (let at = 0; at < b.orders.length; at++) {
      const o = b.orders[at];
      if (o === self || !o.active || o.placedBar !== b.barIndex || !o.isMarket) continue;
      if (o.role === OrderRole.entry) {
        expected = Math.sign(expected) === -o.side ? o.side * o.qty : expected + o.side * o.qty;
      } else if (o.role === OrderRole.net) expected += o.side * o.qty;
    }
    return expected;
  }

  /**
   * `strategy.close` (`all` false) / `close_all` (`all` true); the default signal names the API
   * called, built only when used.
   */
  private placeClose(id: string, options: CloseOptions, all: boolean): void {
    if (options.when === false) return;
    let open = 0;
    const trades = this.broker.openTrades;
    for (let at = 0; at < trades.length; at++)
      if (id === '' || trades[at].entryId === id) open += trades[at].qty;
    // Only open trades can be closed: a close issued while the entry is still pending does nothing.
    if (open <= 0) return;
    // Read once each, past the early return (megamorphic lookups, as in `exit`).
    const { qty, qtyPercent, comment } = options;
    let order = this.broker.findOrder(id, OrderRole.close);
    const isNew = order === undefined;
    if (order === undefined) order = this.broker.newOrder();
    const seq = order.seq;
    order.reset();
    order.id = id === '' ? 'Close position order' : id;
    order.role = OrderRole.close;
    order.fromEntry = id;
    // The quantity is frozen now, from the trades open now: a close_all placed in the same run as a
    // new entry closes the old position only (corpus pyramid-cash-fractional-commission-01, trade 260).
    order.qty = isNum(qty)
      ? Math.min(qty, open)
      : isNum(qtyPercent)
        ? floorToStep((open * qtyPercent) / 100, this.symbol.qtyStep)
        : open;
    order.comment =
      comment !== undefined && comment !== ''
        ? comment
        : all
          ? 'Close position order'
          : `Close entry(s) order ${id}`;
    order.immediately = options.immediately === true;
    if (isNew) this.broker.submit(order);
    else {
      order.active = true;
      order.seq = seq;
    }
    this.pendingCloseQty += order.qty;
    if (order.immediately) this.broker.fillMarketOrders(this.broker.close, true);
  }

  /**
   * Ends the backtest: reports exits bound to entry ids no entry ever used and returns the results
   * (open trades are marked at the last close).
   */
  finish(): StrategyResults {
    for (const id of this.exitFromEntries) {
      if (!this.entryIds.has(id)) {
        this.report(
          brokerCodes.unknownFromEntry,
          `strategy.exit(from_entry='${id}'): no strategy.entry or strategy.order ever used this id`,
        );
      }
    }
    return {
      settings: this.settings,
      symbol: this.symbol,
      closedTrades: this.broker.closedTrades,
      openTrades: this.broker.openTrades,
      lastClose: this.broker.close,
      lastTime: this.broker.barTime,
      lastBarIndex: this.broker.barIndex,
      firstTime: this.broker.firstBarTime,
      firstClose: this.broker.firstBarClose,
      firstOpen: this.broker.firstBarOpen,
      maxDrawdown: this.broker.maxDrawdown,
      maxRunup: this.broker.maxRunup,
      marginCalls: this.broker.marginCalls,
      diagnostics: this.diagnostics.all,
    };
  }

  /** Records a misuse diagnostic (deduplicated by the bag). */
  report(definition: (typeof brokerCodes)[keyof typeof brokerCodes], message: string): void {
    this.diagnostics.report(definition, undefined, message);
  }
}

function ocaTypeOf(kind: OcaKind | undefined): OcaType {
  if (kind === 'cancel') return OcaType.cancel;
  if (kind === 'reduce') return OcaType.reduce;
  return OcaType.none;
}

function isNum(x: number | undefined): x is number {
  return x !== undefined && !Number.isNaN(x);
}
