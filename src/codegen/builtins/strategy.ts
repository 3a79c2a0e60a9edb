import type { BuiltinEmitContext, EmitterTable } from './types.js';

/** `snake_case` → `camelCase`: Pine's parameter and variable names as the adapter spells them. */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

/** The options object from the named Pine parameters the script gave, as a one-element list (none when empty). */
function options(c: BuiltinEmitContext, names: readonly string[]): string[] {
  const parts = names.filter((n) => c.arg(n) !== undefined).map((n) => `${camel(n)}: ${c.arg(n) ?? ''}`);
  return parts.length > 0 ? [`{ ${parts.join(', ')} }`] : [];
}

/** `this.strategy.method(positional…, {options})`, the options object left out when empty. */
function call(
  c: BuiltinEmitContext,
  method: string,
  positional: readonly string[],
  names: readonly string[],
): string {
  return `${c.strategy}.${method}(${[...positional, ...options(c, names)].join(', ')})`;
}

const entryOptions = ['qty', 'limit', 'stop', 'oca_name', 'oca_type', 'comment', 'when'];
const exitOptions = [
  'from_entry',
  'qty',
  'qty_percent',
  'profit',
  'limit',
  'loss',
  'stop',
  'trail_price',
  'trail_points',
  'trail_offset',
  'oca_name',
  'comment',
  'comment_profit',
  'comment_loss',
  'comment_trail',
  'when',
];
const closeOptions = ['comment', 'qty', 'qty_percent', 'immediately', 'when'];

/**
 * `strategy.*` commands onto the broker adapter (src/runtime/strategy: `PineStrategy`), whose
 * methods take Pine's arguments as a camelCased options object.
 */
export const strategyEmitters: EmitterTable = {
  'strategy.entry': (c) =>
    call(c, 'entry', [c.argOr('id', '""'), c.argOr('direction', "'long'")], entryOptions),
  'strategy.order': (c) =>
    call(c, 'order', [c.argOr('id', '""'), c.argOr('direction', "'long'")], entryOptions),
  'strategy.exit': (c) => call(c, 'exit', [c.argOr('id', '""')], exitOptions),
  'strategy.close': (c) => call(c, 'close', [c.argOr('id', '""')], closeOptions),
  'strategy.close_all': (c) => call(c, 'closeAll', [], closeOptions),
  'strategy.cancel': (c) => `${c.strategy}.cancel(${c.argOr('id', '""')})`,
  'strategy.cancel_all': (c) => `${c.strategy}.cancelAll()`,
  'strategy.risk.allow_entry_in': (c) => `${c.strategy}.risk.allowEntryIn(${c.argOr('value', "'all'")})`,
  'strategy.risk.max_position_size': (c) =>
    `${c.strategy}.risk.setMaxPositionSize(${c.argOr('contracts', 'NaN')})`,
  'strategy.risk.max_drawdown': (c) =>
    `${c.strategy}.risk.setMaxDrawdown(${c.argOr('value', 'NaN')}, ${c.argOr('type', "'percent_of_equity'")})`,
  'strategy.risk.max_intraday_loss': (c) =>
    `${c.strategy}.risk.setMaxIntradayLoss(${c.argOr('value', 'NaN')}, ${c.argOr('type', "'percent_of_equity'")})`,
  'strategy.risk.max_intraday_filled_orders': (c) =>
    `${c.strategy}.risk.setMaxIntradayFilledOrders(${c.argOr('count', 'NaN')})`,
  'strategy.risk.max_cons_loss_days': (c) =>
    `${c.strategy}.risk.setMaxConsLossDays(${c.argOr('count', 'NaN')})`,
  'strategy.convert_to_account': (c) => c.argOr('value', 'NaN'),
  'strategy.convert_to_symbol': (c) => c.argOr('value', 'NaN'),
};

/** `strategy.opentrades.entry_price(i)` → `this.strategy.opentradesInfo.entryPrice(i)` (and closedtrades). */
export function tradeInfoCall(name: string, c: BuiltinEmitContext): string | undefined {
  const match = /^strategy\.(opentrades|closedtrades)\.(\w+)$/.exec(name);
  if (!match) return undefined;
  return `${c.strategy}.${match[1]}Info.${camel(match[2])}(${c.args.filter((a) => a !== undefined).join(', ')})`;
}

/** Constants of the `strategy` namespace as the adapter's string values. */
export function strategyConstant(name: string): string | undefined {
  const values: Readonly<Partial<Record<string, string>>> = {
    'strategy.long': "'long'",
    'strategy.short': "'short'",
    'strategy.fixed': "'fixed'",
    'strategy.cash': "'cash'",
    'strategy.percent_of_equity': "'percent_of_equity'",
    'strategy.oca.cancel': "'cancel'",
    'strategy.oca.reduce': "'reduce'",
    'strategy.oca.none': "'none'",
    'strategy.direction.long': "'long'",
    'strategy.direction.short': "'short'",
    'strategy.direction.all': "'all'",
    'strategy.commission.percent': "'percent'",
    'strategy.commission.cash_per_contract': "'cash_per_contract'",
    'strategy.commission.cash_per_order': "'cash_per_order'",
  };
  return values[name];
}
