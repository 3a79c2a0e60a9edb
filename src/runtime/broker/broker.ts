import type { BrokerConfig } from './config.js';
import { FillLeg, OcaType, Order, OrderPool, OrderRole } from './order.js';
import { ceilToTick, floorToStep, floorToTick } from './symbol.js';
import { Ledger } from './ledger.js';
import { PathProbe } from './probe.js';
import type { Trade } from './trade.js';

/** Lower-timeframe bars for the bar magnifier (column arrays, e.g. Float64Array). */
export interface Intrabars {
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/** A bar's index, open time and prices as fields (a `PineContext` is one). */
export interface BarPrices {
  readonly bar_index: number;
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Receives every order fill, at the fill price, while the broker is still inside the fill walk. */
export interface FillObserver {
  onFill(price: number): void;
}

/** Upper bound on fills inside one bar; more means an internal loop bug, not user input. */
const MAX_FILLS_PER_BAR = 10_000;

/**
 * The broker emulator kernel: an order book and the fill engine that walks each bar's intrabar path
 * (TradingView: open → nearer extreme → other extreme → close), over the `Ledger` of trades and
 * money it extends; level hit tests live in `PathProbe`.
 *
 * Pine-agnostic: it knows orders, trades and money, not `strategy.*`. The Pine adapter
 * (`src/runtime/strategy`) turns script calls into `Order`s and reads the results back.
 *
 * Per bar the host calls `beginBar` (fills pending orders along the bar's path), lets the script
 * place orders (`fillMarketOrders` serves `immediately=true` closes), then `fillAtClose` when
 * process_orders_on_close is on, and `endBar`. Nothing is allocated per bar unless an order is
 * placed or filled.
 */
export class Broker extends Ledger {
  /** Pending orders in queue order (inactive ones are swept out at safe points). */
  readonly orders: Order[] = [];
  marginCalls = 0;
  /** Number of fills so far; hosts compare it across a script run to detect fills (calc_on_order_fills). */
  fillCount = 0;
  /** A pending `flattenAtNextTick` request ('' = none). */
  private flattenId = '';
  private flattenSignal = '';

  /** Equity at the close of the last bar `endBar` booked (NaN before the first). */
  closeEquity = Number.NaN;
  /** Intrabar equity extremes (TradingView's "Max equity drawdown/run-up (intrabar)"). */
  maxDrawdown = 0;
  maxRunup = 0;
  // Initialised as numbers where declared (a bare ES2022 field starts undefined and V8 would then
  // box every store of a new extreme).
  private peakEquity = Number.NaN;
  private troughEquity = Number.NaN;

  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  firstBarTime = Number.NaN;
  firstBarClose = Number.NaN;
  firstBarOpen = Number.NaN;

  /** Notified after every order fill (the Pine adapter's risk rules use it). */
  observer: FillObserver | undefined = undefined;
  private readonly pool = new OrderPool();
  private nextSeq = 1;
  private readonly path = new Float64Array(4);
  /** Price the walk has reached. */
  private cur = Number.NaN;
  private target = Number.NaN;
  private atOpenTick = false;
  private fillsThisBar = 0;
  /**
   * The `positionVersion` for which no margin call can happen anywhere on the loaded path (-1: not
   * known): until a fill changes the position, the walk skips the per-tick margin checks.
   */
  private marginSafeVersion = -1;
  // The best candidate of the current walk step.
  private best: Order | undefined = undefined;
  private bestTrade: Trade | undefined = undefined;
  private bestDist = Number.POSITIVE_INFINITY;
  private bestRank = 0;
  private bestGap = 0;
  private bestPrice = Number.NaN;
  private bestLeg: FillLeg = FillLeg.market;
  private readonly tick: number;
  /** Hit tests of order levels on the current move (results kept on it: probing allocates nothing). */
  private readonly probe: PathProbe;

  constructor(config: BrokerConfig) {
    super(config);
    this.tick = config.symbol.mintick;
    this.probe = new PathProbe(config.symbol.mintick, config.fillLimitsAssumptionTicks);
    this.peakEquity = config.initialCapital;
    this.troughEquity = config.initialCapital;
  }

  // ---------------------------------------------------------------- order book

  /** A cleared order from the pool; fill its fields, then `submit` it. */
  newOrder(): Order {
    return this.pool.take();
  }

  /** Queues an order at the back of the book. */
  submit(order: Order): void {
    order.active = true;
    order.seq = this.nextSeq++;
    order.placedBar = this.barIndex;
    order.placedPositionSide = Math.sign(this.positionSize);
    this.orders.push(order);
  }

