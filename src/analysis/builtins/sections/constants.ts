import { constants } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Named constants of the plotting, drawing, formatting and time APIs, with types from the v6 manual
// (constants of other namespaces live next to their functions). Which ones v4 already had is from memory of
// the v4 reference (UNVERIFIED); newer families (display, font, text formats, line arrows) are marked 56. dayofweek values: Sunday = 1 … Saturday = 7 (manual: "dayofweek" variable).
export const CONSTANTS: readonly CatalogueBlock[] = [
  constants(
    { versions: '456' },
    `
    alert.freq_all: const string
    alert.freq_once_per_bar: const string
    alert.freq_once_per_bar_close: const string
    dayofweek.friday: const int = 6
    dayofweek.monday: const int = 2
    dayofweek.saturday: const int = 7
    dayofweek.sunday: const int = 1
    dayofweek.thursday: const int = 5
    dayofweek.tuesday: const int = 3
    dayofweek.wednesday: const int = 4
    extend.both: const string
    extend.left: const string
    extend.none: const string
    extend.right: const string
    format.inherit: const string
    format.mintick: const string
    format.percent: const string
    format.price: const string
    format.volume: const string
    hline.style_dashed: const hline_style
    hline.style_dotted: const hline_style
    hline.style_solid: const hline_style
    label.style_arrowdown: const string
    label.style_arrowup: const string
    label.style_circle: const string
    label.style_cross: const string
    label.style_diamond: const string
    label.style_flag: const string
    label.style_label_down: const string
    label.style_label_left: const string
    label.style_label_right: const string
    label.style_label_up: const string
    label.style_none: const string
    label.style_square: const string
    label.style_triangledown: const string
    label.style_triangleup: const string
    label.style_xcross: const string
    line.style_dashed: const string
    line.style_dotted: const string
    line.style_solid: const string
    location.abovebar: const string
    location.absolute: const string
    location.belowbar: const string
    location.bottom: const string
    location.top: const string
    plot.style_area: const plot_style
    plot.style_areabr: const plot_style
    plot.style_circles: const plot_style
    plot.style_columns: const plot_style
    plot.style_cross: const plot_style
    plot.style_histogram: const plot_style
    plot.style_line: const plot_style
    plot.style_linebr: const plot_style
    plot.style_stepline: const plot_style
    position.bottom_center: const string
    position.bottom_left: const string
    position.bottom_right: const string
    position.middle_center: const string
    position.middle_left: const string
    position.middle_right: const string
    position.top_center: const string
    position.top_left: const string
    position.top_right: const string
    scale.left: const scale_type
    scale.none: const scale_type
    scale.right: const scale_type
    session.extended: const string
    session.regular: const string
    shape.arrowdown: const string
    shape.arrowup: const string
    shape.circle: const string
    shape.cross: const string
    shape.diamond: const string
    shape.flag: const string
    shape.labeldown: const string
    shape.labelup: const string
    shape.square: const string
    shape.triangledown: const string
    shape.triangleup: const string
    shape.xcross: const string
    size.auto: const string
    size.huge: const string
    size.large: const string
    size.normal: const string
    size.small: const string
    size.tiny: const string
    text.align_bottom: const string
    text.align_center: const string
    text.align_left: const string
    text.align_right: const string
    text.align_top: const string
    xloc.bar_index: const string
    xloc.bar_time: const string
    yloc.abovebar: const string
    yloc.belowbar: const string
    yloc.price: const string
    currency.AED: const string
    currency.ARS: const string
    currency.AUD: const string
    currency.BDT: const string
    currency.BHD: const string
    currency.BRL: const string
    currency.BTC: const string
    currency.CAD: const string
    currency.CHF: const string
    currency.CLP: const string
    currency.CNY: const string
    currency.COP: const string
    currency.CZK: const string
    currency.DKK: const string
    currency.EGP: const string
    currency.ETH: const string
    currency.EUR: const string
    currency.GBP: const string
    currency.HKD: const string
    currency.HUF: const string
    currency.IDR: const string
    currency.ILS: const string
    currency.INR: const string
    currency.ISK: const string
    currency.JPY: const string
    currency.KES: const string
    currency.KRW: const string
    currency.KWD: const string
    currency.LKR: const string
    currency.MAD: const string
    currency.MXN: const string
    currency.MYR: const string
    currency.NGN: const string
    currency.NOK: const string
    currency.NONE: const string
    currency.NZD: const string
    currency.PEN: const string
    currency.PHP: const string
    currency.PKR: const string
    currency.PLN: const string
    currency.QAR: const string
    currency.RON: const string
    currency.RSD: const string
    currency.RUB: const string
    currency.SAR: const string
    currency.SEK: const string
    currency.SGD: const string
    currency.THB: const string
    currency.TND: const string
    currency.TRY: const string
    currency.TWD: const string
    currency.USD: const string
    currency.USDT: const string
    currency.VES: const string
    currency.VND: const string
    currency.ZAR: const string
    `,
  ),
  // v4 had plot's `display` argument with these two values only (v4 reference, `plot`).
  constants(
    { versions: '456' },
    `
    display.all: const plot_simple_display
    display.none: const plot_simple_display
    `,
  ),
  constants(
    { versions: '56' },
    `
    display.data_window: const plot_display
    display.pane: const plot_display
    display.price_scale: const plot_display
    display.status_line: const plot_display
    font.family_default: const string
    font.family_monospace: const string
    label.style_label_center: const string
    label.style_label_lower_left: const string
    label.style_label_lower_right: const string
    label.style_label_upper_left: const string
    label.style_label_upper_right: const string
    label.style_text_outline: const string
    line.style_arrow_both: const string
    line.style_arrow_left: const string
    line.style_arrow_right: const string
    plot.linestyle_dashed: const plot_line_style
    plot.linestyle_dotted: const plot_line_style
    plot.linestyle_solid: const plot_line_style
    plot.style_stepline_diamond: const plot_style
    plot.style_steplinebr: const plot_style
    text.format_bold: const text_format
    text.format_italic: const text_format
    text.format_none: const text_format
    text.wrap_auto: const string
    text.wrap_none: const string
    `,
  ),
];
