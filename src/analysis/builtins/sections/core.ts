import { functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Global functions: na handling, type casts, date/time, plotting, alerts, logging.
// `na()`, `nz()` and `fixnan()` refuse bool arguments in v6 (v6 migration guide); the signatures use T and
// leave that version rule to the checker. `transp` parameters exist in v4 only (removed in v5). `offset` of the
// plot functions takes a series before v6 and a simple int in v6 (v6 migration guide).
export const CORE: readonly CatalogueBlock[] = [
  functions(
    { versions: '456' },
    `
    iff(condition: series bool, then: series T, _else: series T): series T @4
    na(x: series T): auto simple bool
    nz(source: series T, replacement?: series T): auto simple T
    int(x: series float): auto int
    float(x: series float): auto float
    bool(x: series float): auto bool
    bool(x: series bool): auto bool
    color(x: series color): auto color
    string(x: series string): auto string
    label(x: series label): series label
    line(x: series line): series line
    box(x: series box): series box
    table(x: series table): series table
    linefill(x: series linefill): series linefill @56
    year(time: series int, timezone: series string = syminfo.timezone @56): series int
    month(time: series int, timezone: series string = syminfo.timezone @56): series int
    weekofyear(time: series int, timezone: series string = syminfo.timezone @56): series int
    dayofmonth(time: series int, timezone: series string = syminfo.timezone @56): series int
    dayofweek(time: series int, timezone: series string = syminfo.timezone @56): series int
    hour(time: series int, timezone: series string = syminfo.timezone @56): series int
    minute(time: series int, timezone: series string = syminfo.timezone @56): series int
    second(time: series int, timezone: series string = syminfo.timezone @56): series int
    time(timeframe: series string, session?: series string, bars_back: series int = 0 @6): series int
    time(timeframe: series string, session: series string, timezone: series string, bars_back: series int = 0 @6): series int @56
    time_close(timeframe: series string, session?: series string, bars_back: series int = 0 @6): series int
    time_close(timeframe: series string, session: series string, timezone: series string, bars_back: series int = 0 @6): series int @56
    timestamp(dateString: series string): auto int
    timestamp(year: series int, month: series int, day: series int, hour: series int = 0, minute: series int = 0, second: series int = 0): auto simple int
    timestamp(timezone: series string, year: series int, month: series int, day: series int, hour: series int = 0, minute: series int = 0, second: series int = 0): auto simple int
    max_bars_back(var: series T, num: const int): void
    `,
  ),
  // fixnan keeps the last non-na value of its argument: state per call site.
  functions({ versions: '456', stateful: true }, `fixnan(source: series T): series T`),
  functions(
    { versions: '456', sideEffect: true },
    `
    plot(series: series float, title: const string = "", color?: series color, linewidth: input int = 1, style: input plot_style = plot.style_line, trackprice: input bool = false, transp: input int = 0 @4, histbase: input float = 0.0, offset: series int = 0 @45, offset: simple int = 0 @6, join: input bool = false, editable: input bool = true, show_last?: input int, display: input plot_display = display.all, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56, linestyle: input plot_line_style = plot.linestyle_solid @6): plot
    # series takes a bool or a number
    plotshape(series: series T, title: const string = "", style: input string = shape.xcross, location: input string = location.abovebar, color?: series color, transp: input int = 0 @4, offset: series int = 0 @45, offset: simple int = 0 @6, text: const string = "", textcolor?: series color, editable: input bool = true, size: const string = size.auto, show_last?: input int, display: input plot_display = display.all @56, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56): void
    plotchar(series: series T, title: const string = "", char: input string = "★", location: input string = location.abovebar, color?: series color, transp: input int = 0 @4, offset: series int = 0 @45, offset: simple int = 0 @6, text: const string = "", textcolor?: series color, editable: input bool = true, size: const string = size.auto, show_last?: input int, display: input plot_display = display.all @56, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56): void
    plotarrow(series: series float, title: const string = "", colorup?: series color, colordown?: series color, transp: input int = 0 @4, offset: series int = 0 @45, offset: simple int = 0 @6, minheight: input int = 5, maxheight: input int = 100, editable: input bool = true, show_last?: input int, display: input plot_display = display.all @56, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56): void
    plotbar(open: series float, high: series float, low: series float, close: series float, title: const string = "", color?: series color, editable: input bool = true, show_last?: input int, display: input plot_display = display.all @56, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56): void
    plotcandle(open: series float, high: series float, low: series float, close: series float, title: const string = "", color?: series color, wickcolor?: series color, editable: input bool = true, show_last?: input int, bordercolor?: series color, display: input plot_display = display.all @56, format?: input string @56, precision?: input int @56, force_overlay: const bool = false @56): void
    hline(price: input float, title: const string = "", color?: input color, linestyle: input hline_style = hline.style_solid, linewidth: input int = 1, editable: input bool = true, display: input plot_simple_display = display.all @56): hline
    fill(hline1: hline, hline2: hline, color?: series color, title: const string = "", editable: input bool = true, fillgaps: const bool = false, display: input plot_simple_display = display.all @56): void
    fill(plot1: plot, plot2: plot, color?: series color, title: const string = "", editable: input bool = true, show_last?: input int, fillgaps: const bool = false, display: input plot_simple_display = display.all @56): void
    fill(plot1: plot, plot2: plot, top_value: series float, bottom_value: series float, top_color: series color, bottom_color: series color, title: const string = "", display: input plot_simple_display = display.all, fillgaps: const bool = false, editable: input bool = true): void @56
    bgcolor(color: series color, transp: input int = 90 @4, offset: series int = 0 @45, offset: simple int = 0 @6, editable: input bool = true, show_last?: input int, title: const string = "", display: input plot_simple_display = display.all @56, force_overlay: const bool = false @56): void
    barcolor(color: series color, offset: series int = 0 @45, offset: simple int = 0 @6, editable: input bool = true, show_last?: input int, title: const string = "", display: input plot_simple_display = display.all @56): void
    alert(message: series string, freq: input string = alert.freq_once_per_bar): void
    alertcondition(condition: series bool, title: const string = "", message: const string = ""): void
    `,
  ),
  functions(
    { versions: '56', sideEffect: true },
    `
    log.info(formatString: series string, ...arg: series T): void
    log.warning(formatString: series string, ...arg: series T): void
    log.error(formatString: series string, ...arg: series T): void
    runtime.error(message: series string): void
    `,
  ),
];
