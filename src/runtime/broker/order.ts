/**
 * A pending order in the broker's book. Orders are pooled by the broker (see `OrderPool`), so every
 * field is initialised in the constructor and reset in `reset()`; the class stays monomorphic.
 */

/** What an order does to the position. */
export const OrderRole = {
  /** Opens or adds; an entry against an opposite position first closes it (reversal). */
  entry: 0,
  /** Net order: adds to or subtracts from the signed position, no pyramiding check. */
  net: 1,
  /** Reduce-only price order bound to open trades (bracket / trailing exit). */
  exit: 2,
  /** Reduce-only market order closing trades (by entry id, or all). */
  close: 3,
} as const;
export type OrderRole = (typeof OrderRole)[keyof typeof OrderRole];

/** One-cancels-all group behaviour. */
export const OcaType = { none: 0, cancel: 1, reduce: 2 } as const;
export type OcaType = (typeof OcaType)[keyof typeof OcaType];

/** Which leg of an order produced a fill; also the same-distance priority (lower wins). */
export const FillLeg = { market: 0, stop: 1, trail: 2, limit: 3 } as const;
export type FillLeg = (typeof FillLeg)[keyof typeof FillLeg];

/** A pending order. Prices are NaN when absent; quantities are NaN when "all" or "default". */
export class Order {
  /** Queue position: lower is older. A same-id modification keeps the slot. */
  seq = 0;
  id = '';
  role: OrderRole = OrderRole.entry;
  /** +1 buy, -1 sell; exits and closes take the opposite of the trade they close. */
  side = 0;
  /** Requested quantity (entry/net: contracts; exit/close: NaN = all of the bound trades). */
  qty = Number.NaN;
  /** Exit/close share of the bound quantity in percent; NaN when `qty` or "all" applies. */
  qtyPercent = Number.NaN;
  /** Extra quantity that reverses an opposite position, frozen when a priced entry was placed. */
  carryQty = 0;
  limit = Number.NaN;
  stop = Number.NaN;
  /** Stop-limit: the stop has traded, the order now behaves as a limit. */
  stopTriggered = false;
  /** Exit legs relative to each trade's entry price, in ticks (NaN = absent). */
  profitTicks = Number.NaN;
  lossTicks = Number.NaN;
  trailPoints = Number.NaN;
  trailPrice = Number.NaN;
  trailOffset = Number.NaN;
  /** Best price seen since the trailing exit was first placed (long: highest, short: lowest). */
  trailBest = Number.NaN;
  trailActive = false;
  /** Exit/close binding: entry id, or '' for every open trade. */
  fromEntry = '';
  ocaName = '';
  ocaType: OcaType = OcaType.none;
  comment = '';
  commentProfit = '';
  commentLoss = '';
  commentTrail = '';
  /** Bar index at which the order was placed or last modified. */
  placedBar = -1;
  /** Sign of the position when placed (pyramiding exceptions and reversal carry). */
  placedPositionSide = 0;
  /** Close orders: fill at the current tick instead of waiting (`immediately=true`). */
  immediately = false;
  /** False once filled or cancelled; the broker returns inactive orders to the pool. */
  active = false;

  /** True for orders that fill at the next tick whatever the price. */
  get isMarket(): boolean {
    if (this.role === OrderRole.close) return true;
    if (this.role === OrderRole.exit) return false;
    return Number.isNaN(this.limit) && Number.isNaN(this.stop);
  }

  /** Clears every field so a pooled order carries nothing over from its previous use. */
  reset(): void {
    this.seq = 0;
    this.id = '';
    this.role = OrderRole.entry;
    this.side = 0;
    this.qty = Number.NaN;
    this.qtyPercent = Number.NaN;
    this.carryQty = 0;
    this.limit = Number.NaN;
    this.stop = Number.NaN;
    this.stopTriggered = false;
    this.profitTicks = Number.NaN;
    this.lossTicks = Number.NaN;
    this.trailPoints = Number.NaN;
    this.trailPrice = Number.NaN;
    this.trailOffset = Number.NaN;
    this.trailBest = Number.NaN;
    this.trailActive = false;
    this.fromEntry = '';
    this.ocaName = '';
    this.ocaType = OcaType.none;
    this.comment = '';
    this.commentProfit = '';
    this.commentLoss = '';
    this.commentTrail = '';
    this.placedBar = -1;
    this.placedPositionSide = 0;
    this.immediately = false;
    this.active = false;
  }
}

/** Recycles orders so that steady-state re-placement (a script calling `strategy.exit` every bar) allocates nothing. */
export class OrderPool {
  private readonly free: Order[] = [];

  /** A cleared order, reused when possible. */
  take(): Order {
    const order = this.free.pop() ?? new Order();
    order.reset();
    return order;
  }

  /** Returns an order that is no longer referenced by the book. */
  give(order: Order): void {
    order.active = false;
    this.free.push(order);
  }
}
