import { constants, functions, variables } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `strategy.*`: order commands, trade queries, risk rules, performance variables and their constants.
// Signatures from the Pine v6 manual. v4/v5 differences from the v5 and v6 migration guides: v4 and v5 had a
// `when` parameter on the order commands (removed in v6); v4's `strategy.entry`/`strategy.order` called
// `direction` `long` (see V4_PARAM_RENAMES). The position of `when` in v5 is as in the v5 manual
// (UNVERIFIED for `strategy.exit`: after `comment_trailing`).
export const STRATEGY: readonly CatalogueBlock[] = [
  functions(
    { versions: '456', sideEffect: true },
    `
    strategy.entry(id: series string, direction: series strategy_direction, qty: series float = na, limit: series float = na, stop: series float = na, oca_name: series string = "", oca_type: input string = strategy.oca.none, comment: series string = "", when: series bool = true @45, alert_message: series string = "", disable_alert: series bool = false @56): void
    strategy.order(id: series string, direction: series strategy_direction, qty: series float = na, limit: series float = na, stop: series float = na, oca_name: series string = "", oca_type: input string = strategy.oca.none, comment: series string = "", when: series bool = true @45, alert_message: series string = "", disable_alert: series bool = false @56): void
    strategy.exit(id: series string, from_entry: series string = "", qty: series float = na, qty_percent: series float = 100, profit: series float = na, limit: series float = na, loss: series float = na, stop: series float = na, trail_price: series float = na, trail_points: series float = na, trail_offset: series float = na, oca_name: series string = "", comment: series string = "", comment_profit: series string = "" @56, comment_loss: series string = "" @56, comment_trailing: series string = "" @56, when: series bool = true @45, alert_message: series string = "", alert_profit: series string = "" @56, alert_loss: series string = "" @56, alert_trailing: series string = "" @56, disable_alert: series bool = false @56): void
    strategy.close(id: series string, when: series bool = true @45, comment: series string = "", qty: series float = na, qty_percent: series float = 100, alert_message: series string = "", immediately: series bool = false @56, disable_alert: series bool = false @56): void
    strategy.close_all(when: series bool = true @45, comment: series string = "", alert_message: series string = "", immediately: series bool = false @56, disable_alert: series bool = false @56): void
    strategy.cancel(id: series string, when: series bool = true @45): void
    strategy.cancel_all(when: series bool = true @45): void
    strategy.risk.allow_entry_in(value: simple string): void
    strategy.risk.max_cons_loss_days(count: simple int, alert_message?: simple string): void
    strategy.risk.max_drawdown(value: simple float, type: simple string, alert_message?: simple string): void
    strategy.risk.max_intraday_filled_orders(count: simple int, alert_message?: simple string): void
    strategy.risk.max_intraday_loss(value: simple float, type: simple string, alert_message?: simple string): void
    strategy.risk.max_position_size(contracts: simple float): void
    `,
  ),
  functions(
    { versions: '56' },
    `
    strategy.closedtrades.commission(trade_num: series int): series float
    strategy.closedtrades.entry_bar_index(trade_num: series int): series int
    strategy.closedtrades.entry_comment(trade_num: series int): series string
    strategy.closedtrades.entry_id(trade_num: series int): series string
    strategy.closedtrades.entry_price(trade_num: series int): series float
    strategy.closedtrades.entry_time(trade_num: series int): series int
    strategy.closedtrades.exit_bar_index(trade_num: series int): series int
    strategy.closedtrades.exit_comment(trade_num: series int): series string
    strategy.closedtrades.exit_id(trade_num: series int): series string
    strategy.closedtrades.exit_price(trade_num: series int): series float
    strategy.closedtrades.exit_time(trade_num: series int): series int
    strategy.closedtrades.max_drawdown(trade_num: series int): series float
    strategy.closedtrades.max_drawdown_percent(trade_num: series int): series float
    strategy.closedtrades.max_runup(trade_num: series int): series float
    strategy.closedtrades.max_runup_percent(trade_num: series int): series float
    strategy.closedtrades.profit(trade_num: series int): series float
    strategy.closedtrades.profit_percent(trade_num: series int): series float
    strategy.closedtrades.size(trade_num: series int): series float
    strategy.opentrades.commission(trade_num: series int): series float
    strategy.opentrades.entry_bar_index(trade_num: series int): series int
    strategy.opentrades.entry_comment(trade_num: series int): series string
    strategy.opentrades.entry_id(trade_num: series int): series string
    strategy.opentrades.entry_price(trade_num: series int): series float
    strategy.opentrades.entry_time(trade_num: series int): series int
    strategy.opentrades.max_drawdown(trade_num: series int): series float
    strategy.opentrades.max_drawdown_percent(trade_num: series int): series float
    strategy.opentrades.max_runup(trade_num: series int): series float
    strategy.opentrades.max_runup_percent(trade_num: series int): series float
    strategy.opentrades.profit(trade_num: series int): series float
    strategy.opentrades.profit_percent(trade_num: series int): series float
    strategy.opentrades.size(trade_num: series int): series float
    strategy.convert_to_account(value: series float): series float
    strategy.convert_to_symbol(value: series float): series float
    strategy.default_entry_qty(fill_price: series float): series float @6
    `,
  ),
  variables(
    { versions: '456' },
    `
    strategy.closedtrades: series int
    strategy.equity: series float
    strategy.eventrades: series int
    strategy.grossloss: series float
    strategy.grossprofit: series float
    strategy.initial_capital: series float
    strategy.losstrades: series int
    strategy.max_contracts_held_all: series float
    strategy.max_contracts_held_long: series float
    strategy.max_contracts_held_short: series float
    strategy.max_drawdown: series float
    strategy.max_runup: series float
    strategy.netprofit: series float
    strategy.openprofit: series float
    strategy.opentrades: series int
    strategy.position_avg_price: series float
    strategy.position_entry_name: series string
    strategy.position_size: series float
    strategy.wintrades: series int
    strategy.account_currency: simple string
    `,
  ),
  variables(
    { versions: '56' },
    `
    strategy.avg_losing_trade: series float
    strategy.avg_losing_trade_percent: series float
    strategy.avg_trade: series float
    strategy.avg_trade_percent: series float
    strategy.avg_winning_trade: series float
    strategy.avg_winning_trade_percent: series float
    strategy.closedtrades.first_index: series int
    strategy.grossloss_percent: series float
    strategy.grossprofit_percent: series float
    strategy.margin_liquidation_price: series float
    strategy.max_drawdown_percent: series float
    strategy.max_runup_percent: series float
    strategy.netprofit_percent: series float
    strategy.openprofit_percent: series float
    strategy.opentrades.capital_held: series float @6
    `,
  ),
  constants(
    { versions: '456' },
    `
    strategy.long: const strategy_direction
    strategy.short: const strategy_direction
    strategy.fixed: const string
    strategy.cash: const string
    strategy.percent_of_equity: const string
    strategy.commission.percent: const string
    strategy.commission.cash_per_contract: const string
    strategy.commission.cash_per_order: const string
    strategy.oca.none: const string
    strategy.oca.cancel: const string
    strategy.oca.reduce: const string
    strategy.direction.all: const string
    strategy.direction.long: const string
    strategy.direction.short: const string
    `,
  ),
];
