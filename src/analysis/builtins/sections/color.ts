import { constants, functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `color.*` functions and the 17 named colors. Values are the v6 palette from the v6 manual (v6 changed some
// defaults; v4/v5 values of a few constants differed — UNVERIFIED which, so one value for all versions).
export const COLOR: readonly CatalogueBlock[] = [
  functions(
    { versions: '456' },
    `
    color.new(color: series color, transp: series float): auto color
    `,
  ),
  functions(
    { versions: '56' },
    `
    color.b(color: series color): auto float
    color.from_gradient(value: series float, bottom_value: series float, top_value: series float, bottom_color: series color, top_color: series color): series color
    color.g(color: series color): auto float
    color.r(color: series color): auto float
    color.rgb(red: series float, green: series float, blue: series float, transp: series float = 0): auto color
    color.t(color: series color): auto float
    `,
  ),
  constants(
    { versions: '456' },
    `
    color.aqua: const color = #00BCD4
    color.black: const color = #363A45
    color.blue: const color = #2962FF
    color.fuchsia: const color = #E040FB
    color.gray: const color = #787B86
    color.green: const color = #4CAF50
    color.lime: const color = #00E676
    color.maroon: const color = #880E4F
    color.navy: const color = #311B92
    color.olive: const color = #808000
    color.orange: const color = #FF9800
    color.purple: const color = #9C27B0
    color.red: const color = #F23645
    color.silver: const color = #B2B5BE
    color.teal: const color = #089981
    color.white: const color = #FFFFFF
    color.yellow: const color = #FFEB3B
    `,
  ),
];
