/** Argument objects of the `strategy.*` order commands (Pine's named arguments, camelCased). */

/** `strategy.long` / `strategy.short`. */
export type Direction = 'long' | 'short';

/** `strategy.oca.cancel` / `.reduce` / `.none`. */
export type OcaKind = 'cancel' | 'reduce' | 'none';

/** `strategy.entry(id, direction, …)` and `strategy.order(id, direction, …)`. */
export interface EntryOptions {
  readonly qty?: number;
  readonly limit?: number;
  readonly stop?: number;
  readonly ocaName?: string;
  readonly ocaType?: OcaKind;
  readonly comment?: string;
  /** v4 `when=`: the call does nothing when false. */
  readonly when?: boolean;
}

/** `strategy.exit(id, …)`. Prices are absolute; profit/loss/trail points are in ticks. */
export interface ExitOptions {
  readonly fromEntry?: string;
  readonly qty?: number;
  readonly qtyPercent?: number;
  readonly profit?: number;
  readonly limit?: number;
  readonly loss?: number;
  readonly stop?: number;
  readonly trailPrice?: number;
  readonly trailPoints?: number;
  readonly trailOffset?: number;
  readonly ocaName?: string;
  readonly comment?: string;
  readonly commentProfit?: string;
  readonly commentLoss?: string;
  readonly commentTrail?: string;
  readonly when?: boolean;
}

/** `strategy.close(id, …)` and `strategy.close_all(…)`. */
export interface CloseOptions {
  readonly qty?: number;
  readonly qtyPercent?: number;
  readonly comment?: string;
  readonly immediately?: boolean;
  readonly when?: boolean;
}