  /** The active order with this id and role, if any (same-id calls modify it). */
  findOrder(id: string, role: OrderRole): Order | undefined {
    for (let at = 0; at < this.orders.length; at++) {
      const order = this.orders[at];
      if (order.active && order.role === role && order.id === id) return order;
    }
    return undefined;
  }

  /** Cancels an order; it leaves the book at the next sweep. */
  cancel(order: Order): void {
    order.active = false;
  }

  /** Closes every open trade at `price` now (synthetic exits such as risk-rule liquidations). */
  closePosition(price: number, exitId: string, signal: string): void {
    this.closeQty(undefined, Number.POSITIVE_INFINITY, price, exitId, signal);
  }

  /**
   * Closes the whole position at the next tick of the path: at once when the walk stands on a tick
   * (the open, the close), else at the end of the current leg (corpus
   * composite-bracket-cap-range-pending-stop-01: the intraday-cap close after a stop entry filled
   * on the way up happens at the bar's high).
   */
  flattenAtNextTick(exitId: string, signal: string): void {
    if (this.atOpenTick || this.cur === this.target) {
      this.closePosition(this.cur, exitId, signal);
      return;
    }
    this.flattenId = exitId;
    this.flattenSignal = signal;
  }

  /** Cancels every pending order. */
  cancelAll(): void {
    for (let at = 0; at < this.orders.length; at++) this.orders[at].active = false;
  }

  // ---------------------------------------------------------------- bar hooks

  /**
   * Starts bar `index`: fills pending orders against this bar's path. The path is
   * O→H→L→C when the open is nearer the high, else O→L→H→C (a tie goes O→L→H→C; TV-BROKER.md §3.2).
   */
  beginBar(index: number, time: number, open: number, high: number, low: number, close: number): void {
    this.startBar(index, time, open, high, low, close);
    this.fillBar();
  }

  /**
   * The fills of `beginBar` for the bar `startBar` set. The bar path takes no price arguments: V8
   * boxes each double passed to a call it does not inline (measured ~4 ns each), and this runs on
   * every bar. A bar with no order, no trade and no pending flatten has nothing to do on its path:
   * that test stays small enough for V8 to inline it into the bar loop.
   */
  fillBar(): void {
    if (this.orders.length === 0 && this.openTrades.length === 0 && this.flattenId === '') {
      // Where the walk leaves the path's cursor on such a bar.
      this.cur = this.close;
      this.target = this.open;
      return;
    }
    this.fillPath();
  }

  private fillPath(): void {
    this.loadBarPath();
    if (this.orders.length === 0 && this.flattenId === '') this.walkQuietPath();
    else this.walkBarPath();
    this.finishFills();
  }

  /**
   * Like `beginBar`, with the bar magnifier: fills walk each lower-timeframe bar `from..to-1` of
   * `intrabars` in turn (each with its own open gap and O→H→L→C / O→L→H→C path) instead of the
   * chart bar's four ticks; fills are still stamped with the chart bar (TV-BROKER.md §3.8). A chart
   * bar without intrabars (`from === to`) falls back to its own path.
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
    this.startBar(index, time, open, high, low, close);
    if (from >= to) {
      this.fillBar();
      return;
    }
    for (let k = from; k < to; k++) {
      this.loadPath(intrabars.open[k], intrabars.high[k], intrabars.low[k], intrabars.close[k]);
      this.walkBarPath();
    }
    this.finishFills();
  }

  /** Sets the bar fills are stamped with (the first half of `beginBar`; `fillBar` is the second). */
  startBar(index: number, time: number, open: number, high: number, low: number, close: number): void {
    this.barIndex = index;
    this.barTime = time;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.afterStartBar();
  }

  /**
   * `startBar` for the bar in `bar`'s fields. Hosts call this on every bar: one object argument,
   * where six doubles would each be boxed on the heap when V8 does not inline the call (~100 bytes
   * a bar measured with the sampling heap profiler).
   */
  startBarOf(bar: BarPrices): void {
    this.barIndex = bar.bar_index;
    this.barTime = bar.time;
    this.open = bar.open;
    this.high = bar.high;
    this.low = bar.low;
    this.close = bar.close;
    this.afterStartBar();
  }

  private afterStartBar(): void {
    if (Number.isNaN(this.firstBarTime)) {
      this.firstBarTime = this.barTime;
      this.firstBarClose = this.close;
      this.firstBarOpen = this.open;
    }
    this.fillsThisBar = 0;
  }

