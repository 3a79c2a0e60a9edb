import { constants, functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `math.*`. The manual lists one overload per qualifier (const → const … series → series); `auto` says the
// same in one line. Version 4 means "in v4 under its v4 name" (`abs`, `max`, see v4-names.ts). Int-preserving functions (abs, max, min) have an int and a float overload.
export const MATH: readonly CatalogueBlock[] = [
  functions(
    { versions: '456' },
    `
    math.abs(number: series int): auto int
    math.abs(number: series float): auto float
    math.acos(angle: series float): auto float
    math.asin(angle: series float): auto float
    math.atan(angle: series float): auto float
    math.avg(number0: series float, number1: series float, ...number: series float): auto simple float
    math.ceil(number: series float): auto int
    math.cos(angle: series float): auto float
    math.exp(number: series float): auto float
    math.floor(number: series float): auto int
    math.log(number: series float): auto float
    math.log10(number: series float): auto float
    math.max(number0: series int, number1: series int, ...number: series int): auto int
    math.max(number0: series float, number1: series float, ...number: series float): auto float
    math.min(number0: series int, number1: series int, ...number: series int): auto int
    math.min(number0: series float, number1: series float, ...number: series float): auto float
    math.pow(base: series float, exponent: series float): auto float
    math.random(min: series float = 0, max: series float = 1, seed?: series int): series float
    math.round(number: series float): auto int
    math.round(number: series float, precision: series int): auto float
    math.round_to_mintick(number: series float): auto simple float
    math.sign(number: series float): auto float
    math.sin(angle: series float): auto float
    math.sqrt(number: series float): auto float
    math.tan(angle: series float): auto float
    math.todegrees(radians: series float): series float
    math.toradians(degrees: series float): series float
    `,
  ),
  // A rolling sum over the last `length` values: it keeps history per call site.
  functions(
    { versions: '56', stateful: true },
    `math.sum(source: series float, length: series int): series float`,
  ),
  constants(
    { versions: '56' },
    `
    math.e: const float = 2.718281828459045
    math.phi: const float = 1.618033988749895
    math.pi: const float = 3.141592653589793
    math.rphi: const float = 0.6180339887498949
    `,
  ),
];
