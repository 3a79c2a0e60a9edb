import { FillLeg } from './order.js';
import type { Order } from './order.js';
import { ceilToTick, floorToTick } from './symbol.js';
import type { Trade } from './trade.js';

/**
 * Hit tests of order levels on one monotone move of the intrabar path, `cur` → `target`. The
 * broker sets the move, calls a probe, and reads the result fields: `dist` (price distance from
 * `cur` at which the order triggers, 0 if already beyond, −1 if not reached), `price` (the fill
 * price before slippage), `level` and `leg`.
 */
export class PathProbe {
  cur = Number.NaN;
  target = Number.NaN;
  dist = -1;
  price = Number.NaN;
  /** The order's price level (differs from `price` when the level was gapped through). */
  level = Number.NaN;
  leg: FillLeg = FillLeg.market;
  private readonly tick: number;
  private readonly assumptionTicks: number;

  constructor(tick: number, fillLimitsAssumptionTicks: number) {
    this.tick = tick;
    this.assumptionTicks = fillLimitsAssumptionTicks;
  }

  /** A market order: fills at the current price. */
  market(): void {
    this.dist = 0;
    this.price = this.cur;
    this.level = this.cur;
    this.leg = FillLeg.market;
  }

  /** Probes the three legs of an exit for one trade; keeps the nearest (stop wins ties, then trail). */
  exit(order: Order, trade: Trade, allowPast: boolean): void {
    const dir = trade.direction;
    const entry = trade.entryPrice;
    const tick = this.tick;
    let dist = -1;
    let price = Number.NaN;
    let level = Number.NaN;
    let leg: FillLeg = FillLeg.market;

    const stop = this.exitStopLevel(order, dir, entry);
    if (!Number.isNaN(stop)) {
      this.stop(-dir, stop, allowPast);
      if (this.dist >= 0) {
        dist = this.dist;
        price = this.price;
        level = this.level;
        leg = FillLeg.stop;
      }
    }
    if (!Number.isNaN(order.trailOffset) && !Number.isNaN(order.trailBest)) {
      const activation = Number.isNaN(order.trailPoints)
        ? order.trailPrice
        : entry + dir * Math.ceil(order.trailPoints) * tick;
      const offset = Math.ceil(order.trailOffset) * tick;
      const active = dir > 0 ? order.trailBest >= activation : order.trailBest <= activation;
      if (active) this.stop(-dir, order.trailBest - dir * offset, allowPast);
      else if (offset === 0) this.stop(dir, activation, allowPast);
      else this.dist = -1;
      if (this.dist >= 0 && (dist < 0 || this.dist < dist)) {
        dist = this.dist;
        price = this.price;
        level = this.level;
        leg = FillLeg.trail;
      }
    }
    const limit = this.exitLimitLevel(order, dir, entry);
    if (!Number.isNaN(limit)) {
      this.limit(-dir, limit, allowPast);
      if (this.dist >= 0 && (dist < 0 || this.dist < dist)) {
        dist = this.dist;
        price = this.price;
        level = this.level;
        leg = FillLeg.limit;
      }
    }
    this.dist = dist;
    this.price = price;
    this.level = level;
    this.leg = leg;
  }

  /**
   * The exit's stop level for a trade: the absolute `stop` and the `loss` ticks from the entry; when
   * both are given the one reached first (TV-BROKER.md §3.3, v6). Rounded to the tick that first
   * satisfies the trigger (sell stop: floor, buy stop: ceil).
   */
  exitStopLevel(order: Order, dir: number, entry: number): number {
    let level = order.stop;
    if (!Number.isNaN(order.lossTicks)) {
      const rel = entry - dir * order.lossTicks * this.tick;
      level = Number.isNaN(level) ? rel : dir > 0 ? Math.max(level, rel) : Math.min(level, rel);
    }
    if (Number.isNaN(level)) return level;
    return dir > 0 ? floorToTick(level, this.tick) : ceilToTick(level, this.tick);
  }

  /** The exit's limit level (absolute `limit` and `profit` ticks; nearest wins; sell limit ceil, buy limit floor). */
  exitLimitLevel(order: Order, dir: number, entry: number): number {
    let level = order.limit;
    if (!Number.isNaN(order.profitTicks)) {
      const rel = entry + dir * order.profitTicks * this.tick;
      level = Number.isNaN(level) ? rel : dir > 0 ? Math.min(level, rel) : Math.max(level, rel);
    }
    if (Number.isNaN(level)) return level;
    return dir > 0 ? ceilToTick(level, this.tick) : floorToTick(level, this.tick);
  }

  /**
   * A stop for `side` (+1 buy: triggers at price ≥ level; -1 sell: price ≤ level), probed on the move
   * cur → target. Already beyond the level: distance 0 at the current price (a gap fill at the open).
   */
  stop(side: number, level: number, allowPast: boolean): void {
    const cur = this.cur;
    const target = this.target;
    this.leg = FillLeg.stop;
    this.level = level;
    if (side > 0 ? cur >= level : cur <= level) {
      this.dist = allowPast ? 0 : -1;
      this.price = cur;
    } else if (side > 0 ? target >= level : target <= level) {
      this.dist = Math.abs(level - cur);
      this.price = level;
    } else {
      this.dist = -1;
    }
  }

  /**
   * A limit for `side` (+1 buy: fills at price ≤ level; -1 sell: ≥ level). With
   * backtest_fill_limits_assumption N, price must trade N ticks through the level; the fill stays at
   * the level, or at the current price when that is better (gap).
   */
  limit(side: number, level: number, allowPast: boolean): void {
    const cur = this.cur;
    const target = this.target;
    const through = level - side * this.assumptionTicks * this.tick;
    this.leg = FillLeg.limit;
    this.level = level;
    if (side > 0 ? cur <= through : cur >= through) {
      this.dist = allowPast ? 0 : -1;
      this.price = side > 0 ? Math.min(cur, level) : Math.max(cur, level);
    } else if (side > 0 ? target <= through : target >= through) {
      this.dist = Math.abs(through - cur);
      this.price = level;
    } else {
      this.dist = -1;
    }
  }
}