  /** `loadPath` for the chart bar (fields read here: four double arguments would be boxed). */
  private loadBarPath(): void {
    const p = this.path;
    const open = this.open;
    const highFirst = this.high - open < open - this.low;
    p[0] = open;
    p[1] = highFirst ? this.high : this.low;
    p[2] = highFirst ? this.low : this.high;
    p[3] = this.close;
  }

  /** Puts one (chart or intrabar) bar's ticks on the path in the order they trade. */
  private loadPath(open: number, high: number, low: number, close: number): void {
    const p = this.path;
    p[0] = open;
    const highFirst = high - open < open - low;
    p[1] = highFirst ? high : low;
    p[2] = highFirst ? low : high;
    p[3] = close;
  }

  /** Walks the loaded path: its open tick with gap fills, then its three legs. */
  private walkBarPath(): void {
    const p = this.path;
    const open = p[0];
    this.cur = open;
    this.target = open;
    if (this.orders.length === 0 && this.flattenId === '') {
      this.walkQuietPath();
      return;
    }
    this.noMarginCallOnPath();
    this.atOpenTick = true;
    if (this.openTrades.length > 0) this.observe(true);
    if (this.orders.length > 0) this.walkAndSweep();
    this.atOpenTick = false;
    for (let k = 1; k < 4; k++) {
      const price = p[k];
      if (this.orders.length > 0) {
        this.target = price;
        this.walkAndSweep();
      }
      this.cur = price;
      if (this.flattenId !== '') this.flushFlatten(price);
      if (this.openTrades.length > 0) this.observe(k < 3);
    }
  }

  /**
   * `walk`, then, when something filled, the book swept at once: the orders that filled no longer
   * cost the rest of the path a look at every tick (an order filled at the open otherwise stays in
   * the book until the bar ends, and a market reversal leaves the book empty).
   */
  private walkAndSweep(): void {
    const fills = this.fillCount;
    this.walk();
    if (this.fillCount !== fills) this.sweep();
  }

  private flushFlatten(price: number): void {
    this.closePosition(price, this.flattenId, this.flattenSignal);
    this.flattenId = '';
    this.flattenSignal = '';
  }

  /**
   * Bookkeeping when the path reaches `cur` (the caller checks there are open trades): trade
   * excursions, trailing bests, and at the open and the extremes (`check`) the margin check and
   * intrabar equity extremes (the close is sampled by `endBar`). The price is read from `cur`, not
   * passed: a double argument to a call V8 does not inline is boxed on the heap, four times a bar.
   */
  private observe(check: boolean): void {
    const price = this.cur;
    this.touchTrades(price);
    if (this.orders.length > 0) this.advanceTrails(price);
    if (!check) return;
    // After a fill changed the position, one test of the path's extremes usually shows that no
    // tick left on it can call margin: the per-tick checks (each a call with a boxed price) then stop.
    if (this.positionVersion !== this.marginSafeVersion && !this.noMarginCallOnPath()) {
      this.checkMarginCall(price);
    }
    this.sampleEquity(price);
  }

  /**
   * The walk of a loaded path on which nothing can fill (no pending order or flatten; the
   * bookkeeping places none): only the bookkeeping at each tick, leaving `cur`/`target` where the
   * full walk leaves them.
   */
  private walkQuietPath(): void {
    const p = this.path;
    this.atOpenTick = false;
    this.target = p[0];
    if (this.openTrades.length > 0 && !this.observeQuietPath()) {
      for (let k = 0; k < 4; k++) {
        this.cur = p[k];
        this.observe(k < 3);
      }
    }
    this.cur = p[3];
  }

