import {
  argList,
  argType,
  group,
  methodCall,
  naLiteral,
  primitiveName,
  required,
  restValues,
  resultElement,
  rtCall,
  stringLiteralValue,
  typeArgs,
} from './misc.js';
import type { PineType } from '../../analysis/types/index.js';
import type { BuiltinEmitContext, BuiltinEmitter, EmitterTable } from './types.js';

// `array.*`, `map.*`, `matrix.*` → `rt.PineArray` / `rt.PineMap` / `rt.PineMatrix` (src/runtime/lib).
// Mutators and accessors are methods with Pine's names (`a.push(v)`); statistics and matrix algebra
// are functions (`rt.arraySum(a)`, `rt.matrixMult(a, b)`). A method call such as `arr.push(x)`
// arrives as `array.push` with the receiver as its first argument (`id` / `id1`).

/** `id.<method>(params…)` where `receiverParam` names the receiver. */
function method(name: string, params: readonly string[] = [], receiverParam = 'id'): BuiltinEmitter {
  return (c) =>
    methodCall(
      required(c, receiverParam),
      name,
      params.map((p) => c.arg(p)),
    );
}

/**
 * An `order.*` argument as the runtime's `SortOrder`: codegen writes the constants as their names
 * (`"order.descending"`); a non-literal order (an input) is mapped when the call runs.
 */
function sortOrder(order: string | undefined): string | undefined {
  if (order === undefined) return undefined;
  const literal = stringLiteralValue(order);
  if (literal === 'order.ascending' || literal === 'order.descending') return `'${literal.slice(6)}'`;
  return `(${group(order)} === 'order.descending' ? 'descending' : 'ascending')`;
}

/** `id.<method>(…, order)` where the last argument is an `order.*` value. */
function sortMethod(name: string): BuiltinEmitter {
  return (c) => methodCall(required(c, 'id'), name, [sortOrder(c.arg('order'))]);
}

/**
 * The initial value of a new array or matrix: the element type's na when left out or written `na`
 * (the literal arrives as `NaN`, which is only the na of numbers).
 */
function initialValue(c: BuiltinEmitContext, element: PineType | undefined): string {
  const given = c.arg('initial_value');
  const isNaLiteral = given === undefined || argType(c, 'initial_value')?.kind === 'na';
  return isNaLiteral ? naLiteral(element) : given;
}

/** `array.new<T>`, `array.new_float` …: float elements are flagged so they print as Java doubles. */
const newArray: BuiltinEmitter = (c) => {
  const element = resultElement(c.resultType);
  const initial = initialValue(c, element);
  const floats = primitiveName(element) === 'float' ? ', true' : '';
  return `${c.rt}.PineArray.create${typeArgs([element], c.rt)}(${c.argOr('size', '0')}, ${initial}${floats})`;
};

/** `array.from(a, b, …)`: `fromFloats` for float elements. */
const fromItems: BuiltinEmitter = (c) => {
  const element = resultElement(c.resultType);
  const items = [required(c, 'arg0'), ...restValues(c, 'arg')].join(', ');
  if (primitiveName(element) === 'float') return `${c.rt}.PineArray.fromFloats(${items})`;
  return `${c.rt}.PineArray.from${typeArgs([element], c.rt)}(${items})`;
};

/** `map.new<K, V>()`: a missing key reads as V's na. */
const newMap: BuiltinEmitter = (c) => {
  const t = c.resultType.type;
  if (t.kind !== 'map') return `new ${c.rt}.PineMap(null)`;
  return `new ${c.rt}.PineMap${typeArgs([t.key, t.value], c.rt)}(${naLiteral(t.value)})`;
};

/** `matrix.new<T>(rows, columns, initial_value)`. */
const newMatrix: BuiltinEmitter = (c) => {
  const element = resultElement(c.resultType);
  const initial = initialValue(c, element);
  return `${c.rt}.PineMatrix.create${typeArgs([element], c.rt)}(${argList([
    c.argOr('rows', '0'),
    c.argOr('columns', '0'),
    initial,
  ])})`;
};

/** Emitters of `array.*`. */
const arrayEmitters: EmitterTable = {
  'array.new': newArray,
  'array.new_bool': newArray,
  'array.new_box': newArray,
  'array.new_color': newArray,
  'array.new_float': newArray,
  'array.new_int': newArray,
  'array.new_label': newArray,
  'array.new_line': newArray,
  'array.new_linefill': newArray,
  'array.new_string': newArray,
  'array.new_table': newArray,
  'array.from': fromItems,
  'array.get': method('get', ['index']),
  'array.set': method('set', ['index', 'value']),
  'array.first': method('first'),
  'array.last': method('last'),
  'array.push': method('push', ['value']),
  'array.pop': method('pop'),
  'array.shift': method('shift'),
  'array.unshift': method('unshift', ['value']),
  'array.insert': method('insert', ['index', 'value']),
  'array.remove': method('remove', ['index']),
  'array.clear': method('clear'),
  'array.size': method('size'),
  'array.fill': method('fill', ['value', 'index_from', 'index_to']),
  'array.copy': method('copy'),
  'array.slice': method('slice', ['index_from', 'index_to']),
  'array.concat': method('concat', ['id2'], 'id1'),
  'array.reverse': method('reverse'),
  'array.includes': method('includes', ['value']),
  'array.indexof': method('indexof', ['value']),
  'array.lastindexof': method('lastindexof', ['value']),
  'array.join': method('join', ['separator']),
  'array.every': method('every'),
  'array.some': method('some'),
  'array.sort': sortMethod('sort'),
  'array.sort_indices': sortMethod('sort_indices'),
  'array.binary_search': method('binary_search', ['val']),
  'array.binary_search_leftmost': method('binary_search_leftmost', ['val']),
  'array.binary_search_rightmost': method('binary_search_rightmost', ['val']),
  'array.sum': rtCall('arraySum', ['id']),
  'array.avg': rtCall('arrayAvg', ['id']),
  'array.min': rtCall('arrayMin', ['id', 'nth']),
  'array.max': rtCall('arrayMax', ['id', 'nth']),
  'array.range': rtCall('arrayRange', ['id']),
  'array.median': rtCall('arrayMedian', ['id']),
  'array.mode': rtCall('arrayMode', ['id']),
  'array.stdev': rtCall('arrayStdev', ['id', 'biased']),
  'array.variance': rtCall('arrayVariance', ['id', 'biased']),
  'array.covariance': rtCall('arrayCovariance', ['id1', 'id2', 'biased']),
  'array.standardize': rtCall('arrayStandardize', ['id']),
  'array.abs': rtCall('arrayAbs', ['id']),
  'array.percentile_linear_interpolation': rtCall('arrayPercentileLinear', ['id', 'percentage']),
  'array.percentile_nearest_rank': rtCall('arrayPercentileNearestRank', ['id', 'percentage']),
  'array.percentrank': rtCall('arrayPercentrank', ['id', 'index']),
};

