import { functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Drawings: `line.*`, `label.*`, `box.*`, `table.*` (v4+), `linefill.*`, `polyline.*`, `chart.point.*` (v5+).
// Signatures from the v6 manual. Creating, changing and deleting drawings are side effects; getters and
// `chart.point.*` are not (-effect). `text_size` also accepts an int point size in v6; the catalogue types it
// as the `size.*` strings only. Styling parameters added in v5/v6 (force_overlay, text_formatting,
// text_font_family, text_wrap) are not restricted by version.
export const DRAWINGS: readonly CatalogueBlock[] = [
  functions(
    { versions: '456', sideEffect: true },
    `
    box.copy(id: series box): series box
    box.delete(id: series box): void
    box.get_bottom(id: series box): series float -effect
    box.get_left(id: series box): series int -effect
    box.get_right(id: series box): series int -effect
    box.get_top(id: series box): series float -effect
    box.new(top_left: chart.point, bottom_right: chart.point, border_color: series color = color.blue, border_width: series int = 1, border_style: series string = line.style_solid, extend: series string = extend.none, xloc: series string = xloc.bar_index, bgcolor: series color = color.blue, text: series string = "", text_size: series string = size.auto, text_color: series color = color.black, text_halign: series string = text.align_center, text_valign: series string = text.align_center, text_wrap: series string = text.wrap_none @56, text_font_family: series string = font.family_default @56, force_overlay: const bool = false @56, text_formatting: const text_format = text.format_none @56): series box @56
    box.new(left: series int, top: series float, right: series int, bottom: series float, border_color: series color = color.blue, border_width: series int = 1, border_style: series string = line.style_solid, extend: series string = extend.none, xloc: series string = xloc.bar_index, bgcolor: series color = color.blue, text: series string = "", text_size: series string = size.auto, text_color: series color = color.black, text_halign: series string = text.align_center, text_valign: series string = text.align_center, text_wrap: series string = text.wrap_none @56, text_font_family: series string = font.family_default @56, force_overlay: const bool = false @56, text_formatting: const text_format = text.format_none @56): series box
    box.set_bgcolor(id: series box, color: series color): void
    box.set_border_color(id: series box, color: series color): void
    box.set_border_style(id: series box, style: series string): void
    box.set_border_width(id: series box, width: series int): void
    box.set_bottom(id: series box, bottom: series float): void
    box.set_bottom_right_point(id: series box, point: chart.point): void @56
    box.set_extend(id: series box, extend: series string): void
    box.set_left(id: series box, left: series int): void
    box.set_lefttop(id: series box, left: series int, top: series float): void
    box.set_right(id: series box, right: series int): void
    box.set_rightbottom(id: series box, right: series int, bottom: series float): void
    box.set_text(id: series box, text: series string): void
    box.set_text_color(id: series box, text_color: series color): void
    box.set_text_font_family(id: series box, text_font_family: series string): void
    box.set_text_formatting(id: series box, text_formatting: const text_format = text.format_none @56): void
    box.set_text_halign(id: series box, text_halign: series string): void
    box.set_text_size(id: series box, text_size: series string): void
    box.set_text_valign(id: series box, text_valign: series string): void
    box.set_text_wrap(id: series box, text_wrap: series string): void
    box.set_top(id: series box, top: series float): void
    box.set_top_left_point(id: series box, point: chart.point): void @56
    box.set_xloc(id: series box, left: series int, right: series int, xloc: series string): void
    label.copy(id: series label): series label
    label.delete(id: series label): void
    label.get_text(id: series label): series string -effect
    label.get_x(id: series label): series int -effect
    label.get_y(id: series label): series float -effect
    label.new(point: chart.point, text: series string = "", xloc: series string = xloc.bar_index, yloc: series string = yloc.price, color?: series color, style: series string = label.style_label_down, textcolor?: series color, size: series string = size.normal, textalign: series string = text.align_center, tooltip?: series string, text_font_family: series string = font.family_default @56, force_overlay: const bool = false @56, text_formatting: const text_format = text.format_none @56): series label @56
    label.new(x: series int, y: series float, text: series string = "", xloc: series string = xloc.bar_index, yloc: series string = yloc.price, color?: series color, style: series string = label.style_label_down, textcolor?: series color, size: series string = size.normal, textalign: series string = text.align_center, tooltip?: series string, text_font_family: series string = font.family_default @56, force_overlay: const bool = false @56, text_formatting: const text_format = text.format_none @56): series label
    label.set_color(id: series label, color: series color): void
    label.set_point(id: series label, point: chart.point): void @56
    label.set_size(id: series label, size: series string = size.normal): void
    label.set_style(id: series label, style: series string): void
    label.set_text(id: series label, text: series string): void
    label.set_text_font_family(id: series label, text_font_family: series string): void
    label.set_text_formatting(id: series label, text_formatting: const text_format = text.format_none @56): void
    label.set_textalign(id: series label, textalign: series string): void
    label.set_textcolor(id: series label, textcolor: series color): void
    label.set_tooltip(id: series label, tooltip: series string): void
    label.set_x(id: series label, x: series int): void
    label.set_xloc(id: series label, x: series int, xloc: series string): void
    label.set_xy(id: series label, x: series int, y: series float): void
    label.set_y(id: series label, y: series float): void
    label.set_yloc(id: series label, yloc: series string): void
    line.copy(id: series line): series line
    line.delete(id: series line): void
    line.get_price(id: series line, x: series int): series float -effect
    line.get_x1(id: series line): series int -effect
    line.get_x2(id: series line): series int -effect
    line.get_y1(id: series line): series float -effect
    line.get_y2(id: series line): series float -effect
    line.new(first_point: chart.point, second_point: chart.point, xloc: series string = xloc.bar_index, extend: series string = extend.none, color?: series color, style?: series string, width?: series int, force_overlay: const bool = false @56): series line @56
    line.new(x1: series int, y1: series float, x2: series int, y2: series float, xloc: series string = xloc.bar_index, extend: series string = extend.none, color?: series color, style?: series string, width?: series int, force_overlay: const bool = false @56): series line
    line.set_color(id: series line, color: series color): void
    line.set_extend(id: series line, extend: series string): void
    line.set_first_point(id: series line, point: chart.point): void @56
    line.set_second_point(id: series line, point: chart.point): void @56
    line.set_style(id: series line, style: series string): void
    line.set_width(id: series line, width: series int): void
    line.set_x1(id: series line, x: series int): void
    line.set_x2(id: series line, x: series int): void
    line.set_xloc(id: series line, x1: series int, x2: series int, xloc: series string): void
    line.set_xy1(id: series line, x: series int, y: series float): void
    line.set_xy2(id: series line, x: series int, y: series float): void
    line.set_y1(id: series line, y: series float): void
    line.set_y2(id: series line, y: series float): void
    table.cell(table_id: series table, column: series int, row: series int, text: series string = "", width?: series float, height?: series float, text_color: series color = color.black, text_halign: series string = text.align_center, text_valign: series string = text.align_center, text_size: series string = size.normal, bgcolor?: series color, tooltip?: series string, text_font_family: series string = font.family_default @56, text_formatting: const text_format = text.format_none @56): void
    table.cell_set_bgcolor(table_id: series table, column: series int, row: series int, bgcolor: series color): void
    table.cell_set_height(table_id: series table, column: series int, row: series int, height: series float): void
    table.cell_set_text(table_id: series table, column: series int, row: series int, text: series string): void
    table.cell_set_text_color(table_id: series table, column: series int, row: series int, text_color: series color): void
    table.cell_set_text_font_family(table_id: series table, column: series int, row: series int, text_font_family: series string): void
    table.cell_set_text_formatting(table_id: series table, column: series int, row: series int, text_formatting: const text_format = text.format_none @56): void
    table.cell_set_text_halign(table_id: series table, column: series int, row: series int, text_halign: series string): void
    table.cell_set_text_size(table_id: series table, column: series int, row: series int, text_size: series string = size.normal): void
    table.cell_set_text_valign(table_id: series table, column: series int, row: series int, text_valign: series string): void
    table.cell_set_tooltip(table_id: series table, column: series int, row: series int, tooltip: series string): void
    table.cell_set_width(table_id: series table, column: series int, row: series int, width: series float): void
    table.clear(table_id: series table, start_column: series int, start_row: series int, end_column?: series int, end_row?: series int): void
    table.delete(table_id: series table): void
    table.merge_cells(table_id: series table, start_column: series int, start_row: series int, end_column: series int, end_row: series int): void
    table.new(position: series string, columns: series int, rows: series int, bgcolor?: series color, frame_color?: series color, frame_width: series int = 0, border_color?: series color, border_width: series int = 0, force_overlay: const bool = false @56): series table
    table.set_bgcolor(table_id: series table, bgcolor?: series color): void
    table.set_border_color(table_id: series table, border_color?: series color): void
    table.set_border_width(table_id: series table, border_width: series int = 0): void
    table.set_frame_color(table_id: series table, frame_color?: series color): void
    table.set_frame_width(table_id: series table, frame_width: series int = 0): void
    table.set_position(table_id: series table, position: series string): void
    `,
  ),
  functions(
    { versions: '56', sideEffect: true },
    `
    chart.point.copy(id: chart.point): chart.point -effect
    chart.point.from_index(index: series int, price: series float): chart.point -effect
    chart.point.from_time(time: series int, price: series float): chart.point -effect
    chart.point.new(time: series int, index: series int, price: series float): chart.point -effect
    chart.point.now(price: series float = close): chart.point -effect
    linefill.delete(id: series linefill): void
    linefill.get_line1(id: series linefill): series line -effect
    linefill.get_line2(id: series linefill): series line -effect
    linefill.new(line1: series line, line2: series line, color?: series color): series linefill
    linefill.set_color(id: series linefill, color: series color): void
    polyline.delete(id: series polyline): void
    polyline.new(points: array<chart.point>, curved: series bool = false, closed: series bool = false, xloc: series string = xloc.bar_index, line_color: series color = color.blue, fill_color: series color = na, line_style: series string = line.style_solid, line_width: series int = 1, force_overlay: const bool = false @56): series polyline
    `,
  ),
];