  /**
   * The bookkeeping of `observe` at the four ticks of a quiet path, in fewer steps, when the bar is
   * well formed and no margin call can happen on it (else false, and nothing is done). A trade's
   * excursions are extremes of a function linear in the price at the bar's one rate, so the open
   * and the close (between the extremes) never set them: touching the two extremes
   * (`Trade.touchRange`) gives the same values. Equity extremes depend on the order of the samples (a peak at the open counts for a
   * drawdown to the later low), so the open and both extremes are sampled in path order, as
   * `observe` does. Available funds are linear in the price too: non-negative at both extremes
   * means non-negative at every tick between them.
   *
   * Runs on every bar a position is held, so the equity arithmetic is written out here (the
   * expression of `equityAt`, in the same order so every value is the same): helpers taking or
   * returning a price box it on the heap whenever V8 runs out of inlining budget.
   */
  private observeQuietPath(): boolean {
    if (!this.noMarginCallOnPath()) return false;
    const p = this.path;
    const pointValue = this.pointValue;
    const rate = this.rate;
    const base = this.config.initialCapital + this.netProfit;
    const trades = this.openTrades;
    const low = Math.min(p[1], p[2]);
    const high = Math.max(p[1], p[2]);
    for (let i = 0; i < trades.length; i++) trades[i].touchRange(low, high, pointValue, rate);
    for (let k = 0; k < 3; k++) {
      this.trackEquity(
        base + ((p[k] * this.signedQty - this.signedCost) * pointValue - this.openCommission) * rate,
      );
    }
    return true;
  }

  /**
   * Whether no margin call can happen on the loaded path with the current position; records the
   * answer in `marginSafeVersion` for `observe`. Only for a well-formed bar: an open or close
   * outside the high–low range (or a NaN price) takes the tick-by-tick route. Safe when margin does
   * not apply to the position's side, or the available funds (`availableFunds`, linear in the
   * price) are non-negative at both extremes, hence at every tick between them.
   */
  private noMarginCallOnPath(): boolean {
    const p = this.path;
    const lo = Math.min(p[1], p[2]);
    const hi = Math.max(p[1], p[2]);
    let safe = p[0] >= lo && p[0] <= hi && p[3] >= lo && p[3] <= hi;
    const size = this.positionSize;
    const marginPct = size > 0 ? this.config.marginLong : this.config.marginShort;
    if (safe && marginPct > 0 && size !== 0) {
      const pointValue = this.pointValue;
      const rate = this.rate;
      const ratio = marginPct / 100;
      const base = this.config.initialCapital + this.netProfit;
      for (let k = 1; k < 3; k++) {
        const price = p[k];
        // `availableFunds(price, size, ratio)` written out: same expression, no boxed price.
        const equity =
          base + ((price * this.signedQty - this.signedCost) * pointValue - this.openCommission) * rate;
        if (!(equity - Math.abs(size) * (price * pointValue * rate) * ratio >= 0)) safe = false;
      }
    }
    this.marginSafeVersion = safe ? this.positionVersion : -1;
    return safe;
  }

  /** Equity less the margin the position requires at `price` (account currency). */
  private availableFunds(price: number, size: number, ratio: number): number {
    const unitValue = price * this.pointValue * this.rate;
    return this.equityAt(price) - Math.abs(size) * unitValue * ratio;
  }

  private finishFills(): void {
    if (this.positionSize === 0) this.purgeExits();
    this.sweep();
  }

  /**
   * process_orders_on_close: after the script, the close is one more tick. Market orders fill at it,
   * and price orders whose condition holds at the close fill there too (reference `strategy()`;
   * corpus order-deferred-flip-pooc-cross-bar-01: a stop far beyond the price placed this bar fills
   * at this bar's close).
   */
  fillAtClose(price: number): void {
    this.cur = price;
    this.target = price;
    if (this.orders.length === 0) return;
    this.atOpenTick = true;
    this.walk();
    this.atOpenTick = false;
    this.sweep();
  }

  /**
   * `fillAtClose` at this bar's close: the bar loop calls it with no price argument (a double passed
   * to a call V8 does not inline is boxed on the heap, here every bar).
   */
  fillAtBarClose(): void {
    this.fillAtClose(this.close);
  }

  /**
   * Fills market orders at `price` (the close, for process_orders_on_close, or the current tick for
   * `immediately=true`). Only orders passing `onlyImmediate` when it is true.
   */
  fillMarketOrders(price: number, onlyImmediate: boolean): void {
    this.cur = price;
    this.target = price;
    for (let i = 0; i < this.orders.length; i++) {
      const order = this.orders[i];
      if (!order.active || !order.isMarket) continue;
      if (onlyImmediate && !order.immediately) continue;
      this.fillMarket(order, price);
    }
    this.sweep();
  }

  /** Ends the bar: samples equity at the close (after any on-close fills) and sweeps the book. */
  endBar(): void {
    this.closeEquity = this.sampleEquity(this.close);
    this.sweep();
  }

  // ---------------------------------------------------------------- the walk

