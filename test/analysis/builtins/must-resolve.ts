import type { PineVersion } from '../../../src/analysis/builtins/index.js';

/**
 * Built-in names that must resolve, with the Pine version and the kind of use: the names strategies use most
 * (from a frequency count over the public corpus, which is not committed), plus v4 spellings.
 */
export const MUST_RESOLVE: readonly (readonly [PineVersion, 'call' | 'value', string])[] = [
  ...calls(
    6,
    `strategy strategy.entry strategy.close strategy.exit strategy.close_all strategy.cancel strategy.cancel_all
    strategy.order strategy.risk.max_intraday_filled_orders strategy.risk.max_drawdown strategy.risk.max_position_size
    strategy.risk.allow_entry_in strategy.opentrades.entry_bar_index strategy.opentrades.max_drawdown
    strategy.closedtrades.profit input.int input.float input.bool input.string input.source input.session
    input.timeframe input.enum ta.ema ta.sma ta.rma ta.wma ta.hma ta.vwma ta.alma ta.crossover ta.crossunder
    ta.rsi ta.atr ta.pivothigh ta.pivotlow ta.change ta.stdev ta.highest ta.lowest ta.linreg ta.macd ta.dmi ta.stoch
    ta.bb ta.supertrend ta.mom ta.median ta.kc ta.sar ta.wpr ta.tsi ta.roc ta.rci ta.percentrank ta.mfi ta.lowestbars
    ta.highestbars ta.cog ta.cmo ta.cci ta.correlation ta.pivot_point_levels request.security
    request.security_lower_tf math.abs math.max math.min math.sum math.round math.sqrt math.pow str.match str.lower
    str.tostring array.size array.get array.push array.shift array.unshift array.new array.pop array.percentrank
    array.median array.min matrix.new matrix.set matrix.get matrix.transpose matrix.eigenvalues map.new map.get
    map.contains color.new line.new box.new timeframe.change na nz fixnan plot plotchar hline alert hour dayofweek time
    float int bool`,
  ),
  ...values(
    6,
    `strategy.position_size strategy.long strategy.short strategy.fixed strategy.cash strategy.percent_of_equity
    strategy.commission.percent strategy.commission.cash_per_order strategy.commission.cash_per_contract
    strategy.oca.reduce strategy.direction.long strategy.equity strategy.position_avg_price strategy.closedtrades
    strategy.opentrades strategy.eventrades strategy.netprofit strategy.initial_capital strategy.max_contracts_held_all
    syminfo.mintick syminfo.tickerid syminfo.timezone barmerge.lookahead_off barmerge.gaps_off barmerge.gaps_on
    barstate.isconfirmed barstate.isfirst barstate.islast timeframe.period timeframe.main_period color.red color.green
    color.blue color.gray color.orange color.purple color.yellow color.teal plot.style_stepline plot.style_histogram
    display.data_window display.none alert.freq_once_per_bar dayofweek.monday location.abovebar size.tiny ta.tr ta.obv
    ta.vwap ta.pvt ta.pvi ta.nvi ta.accdist close open high low volume bar_index time na`,
  ),
  ...calls(5, 'strategy strategy.entry input.int ta.sma request.security plot'),
  ...calls(
    4,
    'strategy study sma ema rsi crossover crossunder security highest lowest change nz input tostring plot',
  ),
  ...values(4, 'tr obv vwap red input.integer input.resolution strategy.long close'),
];

function calls(version: PineVersion, names: string): (readonly [PineVersion, 'call', string])[] {
  return names
    .split(/\s+/)
    .filter((n) => n !== '')
    .map((n) => [version, 'call', n] as const);
}

function values(version: PineVersion, names: string): (readonly [PineVersion, 'value', string])[] {
  return names
    .split(/\s+/)
    .filter((n) => n !== '')
    .map((n) => [version, 'value', n] as const);
}