/** Emitters of `map.*`. */
const mapEmitters: EmitterTable = {
  'map.new': newMap,
  'map.put': method('put', ['key', 'value']),
  'map.get': method('get', ['key']),
  'map.contains': method('contains', ['key']),
  'map.remove': method('remove', ['key']),
  'map.keys': method('keys'),
  'map.values': method('values'),
  'map.size': method('size'),
  'map.clear': method('clear'),
  'map.copy': method('copy'),
  'map.put_all': method('put_all', ['id2']),
};

/** Emitters of `matrix.*`. */
const matrixEmitters: EmitterTable = {
  'matrix.new': newMatrix,
  'matrix.get': method('get', ['row', 'column']),
  'matrix.set': method('set', ['row', 'column', 'value']),
  'matrix.rows': method('rows'),
  'matrix.columns': method('columns'),
  'matrix.elements_count': method('elements_count'),
  'matrix.row': method('row', ['row']),
  'matrix.col': method('col', ['column']),
  'matrix.add_row': method('add_row', ['row', 'array_id']),
  'matrix.add_col': method('add_col', ['column', 'array_id']),
  'matrix.remove_row': method('remove_row', ['row']),
  'matrix.remove_col': method('remove_col', ['column']),
  'matrix.copy': method('copy'),
  'matrix.fill': method('fill', ['value', 'from_row', 'to_row', 'from_column', 'to_column']),
  'matrix.transpose': method('transpose'),
  'matrix.reshape': method('reshape', ['rows', 'columns']),
  'matrix.reverse': method('reverse'),
  'matrix.swap_rows': method('swap_rows', ['row1', 'row2']),
  'matrix.swap_columns': method('swap_columns', ['column1', 'column2']),
  'matrix.submatrix': method('submatrix', ['from_row', 'to_row', 'from_column', 'to_column']),
  'matrix.concat': method('concat', ['id2'], 'id1'),
  'matrix.is_square': method('is_square'),
  'matrix.sum': rtCall('matrixSum', ['id1', 'id2']),
  'matrix.diff': rtCall('matrixDiff', ['id1', 'id2']),
  'matrix.mult': rtCall('matrixMult', ['id1', 'id2']),
  'matrix.kron': rtCall('matrixKron', ['id1', 'id2']),
  'matrix.det': rtCall('matrixDet', ['id']),
  'matrix.inv': rtCall('matrixInv', ['id']),
  'matrix.pinv': rtCall('matrixPinv', ['id']),
  'matrix.trace': rtCall('matrixTrace', ['id']),
  'matrix.rank': rtCall('matrixRank', ['id']),
  'matrix.pow': rtCall('matrixPow', ['id', 'power']),
  'matrix.avg': rtCall('matrixAvg', ['id']),
  'matrix.max': rtCall('matrixMax', ['id']),
  'matrix.min': rtCall('matrixMin', ['id']),
  'matrix.median': rtCall('matrixMedian', ['id']),
  'matrix.mode': rtCall('matrixMode', ['id']),
  'matrix.sort': (c) =>
    `${c.rt}.matrixSort(${argList([required(c, 'id'), c.arg('column'), sortOrder(c.arg('order'))])})`,
  'matrix.eigenvalues': rtCall('matrixEigenvalues', ['id']),
  'matrix.eigenvectors': (c) =>
    c.unsupported('matrix.eigenvectors() is not implemented in the runtime yet', 'use matrix.eigenvalues()'),
  'matrix.is_antidiagonal': rtCall('matrixIsAntidiagonal', ['id']),
  'matrix.is_antisymmetric': rtCall('matrixIsAntisymmetric', ['id']),
  'matrix.is_binary': rtCall('matrixIsBinary', ['id']),
  'matrix.is_diagonal': rtCall('matrixIsDiagonal', ['id']),
  'matrix.is_identity': rtCall('matrixIsIdentity', ['id']),
  'matrix.is_stochastic': rtCall('matrixIsStochastic', ['id']),
  'matrix.is_symmetric': rtCall('matrixIsSymmetric', ['id']),
  'matrix.is_triangular': rtCall('matrixIsTriangular', ['id']),
  'matrix.is_zero': rtCall('matrixIsZero', ['id']),
};

/** Emitters of the collection functions (`array.*`, `map.*`, `matrix.*`). */
export const collectionEmitters: EmitterTable = { ...arrayEmitters, ...mapEmitters, ...matrixEmitters };