  /** Repeatedly fills the order reached first between `cur` and `target` until none is reached. */
  private walk(): void {
    for (;;) {
      this.resetBest();
      this.probe.cur = this.cur;
      this.probe.target = this.target;
      // Indexed loops: `for…of` compiles to more bytecode (this runs up to four times a bar).
      const orders = this.orders;
      const trades = this.openTrades;
      for (let i = 0; i < orders.length; i++) {
        const order = orders[i];
        if (!order.active) continue;
        if (order.role === OrderRole.exit) {
          for (let j = 0; j < trades.length; j++) {
            const trade = trades[j];
            if (!this.exitApplies(order, trade)) continue;
            // A trade opened during this bar gets no "already beyond the level" fill: TradingView
            // suppresses the gap shortcut on the entry bar (PF-cheatsheet §2.2 / §3.2) unless the bar
            // magnifier is on, where an exit already beyond its level fills at once (corpus
            // magnifier-tick-dist-endpoints-01: a stop above the entry exits at the entry price).
            this.probe.exit(order, trade, trade.entryBar !== this.barIndex || this.config.barMagnifier);
            if (this.probe.dist >= 0) this.consider(order, trade);
          }
          continue;
        }
        if (order.isMarket) {
          if (!this.atOpenTick) continue;
          this.probe.market();
        } else {
          this.probeEntry(order);
          if (this.probe.dist < 0) continue;
        }
        this.consider(order, undefined);
      }
      const best = this.best;
      if (best === undefined) return;
      if (++this.fillsThisBar > MAX_FILLS_PER_BAR) throw new Error('broker: fill loop did not converge');
      const price = this.bestPrice;
      if (this.bestDist > 0) {
        this.cur = price;
        this.touchTrades(price);
        this.advanceTrails(price);
      }
      this.execute(best, this.bestTrade, price, this.bestLeg);
    }
  }

  private isEntry(order: Order): boolean {
    return order.role === OrderRole.entry || order.role === OrderRole.net;
  }

  private resetBest(): void {
    this.best = undefined;
    this.bestTrade = undefined;
    this.bestDist = Number.POSITIVE_INFINITY;
  }

  /**
   * Keeps the probed candidate if it comes before the best so far: nearer along the path first; at
   * equal distance, at the open tick market orders before gapped price orders, and gapped price
   * orders nearest level first (corpus oca-multi-bracket-isolation-01: of two take-profits gapped
   * through, the higher one fills first); inside the bar STOP > TRAIL > LIMIT (TV-BROKER.md §3.2);
   * then queue order. Market orders placed after a priced reversal entry still fill first (corpus
   * order-deferred-flip-guaranteed-gap-stops-01, PF-cheatsheet §2.10).
   */
  private consider(order: Order, trade: Trade | undefined): void {
    const dist = this.probe.dist;
    const market = this.probe.leg === FillLeg.market;
    const rank = this.atOpenTick ? (market ? 0 : 1) : this.probe.leg;
    const gap = this.atOpenTick && !market ? Math.abs(this.probe.level - this.cur) : 0;
    if (this.best !== undefined) {
      if (dist !== this.bestDist) {
        if (dist > this.bestDist) return;
      } else if (rank !== this.bestRank) {
        if (rank > this.bestRank) return;
      } else if (gap !== this.bestGap) {
        if (gap > this.bestGap) return;
      } else if (!market && order.side !== this.best.side && this.isEntry(order) && this.isEntry(this.best)) {
        // Opposite entries reached together: the buy goes first whatever the source order (corpus
        // order-dual-stop-open-tie-01; PF-cheatsheet §2.4 "tie → long first").
        if (order.side < this.best.side) return;
      } else if (order.seq >= this.best.seq) return;
    }
    this.best = order;
    this.bestTrade = trade;
    this.bestDist = dist;
    this.bestRank = rank;
    this.bestGap = gap;
    this.bestPrice = this.probe.price;
    this.bestLeg = this.probe.leg;
  }

  /** Whether an exit order can act on this trade now. */
  private exitApplies(order: Order, trade: Trade): boolean {
    if (order.fromEntry !== '' && order.fromEntry !== trade.entryId) return false;
    return !trade.consumedExits.includes(order.id);
  }

  /** Probes a price entry/net order (limit, stop, or stop-limit). */
  private probeEntry(order: Order): void {
    const side = order.side;
    if (!Number.isNaN(order.stop) && !order.stopTriggered) this.probe.stop(side, order.stop, true);
    else this.probe.limit(side, order.limit, true);
  }

  // ---------------------------------------------------------------- fills

