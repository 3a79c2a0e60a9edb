import { constants, functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `array.*`, `map.*`, `matrix.*` (every function whose first parameter is the collection is also a method).
// The manual writes numeric functions as taking `array<int/float>` with one overload per element type and
// the result following it; `N` (int or float) says that. Arrays exist since v4; maps and matrices since v5.
export const COLLECTIONS: readonly CatalogueBlock[] = [
  functions(
    { versions: '456' },
    `
    array.new<T>(size: series int = 0, initial_value: series T = na): array<T> @56
    array.new_bool(size: series int = 0, initial_value: series bool = false): array<bool>
    array.new_box(size: series int = 0, initial_value: series box = na): array<box>
    array.new_color(size: series int = 0, initial_value: series color = na): array<color>
    array.new_float(size: series int = 0, initial_value: series float = na): array<float>
    array.new_int(size: series int = 0, initial_value: series int = na): array<int>
    array.new_label(size: series int = 0, initial_value: series label = na): array<label>
    array.new_line(size: series int = 0, initial_value: series line = na): array<line>
    array.new_linefill(size: series int = 0, initial_value: series linefill = na): array<linefill> @56
    array.new_string(size: series int = 0, initial_value: series string = na): array<string>
    array.new_table(size: series int = 0, initial_value: series table = na): array<table>
    array.from(arg0: series T, ...arg: series T): array<T>
    array.abs(id: array<N>): array<N>
    array.avg(id: array<N>): series N
    array.binary_search(id: array<N>, val: series N): series int
    array.binary_search_leftmost(id: array<N>, val: series N): series int
    array.binary_search_rightmost(id: array<N>, val: series N): series int
    array.clear(id: array<T>): void
    array.concat(id1: array<T>, id2: array<T>): array<T>
    array.copy(id: array<T>): array<T>
    array.covariance(id1: array<N>, id2: array<N>, biased: series bool = true): series float
    array.every(id: array<bool>): series bool @56
    array.fill(id: array<T>, value: series T, index_from: series int = 0, index_to: series int = na): void
    array.first(id: array<T>): series T @56
    array.get(id: array<T>, index: series int): series T
    array.includes(id: array<T>, value: series T): series bool
    array.indexof(id: array<T>, value: series T): series int
    array.insert(id: array<T>, index: series int, value: series T): void
    array.join(id: array<T>, separator: series string = ""): series string
    array.last(id: array<T>): series T @56
    array.lastindexof(id: array<T>, value: series T): series int
    array.max(id: array<N>, nth: series int = 0): series N
    array.median(id: array<N>): series N
    array.min(id: array<N>, nth: series int = 0): series N
    array.mode(id: array<N>): series N
    array.percentile_linear_interpolation(id: array<N>, percentage: series float): series N
    array.percentile_nearest_rank(id: array<N>, percentage: series float): series N
    array.percentrank(id: array<N>, index: series int): series N
    array.pop(id: array<T>): series T
    array.push(id: array<T>, value: series T): void
    array.range(id: array<N>): series N
    array.remove(id: array<T>, index: series int): series T
    array.reverse(id: array<T>): void
    array.set(id: array<T>, index: series int, value: series T): void
    array.shift(id: array<T>): series T
    array.size(id: array<T>): series int
    array.slice(id: array<T>, index_from: series int, index_to: series int): array<T>
    array.some(id: array<bool>): series bool @56
    array.sort(id: array<T>, order: series sort_order = order.ascending): void
    array.sort_indices(id: array<T>, order: series sort_order = order.ascending): array<int>
    array.standardize(id: array<N>): array<N>
    array.stdev(id: array<N>, biased: series bool = true): series N
    array.sum(id: array<N>): series N
    array.unshift(id: array<T>, value: series T): void
    array.variance(id: array<N>, biased: series bool = true): series N
    `,
  ),
  functions(
    { versions: '56' },
    `
    map.new<K, V>(): map<K, V>
    map.clear(id: map<K, V>): void
    map.contains(id: map<K, V>, key: series K): series bool
    map.copy(id: map<K, V>): map<K, V>
    map.get(id: map<K, V>, key: series K): series V
    map.keys(id: map<K, V>): array<K>
    map.put(id: map<K, V>, key: series K, value: series V): series V
    map.put_all(id: map<K, V>, id2: map<K, V>): void
    map.remove(id: map<K, V>, key: series K): series V
    map.size(id: map<K, V>): series int
    map.values(id: map<K, V>): array<V>
    matrix.new<T>(rows: series int = 0, columns: series int = 0, initial_value: series T = na): matrix<T>
    matrix.add_col(id: matrix<T>, column?: series int, array_id?: array<T>): void
    matrix.add_row(id: matrix<T>, row?: series int, array_id?: array<T>): void
    matrix.avg(id: matrix<N>): series N
    matrix.col(id: matrix<T>, column: series int): array<T>
    matrix.columns(id: matrix<T>): series int
    matrix.concat(id1: matrix<T>, id2: matrix<T>): matrix<T>
    matrix.copy(id: matrix<T>): matrix<T>
    matrix.det(id: matrix<N>): series N
    matrix.diff(id1: matrix<N>, id2: matrix<N>): matrix<N>
    matrix.diff(id1: matrix<N>, id2: series N): matrix<N>
    matrix.eigenvalues(id: matrix<N>): array<N>
    matrix.eigenvectors(id: matrix<N>): matrix<N>
    matrix.elements_count(id: matrix<T>): series int
    matrix.fill(id: matrix<T>, value: series T, from_row: series int = 0, to_row?: series int, from_column: series int = 0, to_column?: series int): void
    matrix.get(id: matrix<T>, row: series int, column: series int): series T
    matrix.inv(id: matrix<N>): matrix<N>
    matrix.is_antidiagonal(id: matrix<N>): series bool
    matrix.is_antisymmetric(id: matrix<N>): series bool
    matrix.is_binary(id: matrix<N>): series bool
    matrix.is_diagonal(id: matrix<N>): series bool
    matrix.is_identity(id: matrix<N>): series bool
    matrix.is_square(id: matrix<T>): series bool
    matrix.is_stochastic(id: matrix<N>): series bool
    matrix.is_symmetric(id: matrix<N>): series bool
    matrix.is_triangular(id: matrix<N>): series bool
    matrix.is_zero(id: matrix<N>): series bool
    matrix.kron(id1: matrix<N>, id2: matrix<N>): matrix<N>
    matrix.max(id: matrix<N>): series N
    matrix.median(id: matrix<N>): series N
    matrix.min(id: matrix<N>): series N
    matrix.mode(id: matrix<N>): series N
    matrix.mult(id1: matrix<N>, id2: matrix<N>): matrix<N>
    matrix.mult(id1: matrix<N>, id2: series N): matrix<N>
    matrix.mult(id1: matrix<N>, id2: array<N>): array<N>
    matrix.pinv(id: matrix<N>): matrix<N>
    matrix.pow(id: matrix<N>, power: series int): matrix<N>
    matrix.rank(id: matrix<T>): series int
    matrix.remove_col(id: matrix<T>, column?: series int): array<T>
    matrix.remove_row(id: matrix<T>, row?: series int): array<T>
    matrix.reshape(id: matrix<T>, rows: series int, columns: series int): void
    matrix.reverse(id: matrix<T>): void
    matrix.row(id: matrix<T>, row: series int): array<T>
    matrix.rows(id: matrix<T>): series int
    matrix.set(id: matrix<T>, row: series int, column: series int, value: series T): void
    matrix.sort(id: matrix<T>, column: series int = 0, order: series sort_order = order.ascending): void
    matrix.submatrix(id: matrix<T>, from_row: series int = 0, to_row?: series int, from_column: series int = 0, to_column?: series int): matrix<T>
    matrix.sum(id1: matrix<N>, id2: matrix<N>): matrix<N>
    matrix.sum(id1: matrix<N>, id2: series N): matrix<N>
    matrix.swap_columns(id: matrix<T>, column1: series int, column2: series int): void
    matrix.swap_rows(id: matrix<T>, row1: series int, row2: series int): void
    matrix.trace(id: matrix<N>): series N
    matrix.transpose(id: matrix<T>): matrix<T>
    `,
  ),
  constants(
    { versions: '456' },
    `
    order.ascending: const sort_order
    order.descending: const sort_order
    `,
  ),
];
