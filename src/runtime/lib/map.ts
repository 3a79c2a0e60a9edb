import { PineArray } from './array.js';

/**
 * A Pine `map<K, V>`: insertion-ordered (as TradingView's `map.keys` returns keys in insertion
 * order), at most 50,000 pairs. `get` of a missing key returns na (null, or NaN for numeric maps
 * when the codegen passes `naValue`).
 */
export class PineMap<K, V> {
  private readonly entries: Map<K, V>;
  private readonly naValue: V;

  /** `map.new<K, V>()`; `naValue` is what `get` returns for a missing key (NaN or null). */
  constructor(naValue: V) {
    this.entries = new Map();
    this.naValue = naValue;
  }

  /** `map.put(id, key, value)`: the previous value, or na. */
  put(key: K, value: V): V {
    const previous = this.entries.has(key) ? (this.entries.get(key) as V) : this.naValue;
    this.entries.set(key, value);
    return previous;
  }

  /** `map.get(id, key)`. */
  get(key: K): V {
    return this.entries.has(key) ? (this.entries.get(key) as V) : this.naValue;
  }

  /** `map.contains(id, key)`. */
  contains(key: K): boolean {
    return this.entries.has(key);
  }

  /** `map.remove(id, key)`: the removed value, or na. */
  remove(key: K): V {
    if (!this.entries.has(key)) return this.naValue;
    const v = this.entries.get(key) as V;
    this.entries.delete(key);
    return v;
  }

  /** `map.size(id)`. */
  size(): number {
    return this.entries.size;
  }

  /** `map.clear(id)`. */
  clear(): void {
    this.entries.clear();
  }

  /** `map.keys(id)`: a new array of keys in insertion order. */
  keys(): PineArray<K> {
    return PineArray.wrap([...this.entries.keys()]);
  }

  /** `map.values(id)`: a new array of values in insertion order. */
  values(): PineArray<V> {
    return PineArray.wrap([...this.entries.values()]);
  }

  /** `map.copy(id)`: a shallow copy. */
  copy(): PineMap<K, V> {
    const m = new PineMap<K, V>(this.naValue);
    for (const [k, v] of this.entries) m.entries.set(k, v);
    return m;
  }

  /** `map.put_all(id, id2)`: copies every pair of `other` into this map. */
  put_all(other: PineMap<K, V>): void {
    for (const [k, v] of other.entries) this.entries.set(k, v);
  }
}