  /** Fills (or, for a stop-limit's stop, triggers) the chosen order. */
  private execute(order: Order, trade: Trade | undefined, price: number, leg: FillLeg): void {
    if (order.role === OrderRole.exit) {
      if (trade !== undefined) this.fillExit(order, trade, price, leg);
      return;
    }
    if (!order.isMarket && !Number.isNaN(order.stop) && !order.stopTriggered && !Number.isNaN(order.limit)) {
      // Stop-limit: the stop traded, from here on it is a limit order (probed again from this price).
      order.stopTriggered = true;
      return;
    }
    if (order.isMarket) {
      this.fillMarket(order, price);
      return;
    }
    const slipped = leg === FillLeg.stop ? this.slip(price, order.side) : price;
    this.fillOpening(order, slipped);
  }

  /** Fills a market order (entry, net or close) at `price` plus slippage. */
  private fillMarket(order: Order, price: number): void {
    if (order.role === OrderRole.close) {
      this.fillClose(order, price);
      return;
    }
    this.fillOpening(order, this.slip(price, order.side));
  }

  /**
   * Slippage: buys +N ticks then ceil to the tick, sells −N then floor (TV-BROKER.md §3.6; PineForge
   * measured the directional rounding also at N = 0).
   */
  private slip(price: number, side: number): number {
    const n = this.config.slippageTicks;
    return side > 0
      ? ceilToTick(price + n * this.tick, this.tick)
      : floorToTick(price - n * this.tick, this.tick);
  }

  /** Fills an entry or net order at an already slipped price. */
  private fillOpening(order: Order, price: number): void {
    const dir = order.side;
    const posSide = Math.sign(this.positionSize);
    order.active = false;
    if (order.role === OrderRole.net) {
      let remaining = order.qty;
      if (posSide === -dir) remaining -= this.closeQty(undefined, remaining, price, order.id, order.comment);
      if (remaining > 1e-12) this.openTrade(order, dir, remaining, price);
      this.afterFill(order, order.qty);
      return;
    }
    if (posSide === dir && this.openEntries(dir) >= Math.max(1, this.config.pyramiding)) {
      // Pyramiding is checked at fill too, except for priced orders armed while flat or opposite
      // (PF-cheatsheet §2.7: orders placed on the same tick can exceed the limit).
      const armedElsewhere = !order.isMarket && order.placedPositionSide !== dir;
      if (!armedElsewhere) return;
    }
    let openQty = order.qty;
    if (order.isMarket) {
      // Market entry: reverses whatever opposite position exists at the fill.
      if (posSide === -dir)
        this.closeQty(undefined, Number.POSITIVE_INFINITY, price, order.id, order.comment);
    } else {
      // Priced entry: its size was frozen when placed (qty + the opposite position expected then,
      // see the adapter's carry) and it nets against the position at the fill. So an entry armed
      // while flat only closes an opposite position opened meanwhile by a sibling (corpus
      // order-dual-stop-both-touch-priority-01), and one armed against a position that something
      // else closed opens qty + carry ("deferred flip", PF-cheatsheet §2.6), even on top of a
      // same-side sibling that filled first (corpus order-opposite-entry-close-same-pass-01).
      const total = order.qty + order.carryQty;
      const closed = posSide === -dir ? this.closeQty(undefined, total, price, order.id, order.comment) : 0;
      openQty = total - closed;
      if (openQty <= 1e-12) {
        this.afterFill(order, closed);
        return;
      }
    }
    this.openTrade(order, dir, openQty, price);
    this.afterFill(order, openQty);
  }

  /** Fills a market close: the bound trades (or all), FIFO, `qty`/`qtyPercent` of them. */
  private fillClose(order: Order, rawPrice: number): void {
    order.active = false;
    // Only trades that existed when the close was placed: a reversal filled just before it at the
    // same tick opens a trade the close must not touch (corpus pyramid-deferred-flip-close-all-01).
    const lastBar = order.placedBar;
    let total = 0;
    for (let at = 0; at < this.openTrades.length; at++) {
      const t = this.openTrades[at];
      if ((order.fromEntry === '' || t.entryId === order.fromEntry) && t.entryBar <= lastBar) total += t.qty;
    }
    if (total <= 0) return;
    const qty = this.boundQty(order, total);
    if (qty <= 0) return;
    const side = -Math.sign(this.positionSize);
    const price = this.slip(rawPrice, side);
    this.closeQty(
      order.fromEntry === '' ? undefined : order.fromEntry,
      qty,
      price,
      order.id,
      order.comment,
      lastBar,
    );
    this.afterFill(order, qty);
  }

