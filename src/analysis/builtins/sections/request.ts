import { constants, functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `request.*` (other symbols and timeframes) and `ticker.*` (ticker ids to request). v6 signatures: the
// context parameters are `series` because v6 requests are dynamic by default; v5 without
// `dynamic_requests = true` requires them `simple` — a version rule for the checker, not a second overload.
// Every request keeps its own data context per call site. Version 4 means "in v4 under its v4 name"
// (`security`, `heikinashi`, `tickerid` → `ticker.new`, see v4-names.ts).
export const REQUEST: readonly CatalogueBlock[] = [
  functions(
    { versions: '456', stateful: true, request: true },
    `
    request.security(symbol: series string, timeframe: series string, expression: series T, gaps: simple barmerge_gaps = barmerge.gaps_off, lookahead: simple barmerge_lookahead = barmerge.lookahead_off, ignore_invalid_symbol: input bool = false, currency: series string = syminfo.currency @56, calc_bars_count: simple int = 100 @6): series T
    request.security_lower_tf(symbol: series string, timeframe: series string, expression: series T, ignore_invalid_symbol: series bool = false, currency: series string = syminfo.currency @56, ignore_invalid_timeframe: series bool = false, calc_bars_count: simple int = 100 @6): array<T> @56
    request.currency_rate(from: series string, to: series string, ignore_invalid_currency: series bool = false): series float @56
    request.dividends(ticker: series string, field: series string = dividends.gross, gaps: simple barmerge_gaps = barmerge.gaps_off, lookahead: simple barmerge_lookahead = barmerge.lookahead_off, ignore_invalid_symbol: input bool = false, currency: series string = syminfo.currency @56): series float
    request.earnings(ticker: series string, field: series string = earnings.actual, gaps: simple barmerge_gaps = barmerge.gaps_off, lookahead: simple barmerge_lookahead = barmerge.lookahead_off, ignore_invalid_symbol: input bool = false, currency: series string = syminfo.currency @56): series float
    request.economic(country_code: series string, field: series string, gaps: simple barmerge_gaps = barmerge.gaps_off, ignore_invalid_symbol: input bool = false): series float @56
    request.financial(symbol: series string, financial_id: series string, period: series string, gaps: simple barmerge_gaps = barmerge.gaps_off, ignore_invalid_symbol: input bool = false, currency: series string = syminfo.currency @56): series float
    request.quandl(ticker: series string, gaps: simple barmerge_gaps = barmerge.gaps_off, index: series int, ignore_invalid_symbol: input bool = false): series float
    request.seed(source: series string, symbol: series string, expression: series T, ignore_invalid_symbol: input bool = false, calc_bars_count: simple int = 100 @6): series T @56
    request.splits(ticker: series string, field: series string, gaps: simple barmerge_gaps = barmerge.gaps_off, lookahead: simple barmerge_lookahead = barmerge.lookahead_off, ignore_invalid_symbol: input bool = false): series float
    `,
  ),
  functions(
    { versions: '456' },
    `
    ticker.heikinashi(symbol: series string): auto simple string
    ticker.inherit(from_tickerid: series string, symbol: series string): auto simple string @56
    ticker.kagi(symbol: series string, reversal: series float): auto simple string
    ticker.kagi(symbol: series string, param: series float, style: series string): auto simple string @56
    ticker.linebreak(symbol: series string, number_of_lines: series int): auto simple string
    ticker.modify(tickerid: series string, session?: series string, adjustment?: series string, backadjustment: series backadjustment = backadjustment.inherit, settlement_as_close: series settlement = settlement_as_close.inherit): auto simple string @56
    ticker.new(prefix: series string, ticker: series string, session?: series string, adjustment?: series string, backadjustment: series backadjustment = backadjustment.inherit @56, settlement_as_close: series settlement = settlement_as_close.inherit @56): auto simple string
    ticker.pointfigure(symbol: series string, source: series string, style: series string, param: series float, reversal: series int): auto simple string
    ticker.renko(symbol: series string, style: series string, param: series float, request_wicks: series bool = false, source: series string = "Close"): auto simple string
    ticker.standard(symbol: series string = syminfo.tickerid): auto simple string @56
    `,
  ),
  constants(
    { versions: '456' },
    `
    barmerge.gaps_off: const barmerge_gaps
    barmerge.gaps_on: const barmerge_gaps
    barmerge.lookahead_off: const barmerge_lookahead
    barmerge.lookahead_on: const barmerge_lookahead
    adjustment.dividends: const string
    adjustment.none: const string
    adjustment.splits: const string
    dividends.gross: const string
    dividends.net: const string
    earnings.actual: const string
    earnings.estimate: const string
    earnings.standardized: const string
    splits.denominator: const string
    splits.numerator: const string
    `,
  ),
  constants(
    { versions: '56' },
    `
    backadjustment.inherit: const backadjustment
    backadjustment.off: const backadjustment
    backadjustment.on: const backadjustment
    settlement_as_close.inherit: const settlement
    settlement_as_close.off: const settlement
    settlement_as_close.on: const settlement
    `,
  ),
];
