import { constants, functions, variables } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Built-in variables: bar data, time, bar states, symbol and timeframe information, chart properties.
// Types from the v6 manual. Version sets: names present in v4 are marked 456 from the v4 reference as
// remembered (UNVERIFIED: the docs copy here is v6 only); newer names 56 or 6.
export const VARIABLES: readonly CatalogueBlock[] = [
  variables(
    { versions: '456' },
    `
    open: series float
    high: series float
    low: series float
    close: series float
    volume: series float
    hl2: series float
    hlc3: series float
    ohlc4: series float
    bar_index: series int
    last_bar_index: series int
    last_bar_time: series int
    time: series int
    time_close: series int
    timenow: series int
    year: series int
    month: series int
    weekofyear: series int
    dayofmonth: series int
    dayofweek: series int
    hour: series int
    minute: series int
    second: series int
    barstate.isconfirmed: series bool
    barstate.isfirst: series bool
    barstate.ishistory: series bool
    barstate.islast: series bool
    barstate.islastconfirmedhistory: series bool
    barstate.isnew: series bool
    barstate.isrealtime: series bool
    syminfo.currency: simple string
    syminfo.description: simple string
    syminfo.mintick: simple float
    syminfo.pointvalue: simple float
    syminfo.prefix: simple string
    syminfo.root: simple string
    syminfo.session: simple string
    syminfo.ticker: simple string
    syminfo.tickerid: simple string
    syminfo.timezone: simple string
    syminfo.type: simple string
    syminfo.basecurrency: simple string
    timeframe.isdaily: simple bool
    timeframe.isdwm: simple bool
    timeframe.isintraday: simple bool
    timeframe.isminutes: simple bool
    timeframe.ismonthly: simple bool
    timeframe.isseconds: simple bool
    timeframe.isweekly: simple bool
    timeframe.multiplier: simple int
    timeframe.period: simple string
    `,
  ),
  variables(
    { versions: '56' },
    `
    hlcc4: series float
    time_tradingday: series int
    ask: series float
    bid: series float
    session.isfirstbar: series bool
    session.isfirstbar_regular: series bool
    session.islastbar: series bool
    session.islastbar_regular: series bool
    session.ismarket: series bool
    session.ispostmarket: series bool
    session.ispremarket: series bool
    syminfo.country: simple string
    syminfo.current_contract: simple string
    syminfo.employees: simple int
    syminfo.expiration_date: simple int
    syminfo.industry: simple string
    syminfo.minmove: simple int
    syminfo.pricescale: simple int
    syminfo.recommendations_buy: series int
    syminfo.recommendations_buy_strong: series int
    syminfo.recommendations_date: series int
    syminfo.recommendations_hold: series int
    syminfo.recommendations_sell: series int
    syminfo.recommendations_sell_strong: series int
    syminfo.recommendations_total: series int
    syminfo.sector: simple string
    syminfo.shareholders: simple int
    syminfo.shares_outstanding_float: simple float
    syminfo.shares_outstanding_total: simple int
    syminfo.target_price_average: series float
    syminfo.target_price_date: series int
    syminfo.target_price_estimates: series float
    syminfo.target_price_high: series float
    syminfo.target_price_low: series float
    syminfo.target_price_median: series float
    syminfo.volumetype: simple string
    timeframe.isticks: simple bool
    chart.bg_color: input color
    chart.fg_color: input color
    chart.is_heikinashi: simple bool
    chart.is_kagi: simple bool
    chart.is_linebreak: simple bool
    chart.is_pnf: simple bool
    chart.is_range: simple bool
    chart.is_renko: simple bool
    chart.is_standard: simple bool
    chart.left_visible_bar_time: input int
    chart.right_visible_bar_time: input int
    dividends.future_amount: series float
    dividends.future_ex_date: series int
    dividends.future_pay_date: series int
    earnings.future_eps: series float
    earnings.future_period_end_time: series int
    earnings.future_revenue: series float
    earnings.future_time: series int
    box.all: array<box>
    label.all: array<label>
    line.all: array<line>
    linefill.all: array<linefill>
    polyline.all: array<polyline>
    table.all: array<table>
    `,
  ),
  variables(
    { versions: '6' },
    `
    syminfo.main_tickerid: simple string
    syminfo.mincontract: simple float
    timeframe.main_period: simple string
    `,
  ),
  // `na` is a keyword-like literal; the manual files it under variables as "simple na". The catalogue types it
  // const, as a literal is.
  constants({ versions: '456' }, `na: const na`),
  functions(
    { versions: '56' },
    `
    timeframe.from_seconds(seconds: series int): auto simple string
    timeframe.in_seconds(timeframe: series string = timeframe.period): auto simple int
    syminfo.prefix(symbol: series string): auto simple string
    syminfo.ticker(symbol: series string): auto simple string
    `,
  ),
  // Compares this bar's time with the previous bar's in the given timeframe: state per call site.
  functions({ versions: '56', stateful: true }, `timeframe.change(timeframe: series string): series bool`),
];