  /** Quantity of a reduce order against `total` open contracts: all, `qty`, or `qtyPercent`. */
  private boundQty(order: Order, total: number): number {
    if (!Number.isNaN(order.qty)) return Math.min(order.qty, total);
    if (!Number.isNaN(order.qtyPercent)) {
      return Math.min(total, floorToStep((total * order.qtyPercent) / 100, this.config.symbol.qtyStep));
    }
    return total;
  }

  /** Fills one exit leg against one trade. */
  private fillExit(order: Order, trade: Trade, rawPrice: number, leg: FillLeg): void {
    let qty = this.exitShare(order, trade);
    qty = Math.min(qty, trade.qty - this.reservedBefore(order, trade));
    trade.consumedExits.push(order.id);
    if (qty <= 1e-12) return;
    const price = leg === FillLeg.limit ? rawPrice : this.slip(rawPrice, -trade.direction);
    const legComment =
      leg === FillLeg.limit
        ? order.commentProfit
        : leg === FillLeg.stop
          ? order.commentLoss
          : order.commentTrail;
    const signal = legComment !== '' ? legComment : order.comment;
    const rule = this.config.closeEntriesRule;
    if (rule === 'ANY') this.closeTrade(trade, qty, price, order.id, signal);
    else this.closeQty(undefined, qty, price, order.id, signal);
    this.afterFill(order, qty);
  }

  /**
   * Quantity reserved on `trade` by exit orders queued before `order` that have not filled on it
   * (each `strategy.exit` reserves its share of the position; TV-BROKER.md §3.3).
   */
  private reservedBefore(order: Order, trade: Trade): number {
    let reserved = 0;
    for (let at = 0; at < this.orders.length; at++) {
      const other = this.orders[at];
      if (other === order) break;
      if (!other.active || other.role !== OrderRole.exit || !this.exitApplies(other, trade)) continue;
      if (Number.isNaN(other.qty) && Number.isNaN(other.qtyPercent)) continue;
      reserved += this.exitShare(other, trade);
    }
    return reserved;
  }

  /**
   * Contracts an exit wants from a trade: all, `qty`, or `qty_percent` of the trade's entry quantity
   * (not of what is left: corpus bracket-partial-exit-qty-percent-01 closes 1 of 2 with a 50 % take-
   * profit re-issued after the stop took the other half).
   */
  private exitShare(order: Order, trade: Trade): number {
    if (!Number.isNaN(order.qty)) return Math.min(order.qty, trade.qty);
    if (!Number.isNaN(order.qtyPercent)) {
      const share = floorToStep((trade.initialQty * order.qtyPercent) / 100, this.config.symbol.qtyStep);
      return Math.min(share, trade.qty);
    }
    return trade.qty;
  }

  /** OCA bookkeeping and the fill counter after an order filled `qty` contracts. */
  private afterFill(order: Order, qty: number): void {
    this.fillCount++;
    this.applyOca(order, qty);
    this.observer?.onFill(this.cur);
  }

  /** OCA groups: a fill cancels (cancel) or shrinks (reduce) the other orders of its group. */
  private applyOca(order: Order, qty: number): void {
    if (order.ocaName === '' || order.ocaType === OcaType.none) return;
    for (let at = 0; at < this.orders.length; at++) {
      const other = this.orders[at];
      if (
        other === order ||
        !other.active ||
        other.ocaName !== order.ocaName ||
        other.ocaType !== order.ocaType
      ) {
        continue;
      }
      if (order.ocaType === OcaType.cancel) other.active = false;
      else {
        other.qty -= qty;
        if (!(other.qty > 1e-12)) other.active = false;
      }
    }
  }

  /** Opens a trade for an entry/net order. */
  private openTrade(order: Order, dir: number, qty: number, price: number): void {
    const wasFlat = this.openTrades.length === 0;
    this.addTrade(order.id, order.comment !== '' ? order.comment : order.id, dir, qty, price);
    if (wasFlat) this.resetTrails(order.id, price);
    else this.advanceTrails(price);
  }

  /**
   * A position opened from flat starts its trailing exits' best price at the entry fill, so a trail
   * armed before the entry (placed while flat) measures from the entry (corpus
   * bracket-trail-points-no-offset-explicit-01: trail_points 8 exits at entry + 8 ticks on the entry bar).
   */
  private resetTrails(entryId: string, price: number): void {
    for (let at = 0; at < this.orders.length; at++) {
      const order = this.orders[at];
      if (!order.active || order.role !== OrderRole.exit || Number.isNaN(order.trailOffset)) continue;
      if (order.fromEntry === '' || order.fromEntry === entryId) order.trailBest = price;
    }
  }

