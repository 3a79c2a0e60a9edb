import { constants, functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// Inputs. Signatures from the v6 manual. The `display` parameter arrived during v5 and `active` in v6
// (marked @56 and @6). v4 had one `input()` with a `type` argument (`input.integer` …, see V4_INPUT_TYPES);
// its v4 overloads are typed generically (UNVERIFIED detail: v4 minval/maxval/step are written as float).
export const INPUT: readonly CatalogueBlock[] = [
  functions(
    { versions: '56', input: true },
    `
    input.int(defval: const int, title?: const string, minval?: const int, maxval?: const int, step: const int = 1, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input int
    input.int(defval: const int, title?: const string, options: const list<int>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input int
    input.float(defval: const float, title?: const string, minval?: const float, maxval?: const float, step?: const float, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input float
    input.float(defval: const float, title?: const string, options: const list<float>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input float
    input.bool(defval: const bool, title?: const string, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.none, active: input bool = true @6): input bool
    input.color(defval: const color, title?: const string, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.none, active: input bool = true @6): input color
    input.string(defval: const string, title?: const string, options?: const list<string>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input string
    input.source(defval: series float, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6, confirm: const bool = false): series float
    input.timeframe(defval: const string, title?: const string, options?: const list<string>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input string
    input.session(defval: const string, title?: const string, options?: const list<string>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input string
    input.symbol(defval: const string, title?: const string, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input string
    input.price(defval: const float, title?: const string, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input float
    input.time(defval: const int, title?: const string, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.none, active: input bool = true @6): input int
    input.text_area(defval: const string, title?: const string, tooltip?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.none, active: input bool = true @6): input string
    input.enum(defval: const E, title?: const string, options?: const list<E>, tooltip?: const string, inline?: const string, group?: const string, confirm: const bool = false, display: const plot_display = display.all, active: input bool = true @6): input E
    `,
  ),
  functions(
    { versions: '456', input: true },
    `
    input(defval: const int, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6): input int @56
    input(defval: const float, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6): input float @56
    input(defval: const bool, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6): input bool @56
    input(defval: const color, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6): input color @56
    input(defval: const string, title?: const string, tooltip?: const string, inline?: const string, group?: const string, display: const plot_display = display.all, active: input bool = true @6): input string @56
    input(defval: series float, title?: const string, inline?: const string, group?: const string, tooltip?: const string, display: const plot_display = display.all, active: input bool = true @6): series float @56
    input(defval: const T, title: const string = "", type?: const string, minval?: const float, maxval?: const float, confirm: const bool = false, step?: const float, options?: const list<T>, tooltip?: const string, inline?: const string, group?: const string): input T @4
    input(defval: series float, title: const string = "", type?: const string, minval?: const float, maxval?: const float, confirm: const bool = false, step?: const float, options?: const list<T>, tooltip?: const string, inline?: const string, group?: const string): series float @4
    `,
  ),
  constants(
    { versions: '4' },
    `
    input.bool: const string
    input.color: const string
    input.float: const string
    input.integer: const string
    input.resolution: const string
    input.session: const string
    input.source: const string
    input.string: const string
    input.symbol: const string
    input.time: const string
    `,
  ),
];
