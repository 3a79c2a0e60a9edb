import { argList, required, restValues, rtCall } from './misc.js';
import type { BuiltinEmitter, EmitterTable } from './types.js';

// `math.*` → `rt.math.*` (src/runtime/lib/math.ts). The constants (math.pi …) are values, not calls:
// codegen emits them as variables.

/** `math.<name>(x)` with one argument called `param`. */
const unary = (name: string, param: string): BuiltinEmitter => rtCall(`math.${name}`, [param]);

/**
 * `math.max`/`math.min`: nested `max2`/`min2` for any count, which keeps the rest array off the hot
 * path and has the same na rule (any na operand gives na).
 */
function extreme(pair: 'max2' | 'min2'): BuiltinEmitter {
  return (c) => {
    const values = [required(c, 'number0'), required(c, 'number1'), ...restValues(c, 'number')];
    return values.slice(1).reduce((acc, v) => `${c.rt}.math.${pair}(${acc}, ${v})`, values[0]);
  };
}

/** `math.avg(a, b, …)`: the runtime's variadic average (a compensated sum from three terms on). */
const avg: BuiltinEmitter = (c) => {
  const values = [required(c, 'number0'), required(c, 'number1'), ...restValues(c, 'number')];
  return `${c.rt}.math.avg(${values.join(', ')})`;
};

/** `math.random(min, max, seed)`: one java.util.Random generator per call site. */
const random: BuiltinEmitter = (c) => {
  const site = c.state('rand', `${c.rt}.PineRandom`, `new ${c.rt}.PineRandom()`);
  return `${site}.next(${argList([c.arg('min'), c.arg('max'), c.arg('seed')])})`;
};

/** `math.sum(source, length)`: one rolling sum per call site. */
const sum: BuiltinEmitter = (c) => {
  const site = c.state('sum', `${c.rt}.MathSum`, `new ${c.rt}.MathSum()`);
  return `${site}.update(${required(c, 'source')}, ${required(c, 'length')})`;
};

/** Emitters of the `math.*` functions. */
export const mathEmitters: EmitterTable = {
  'math.abs': unary('abs', 'number'),
  'math.acos': unary('acos', 'angle'),
  'math.asin': unary('asin', 'angle'),
  'math.atan': unary('atan', 'angle'),
  'math.ceil': unary('ceil', 'number'),
  'math.cos': unary('cos', 'angle'),
  'math.exp': unary('exp', 'number'),
  'math.floor': unary('floor', 'number'),
  'math.log': unary('log', 'number'),
  'math.log10': unary('log10', 'number'),
  'math.sign': unary('sign', 'number'),
  'math.sin': unary('sin', 'angle'),
  'math.sqrt': unary('sqrt', 'number'),
  'math.tan': unary('tan', 'angle'),
  'math.todegrees': unary('todegrees', 'radians'),
  'math.toradians': unary('toradians', 'degrees'),
  'math.max': extreme('max2'),
  'math.min': extreme('min2'),
  'math.avg': avg,
  'math.pow': rtCall('math.pow', ['base', 'exponent']),
  'math.round': rtCall('math.round', ['number', 'precision']),
  'math.round_to_mintick': (c) => `${c.rt}.math.round_to_mintick(${required(c, 'number')}, ${c.ctx}.syminfo)`,
  'math.random': random,
  'math.sum': sum,
};