  // ---------------------------------------------------------------- bookkeeping along the path

  /** Moves trailing exits' best price with the position's favourable direction. */
  private advanceTrails(price: number): void {
    const side = Math.sign(this.positionSize);
    if (side === 0) return;
    const orders = this.orders;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i];
      if (!order.active || order.role !== OrderRole.exit || Number.isNaN(order.trailOffset)) continue;
      if (Number.isNaN(order.trailBest)) order.trailBest = price;
      else if (side > 0 ? price > order.trailBest : price < order.trailBest) order.trailBest = price;
    }
  }

  /**
   * TradingView's documented margin call (manual → Margin; TV-BROKER.md §3.7): when equity minus the
   * required margin goes negative at `price`, liquidate four times the contracts that would cover
   * the deficit, truncated to the quantity step, at that price.
   */
  private checkMarginCall(price: number): void {
    const size = this.positionSize;
    if (size === 0) return;
    const marginPct = size > 0 ? this.config.marginLong : this.config.marginShort;
    if (!(marginPct > 0)) return;
    const ratio = marginPct / 100;
    // All in account currency: the position value converts like the equity does (corpus
    // anomaly-equity-mirror-strategy-equity-01 holds positions worth ~equity in USDT without calls).
    const available = this.availableFunds(price, size, ratio);
    if (available >= 0) return;
    const unitValue = price * this.pointValue * this.rate;
    const cover = floorToStep(-available / ratio / unitValue, this.config.symbol.qtyStep);
    // A deficit smaller than one quantity step truncates to no liquidation (step 9 of the manual).
    if (!(cover > 0)) return;
    const qty = Math.min(Math.abs(size), cover * 4);
    const before = this.closedTrades.length;
    this.closeQty(undefined, qty, price, 'Margin call', 'Margin call');
    for (let i = before; i < this.closedTrades.length; i++) this.closedTrades[i].marginCall = true;
    this.marginCalls++;
    this.fillCount++;
  }

  /** Tracks intrabar equity peaks and troughs for max drawdown and max run-up; returns the equity at `price`. */
  private sampleEquity(price: number): number {
    const equity = this.equityAt(price);
    this.trackEquity(equity);
    return equity;
  }

  /** Moves the equity peak and trough, max drawdown and max run-up with one equity sample. */
  private trackEquity(equity: number): void {
    if (equity > this.peakEquity) this.peakEquity = equity;
    const dd = this.peakEquity - equity;
    if (dd > this.maxDrawdown) this.maxDrawdown = dd;
    if (equity < this.troughEquity) this.troughEquity = equity;
    const ru = equity - this.troughEquity;
    if (ru > this.maxRunup) this.maxRunup = ru;
  }

  /** Removes exit orders once flat: they were bound to trades that no longer exist (PF-cheatsheet §2.1 f). */
  private purgeExits(): void {
    for (let at = 0; at < this.orders.length; at++) {
      const order = this.orders[at];
      if (!order.active || order.role !== OrderRole.exit) continue;
      if (order.placedBar < this.barIndex && !this.hasPendingEntry(order.fromEntry)) order.active = false;
    }
  }

  private hasPendingEntry(id: string): boolean {
    for (let at = 0; at < this.orders.length; at++) {
      const order = this.orders[at];
      if (order.active && order.role !== OrderRole.exit && order.role !== OrderRole.close) {
        if (id === '' || order.id === id) return true;
      }
    }
    return false;
  }

  /** Drops inactive orders from the book and returns them to the pool (a no-op test on an empty book). */
  private sweep(): void {
    if (this.orders.length !== 0) this.sweepBook();
  }

  private sweepBook(): void {
    let dirty = false;
    for (let at = 0; at < this.orders.length; at++) {
      const order = this.orders[at];
      if (!order.active) {
        dirty = true;
        break;
      }
    }
    if (!dirty) return;
    let w = 0;
    for (let r = 0; r < this.orders.length; r++) {
      const order = this.orders[r];
      if (order.active) this.orders[w++] = order;
      else this.pool.give(order);
    }
    // Shrunk by pops: setting a smaller `length` releases the array's storage (V8 trims it), so the
    // next order placed would allocate it again (~150 bytes each time the book empties).
    while (this.orders.length > w) this.orders.pop();
  }
}
