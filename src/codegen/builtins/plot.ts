import type { DrawingKind } from '../../runtime/index.js';
import { argType, group, primitiveName, required, restValues, stringLiteralValue } from './misc.js';
import type { BuiltinEmitContext, BuiltinEmitter, EmitterTable } from './types.js';

// Plots, drawings, alerts and logs. None of them can fail a run: plots record numbers
// (`ctx.plots`), drawings are counted (`ctx.drawings`), alerts and logs are events (`ctx.events`).
// Calls that leave no trace in a backtest are `void 0` and do not evaluate their arguments.

/** The expression of a call that does nothing in a backtest. */
const NOTHING = 'void 0';
const nothing: BuiltinEmitter = () => NOTHING;

/**
 * The plot title as text: the literal's value, else `fallback` (TradingView exports an untitled
 * `plot` as a column named `Plot`, see ../shared/docs/TV-EXPORTS.md §1.5). A title that is not a
 * literal (a const variable) also gets the fallback: the title must be known when the plot is declared.
 */
function plotTitle(c: BuiltinEmitContext, fallback: string): string {
  return stringLiteralValue(c.arg('title')) ?? fallback;
}

/** A plotted value as a number: bools become 1/0. */
function plotted(c: BuiltinEmitContext, param: string): string {
  const value = required(c, param);
  return primitiveName(argType(c, param)) === 'bool' ? `(${group(value)} ? 1 : 0)` : value;
}

/**
 * `plot(series, title, …)` and the shape plots: the value recorded under the title on each bar the
 * call runs. Colors, styles and `offset` do not change the recorded value.
 */
function recordPlot(fallbackTitle: string): BuiltinEmitter {
  return (c) =>
    `${c.ctx}.plots.record(${c.declarePlot(plotTitle(c, fallbackTitle))}, ${plotted(c, 'series')})`;
}

/** `<kind>.new(…)` / `<kind>.copy(id)`: a fresh drawing id. */
const create =
  (kind: DrawingKind): BuiltinEmitter =>
  (c) =>
    `${c.ctx}.drawings.create('${kind}')`;

/** `<kind>.delete(id)`. */
const remove =
  (kind: DrawingKind, idParam = 'id'): BuiltinEmitter =>
  (c) =>
    `${c.ctx}.drawings.remove('${kind}', ${required(c, idParam)})`;

/** Setters and cell edits: counted, never applied. */
const update: BuiltinEmitter = (c) => `${c.ctx}.drawings.update()`;

/** Getters: nothing is stored, so they read na of their type. */
const getter =
  (na: string): BuiltinEmitter =>
  () =>
    na;

/** `name → emitter` for every name of a whitespace-separated list. */
function each(names: string, emitter: BuiltinEmitter): EmitterTable {
  return Object.fromEntries(
    names
      .trim()
      .split(/\s+/)
      .map((n) => [n, emitter]),
  );
}

/** `chart.point` objects: plain records (parenthesised: never read as a block), so `p.price` works. */
const chartPoint = (time: string, index: string, price: string): string =>
  `({ time: ${time}, index: ${index}, price: ${price} })`;

const chartPointEmitters: EmitterTable = {
  'chart.point.new': (c) => chartPoint(required(c, 'time'), required(c, 'index'), required(c, 'price')),
  'chart.point.from_index': (c) => chartPoint('NaN', required(c, 'index'), required(c, 'price')),
  'chart.point.from_time': (c) => chartPoint(required(c, 'time'), 'NaN', required(c, 'price')),
  'chart.point.now': (c) =>
    chartPoint(`${c.ctx}.time`, `${c.ctx}.bar_index`, c.argOr('price', `${c.ctx}.close`)),
  'chart.point.copy': (c) => `({ ...${group(required(c, 'id'))} })`,
};

const SETTERS = `
  box.set_bgcolor box.set_border_color box.set_border_style box.set_border_width box.set_bottom
  box.set_bottom_right_point box.set_extend box.set_left box.set_lefttop box.set_right box.set_rightbottom
  box.set_text box.set_text_color box.set_text_font_family box.set_text_formatting box.set_text_halign
  box.set_text_size box.set_text_valign box.set_text_wrap box.set_top box.set_top_left_point box.set_xloc
  label.set_color label.set_point label.set_size label.set_style label.set_text label.set_text_font_family
  label.set_text_formatting label.set_textalign label.set_textcolor label.set_tooltip label.set_x label.set_xloc
  label.set_xy label.set_y label.set_yloc
  line.set_color line.set_extend line.set_first_point line.set_second_point line.set_style line.set_width
  line.set_x1 line.set_x2 line.set_xloc line.set_xy1 line.set_xy2 line.set_y1 line.set_y2
  linefill.set_color
  table.cell table.cell_set_bgcolor table.cell_set_height table.cell_set_text table.cell_set_text_color
  table.cell_set_text_font_family table.cell_set_text_formatting table.cell_set_text_halign
  table.cell_set_text_size table.cell_set_text_valign table.cell_set_tooltip table.cell_set_width table.clear
  table.merge_cells table.set_bgcolor table.set_border_color table.set_border_width table.set_frame_color
  table.set_frame_width table.set_position`;

const NUMBER_GETTERS = `
  box.get_bottom box.get_left box.get_right box.get_top label.get_x label.get_y
  line.get_price line.get_x1 line.get_x2 line.get_y1 line.get_y2`;

const drawingEmitters: EmitterTable = {
  ...each(SETTERS, update),
  ...each(NUMBER_GETTERS, getter('NaN')),
  'label.get_text': getter("''"),
  'linefill.get_line1': getter('null'),
  'linefill.get_line2': getter('null'),
  'box.new': create('box'),
  'box.copy': create('box'),
  'box.delete': remove('box'),
  'label.new': create('label'),
  'label.copy': create('label'),
  'label.delete': remove('label'),
  'line.new': create('line'),
  'line.copy': create('line'),
  'line.delete': remove('line'),
  'linefill.new': create('linefill'),
  'linefill.delete': remove('linefill'),
  'polyline.new': create('polyline'),
  'polyline.delete': remove('polyline'),
  'table.new': create('table'),
  'table.delete': remove('table', 'table_id'),
  ...chartPointEmitters,
};

/** `log.<level>(format, args…)`: formatted like `str.format`, recorded as an event. */
const log =
  (level: 'info' | 'warning' | 'error'): BuiltinEmitter =>
  (c) =>
    `${c.ctx}.events.log('${level}', ${c.rt}.str.strFormat(${required(c, 'formatString')}, [${restValues(c, 'arg').join(', ')}], ${c.ctx}.exchangeZone))`;

/** Emitters of plots, drawings, alerts and logs. */
export const plotEmitters: EmitterTable = {
  plot: recordPlot('Plot'),
  // Default titles of the shape plots are not verified against an export.
  plotshape: recordPlot('Shapes'),
  plotchar: recordPlot('Char'),
  plotarrow: recordPlot('Arrow'),
  plotbar: nothing,
  plotcandle: nothing,
  hline: nothing,
  fill: nothing,
  bgcolor: nothing,
  barcolor: nothing,
  alert: (c) => `${c.ctx}.events.alert(${required(c, 'message')})`,
  alertcondition: (c) =>
    `${c.ctx}.events.alertcondition(${required(c, 'condition')}, ${c.argOr('title', "''")}, ${c.argOr('message', "''")})`,
  'log.info': log('info'),
  'log.warning': log('warning'),
  'log.error': log('error'),
  ...drawingEmitters,
};
