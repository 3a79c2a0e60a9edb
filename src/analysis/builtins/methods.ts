import type { PineType } from '../types/index.js';
import type { BuiltinMethod, ResolvedFunction } from './catalogue.js';
import type { BuiltinOverload, PineVersion } from './model.js';

// Built-in methods: functions of a type's namespace whose first parameter is that type (`arr.push(x)` is
// `array.push(arr, x)`).

/** Types whose namespace functions are also methods (Pine manual, "Built-in methods"; v5 and later). */
export const METHOD_NAMESPACES: ReadonlySet<string> = new Set([
  'array',
  'matrix',
  'map',
  'line',
  'linefill',
  'box',
  'polyline',
  'label',
  'table',
  'chart.point',
]);
const METHOD_VERSIONS: readonly PineVersion[] = [5, 6];

/** True when the overload's first parameter is a value of the namespace's type (a method receiver). */
export function isReceiver(namespace: string, o: BuiltinOverload): boolean {
  const first = o.params.at(0);
  return first !== undefined && methodNamespaceOf(first.type.type) === namespace;
}

/** The namespace whose functions are methods of `type`: `array<float>` → 'array', `line` → 'line'. */
export function methodNamespaceOf(type: PineType): string | undefined {
  switch (type.kind) {
    case 'array':
    case 'matrix':
    case 'map':
      return type.kind;
    case 'id':
      return METHOD_NAMESPACES.has(type.name) ? type.name : undefined;
    default:
      return undefined;
  }
}

/** Per namespace, the methods of one version. */
export function indexMethods(
  fns: ReadonlyMap<string, ResolvedFunction>,
  version: PineVersion,
): ReadonlyMap<string, readonly BuiltinMethod[]> {
  const out = new Map<string, BuiltinMethod[]>();
  if (!METHOD_VERSIONS.includes(version)) return out;
  for (const fn of fns.values()) {
    const ns = fn.entry.namespace;
    if (!fn.entry.method) continue;
    const overloads = fn.overloads.filter((o) => isReceiver(ns, o));
    if (overloads.length === 0) continue;
    const list = out.get(ns) ?? [];
    list.push(
      Object.freeze({
        methodName: fn.entry.name.slice(ns.length + 1),
        function: Object.freeze({ ...fn, overloads: Object.freeze(overloads) }),
      }),
    );
    out.set(ns, list);
  }
  return out;
}
