import { rtCall } from './misc.js';
import type { EmitterTable } from './types.js';

// `color.*` → `rt.color.*` (src/runtime/lib/color.ts): colors are numbers (RGB and transparency packed,
// NaN for na). The named colors (color.red …) are constants, emitted by codegen as `rt.color.colors.red`.

/** Emitters of the `color.*` functions. */
export const colorEmitters: EmitterTable = {
  'color.new': rtCall('color.withTransparency', ['color', 'transp']),
  'color.rgb': rtCall('color.rgb', ['red', 'green', 'blue', 'transp']),
  'color.r': rtCall('color.r', ['color']),
  'color.g': rtCall('color.g', ['color']),
  'color.b': rtCall('color.b', ['color']),
  'color.t': rtCall('color.t', ['color']),
  'color.from_gradient': rtCall('color.from_gradient', [
    'value',
    'bottom_value',
    'top_value',
    'bottom_color',
    'top_color',
  ]),
};
