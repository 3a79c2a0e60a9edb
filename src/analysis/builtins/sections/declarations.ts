import { functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Declaration statements. `strategy()` parameters in the v6 manual's order; v5 differences from the v6
// migration guide: margins default to 0 in v5 and 100 in v6; dynamic_requests defaults to false in v5.
// `currency` defaults to the symbol's currency (syminfo.currency, a simple value, so no const default here);
// indicator's `timeframe` defaults to the chart's, which "" also means.
// v4's `study()` is `indicator()` under its v4 name (v4-names.ts), hence indicator's version 4.
// Parameters added late in v5 or in v6 (behind_chart, max_polylines_count, fill_orders_on_standard_ohlc)
// are marked from the release notes' order of features — UNVERIFIED per version.
export const DECLARATIONS: readonly CatalogueBlock[] = [
  functions(
    { versions: '456', declaration: true },
    `
    strategy(title: const string, shorttitle?: const string, overlay: const bool = false, format: const string = format.inherit, precision?: const int, scale?: const scale_type, pyramiding: const int = 0, calc_on_order_fills: const bool = false, calc_on_every_tick: const bool = false, max_bars_back: const int = 0, backtest_fill_limits_assumption: const int = 0, default_qty_type: const string = strategy.fixed, default_qty_value: const float = 1, initial_capital: const float = 1000000, currency?: const string, slippage: const int = 0, commission_type: const string = strategy.commission.percent, commission_value: const float = 0, process_orders_on_close: const bool = false, close_entries_rule: const string = "FIFO", margin_long: const float = {v4: 0, v5: 0, v6: 100}, margin_short: const float = {v4: 0, v5: 0, v6: 100}, explicit_plot_zorder: const bool = false, max_lines_count: const int = 50, max_labels_count: const int = 50, max_boxes_count: const int = 50, calc_bars_count: const int = 0 @56, risk_free_rate: const float = 2, use_bar_magnifier: const bool = false @56, fill_orders_on_standard_ohlc: const bool = false @56, max_polylines_count: const int = 50 @56, dynamic_requests: const bool = {v5: false, v6: true} @56, behind_chart: const bool = true @6): void
    `,
  ),
  functions(
    { versions: '56', declaration: true },
    `
    indicator(title: const string, shorttitle?: const string, overlay: const bool = false, format: const string = format.inherit, precision?: const int, scale?: const scale_type, max_bars_back: const int = 0, timeframe: const string = "", timeframe_gaps: const bool = true, explicit_plot_zorder: const bool = false, max_lines_count: const int = 50, max_labels_count: const int = 50, max_boxes_count: const int = 50, calc_bars_count: const int = 0 @56, max_polylines_count: const int = 50 @56, dynamic_requests: const bool = {v5: false, v6: true} @56, behind_chart: const bool = true @6): void @456
    library(title: const string, overlay: const bool = false, dynamic_requests: const bool = {v5: false, v6: true}): void
    `,
  ),
];
