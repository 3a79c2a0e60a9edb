import type { PineType } from '../types/index.js';
import type { CatalogueBlock } from './block.js';
import { printSignature } from './dsl.js';
import { indexMethods, methodNamespaceOf } from './methods.js';
import { namespaceOf, readFunctions, readValues } from './read-blocks.js';
import type {
  BuiltinConstant,
  BuiltinEntry,
  BuiltinFunction,
  BuiltinOverload,
  BuiltinVariable,
  PineVersion,
} from './model.js';
import { PINE_VERSIONS } from './model.js';
import { buildV4Aliases } from './v4-names.js';
import type { V4Alias } from './v4-names.js';

/** A function as one Pine version sees it: only that version's overloads, parameters and defaults. */
export interface ResolvedFunction {
  readonly entry: BuiltinFunction;
  readonly version: PineVersion;
  readonly overloads: readonly BuiltinOverload[];
  /** Set when a v4 name led here (`sma` → `ta.sma`); the overloads are then the v5 ones. */
  readonly alias: V4Alias | undefined;
}

/** A variable or constant found by name, with the v4 alias that led to it, if any. */
export interface ResolvedValue<E extends BuiltinVariable | BuiltinConstant> {
  readonly entry: E;
  readonly alias: V4Alias | undefined;
}

/** A built-in method of a type: `push` on `array<T>` is `array.push`. */
export interface BuiltinMethod {
  readonly methodName: string;
  /** The function, restricted to the overloads whose first parameter is the receiver. */
  readonly function: ResolvedFunction;
}

/** One name under a namespace, for completion and "did you mean". */
export interface NamespaceMember {
  /** The full name, e.g. `ta.sma` or `strategy.risk`. */
  readonly name: string;
  readonly kind: 'function' | 'variable' | 'constant' | 'namespace';
}

/**
 * The built-in catalogue: every function, variable and constant read from the blocks, indexed by name and
 * by version. Immutable after construction; build it once (getBuiltinCatalogue) and share it.
 */
export class BuiltinCatalogue {
  private readonly functions: ReadonlyMap<string, BuiltinFunction>;
  private readonly variables: ReadonlyMap<string, BuiltinVariable>;
  private readonly constants: ReadonlyMap<string, BuiltinConstant>;
  private readonly byVersion: ReadonlyMap<PineVersion, ReadonlyMap<string, ResolvedFunction>>;
  private readonly methods: ReadonlyMap<PineVersion, ReadonlyMap<string, readonly BuiltinMethod[]>>;
  private readonly members: ReadonlyMap<string, readonly NamespaceMember[]>;
  private readonly aliases: ReadonlyMap<string, V4Alias>;
  /** `kind:name` of v5 names that v4 spelled differently (`function:ta.sma`): not visible in v4 by that name. */
  private readonly renamedInV4: ReadonlySet<string>;
  /** v4 function spellings (`sma`) and the function each stands for, as v4 sees it. */
  private readonly v4Spellings: ReadonlyMap<string, ResolvedFunction>;
  private readonly entries: readonly BuiltinEntry[];

  constructor(blocks: readonly CatalogueBlock[]) {
    const fns = readFunctions(blocks);
    const { variables, constants } = readValues(blocks);
    this.functions = fns;
    this.variables = variables;
    this.constants = constants;
    this.entries = Object.freeze([...fns.values(), ...variables.values(), ...constants.values()]);
    this.byVersion = new Map(PINE_VERSIONS.map((v) => [v, resolveAll(fns, v)]));
    this.methods = new Map(PINE_VERSIONS.map((v) => [v, indexMethods(this.byVersion.get(v)!, v)]));
    this.members = indexMembers(this.entries);
    const aliases = buildV4Aliases();
    this.aliases = new Map(aliases.map((a) => [`${a.kind}:${a.v4Name}`, a]));
    this.v4Spellings = v4FunctionViews(aliases, this.byVersion);
    // Colour constants kept their `color.` names in v4 (the bare names are v3 leftovers), so only moved
    // functions and variables are hidden under their new names.
    this.renamedInV4 = new Set(
      aliases
        .filter((a) => a.target !== undefined && a.kind !== 'constant')
        .map((a) => `${a.kind}:${String(a.target)}`),
    );
  }

  /**
   * The function `name` as `version` sees it, or undefined. In v4, a v4 name (`sma`, `security`, `study`)
   * resolves to its entry with `alias` set and the v4 overloads, while the v5 name (`ta.sma`) is unknown;
   * a removed v4 function (`iff`) is found by v4Alias only.
   */
  lookupFunction(name: string, version: PineVersion): ResolvedFunction | undefined {
    if (version !== 4) return this.byVersion.get(version)!.get(name);
    if (this.renamedInV4.has(`function:${name}`)) return undefined;
    return this.byVersion.get(4)!.get(name) ?? this.v4Spellings.get(name);
  }

  /**
   * The overloads of the function entry `name` as `version` sees them, whatever the name is called in that
   * version (`overloadsIn('ta.sma', 4)` gives v4's `sma` overloads); empty when it did not exist.
   */
  overloadsIn(name: string, version: PineVersion): readonly BuiltinOverload[] {
    return this.byVersion.get(version)!.get(name)?.overloads ?? [];
  }

  /** The variable `name` in `version` (v4 names such as `tr`, `obv` lead to `ta.tr`, `ta.obv`). */
  lookupVariable(name: string, version: PineVersion): ResolvedValue<BuiltinVariable> | undefined {
    return this.lookupValue(this.variables, 'variable', name, version);
  }

  /** The named constant `name` in `version` (`color.red`; in v4 also `red`). */
  lookupConstant(name: string, version: PineVersion): ResolvedValue<BuiltinConstant> | undefined {
    return this.lookupValue(this.constants, 'constant', name, version);
  }

  /** The v4 alias table entry for a v4 name, including removed functions (`iff`, `offset`). */
  v4Alias(name: string, kind: V4Alias['kind']): V4Alias | undefined {
    return this.aliases.get(`${kind}:${name}`);
  }

  /** Every v4 alias. */
  v4Aliases(): readonly V4Alias[] {
    return [...this.aliases.values()];
  }

  /** The built-in methods callable on a value of `type` in `version` (none in v4, none for UDTs). */
  methodsFor(type: PineType, version: PineVersion): readonly BuiltinMethod[] {
    const ns = methodNamespaceOf(type);
    return ns === undefined ? [] : (this.methods.get(version)!.get(ns) ?? []);
  }

  /** One built-in method by name (`push` on an array), or undefined. */
  lookupMethod(type: PineType, methodName: string, version: PineVersion): BuiltinMethod | undefined {
    return this.methodsFor(type, version).find((m) => m.methodName === methodName);
  }

  /**
   * The entries and sub-namespaces directly under `namespace` ('' for the global names), sorted by name;
   * with `version`, only the entries a script of that version can name (for "did you mean").
   */
  namespaceMembers(namespace: string, version?: PineVersion): readonly NamespaceMember[] {
    const all = this.members.get(namespace) ?? [];
    if (version === undefined) return all;
    const visible = all.filter((m) => this.isVisible(m, version));
    if (version !== 4) return visible;
    // v4 names its moved built-ins by their v4 spellings (`sma`, `tr`), which live in the alias table.
    const spelled = [...this.aliases.values()]
      .filter((a) => a.target !== undefined && namespaceOf(a.v4Name) === namespace)
      .map((a): NamespaceMember => ({ name: a.v4Name, kind: a.kind }));
    return [...visible, ...spelled].sort((a, b) => a.name.localeCompare(b.name));
  }

  private isVisible(member: NamespaceMember, version: PineVersion): boolean {
    switch (member.kind) {
      case 'namespace':
        return this.namespaceMembers(member.name, version).length > 0;
      case 'function':
        return this.lookupFunction(member.name, version) !== undefined;
      case 'variable':
        return this.lookupVariable(member.name, version) !== undefined;
      case 'constant':
        return this.lookupConstant(member.name, version) !== undefined;
    }
  }

  /** True when `name` is a namespace of built-ins (`ta`, `strategy.risk`, `color`). */
  isNamespace(name: string): boolean {
    return name !== '' && this.members.has(name);
  }

  /** Every entry (functions, then variables, then constants). */
  allEntries(): readonly BuiltinEntry[] {
    return this.entries;
  }

  /** The entry of a function by exact name, all versions included. */
  functionEntry(name: string): BuiltinFunction | undefined {
    return this.functions.get(name);
  }

  private lookupValue<E extends BuiltinVariable | BuiltinConstant>(
    table: ReadonlyMap<string, E>,
    kind: 'variable' | 'constant',
    name: string,
    version: PineVersion,
  ): ResolvedValue<E> | undefined {
    if (version === 4 && this.renamedInV4.has(`${kind}:${name}`)) return undefined;
    const direct = table.get(name);
    if (direct?.versions.includes(version)) return { entry: direct, alias: undefined };
    if (version !== 4) return undefined;
    const alias = this.aliases.get(`${kind}:${name}`);
    const target = alias?.target === undefined ? undefined : table.get(alias.target);
    return target === undefined ? undefined : { entry: target, alias };
  }
}

/** The v4 view of every aliased function: its v4 overloads, or the v5 ones where the table has no v4 form. */
function v4FunctionViews(
  aliases: readonly V4Alias[],
  byVersion: ReadonlyMap<PineVersion, ReadonlyMap<string, ResolvedFunction>>,
): ReadonlyMap<string, ResolvedFunction> {
  const out = new Map<string, ResolvedFunction>();
  for (const alias of aliases) {
    if (alias.kind !== 'function' || alias.target === undefined) continue;
    const target = byVersion.get(4)!.get(alias.target) ?? byVersion.get(5)!.get(alias.target);
    if (target !== undefined) out.set(alias.v4Name, Object.freeze({ ...target, alias }));
  }
  return out;
}

/** The overloads, parameters and defaults of one version. */
function resolveAll(
  fns: ReadonlyMap<string, BuiltinFunction>,
  version: PineVersion,
): Map<string, ResolvedFunction> {
  const out = new Map<string, ResolvedFunction>();
  for (const entry of fns.values()) {
    const overloads = entry.overloads
      .filter((o) => o.versions.includes(version))
      .map((o) => forVersion(o, version));
    if (overloads.length > 0)
      out.set(
        entry.name,
        Object.freeze({ entry, version, overloads: Object.freeze(overloads), alias: undefined }),
      );
  }
  return out;
}

function forVersion(o: BuiltinOverload, version: PineVersion): BuiltinOverload {
  const params = o.params
    .filter((p) => p.versions.includes(version))
    .map((p) =>
      p.defaultByVersion === undefined
        ? p
        : Object.freeze({
            ...p,
            defaultText: p.defaultByVersion[version] ?? p.defaultText,
            defaultByVersion: undefined,
          }),
    );
  const view = { ...o, params: Object.freeze(params) };
  return Object.freeze({ ...view, signature: printSignature(view) });
}

function indexMembers(entries: readonly BuiltinEntry[]): ReadonlyMap<string, readonly NamespaceMember[]> {
  const out = new Map<string, Map<string, NamespaceMember>>();
  const add = (ns: string, member: NamespaceMember): void => {
    const m = out.get(ns) ?? new Map<string, NamespaceMember>();
    m.set(`${member.kind}:${member.name}`, member); // `color` is both a function and a namespace
    out.set(ns, m);
  };
  for (const e of entries) {
    add(e.namespace, { name: e.name, kind: e.kind });
    for (let ns = e.namespace; ns !== ''; ns = namespaceOf(ns))
      add(namespaceOf(ns), { name: ns, kind: 'namespace' });
  }
  return new Map(
    [...out].map(([ns, m]) => [
      ns,
      Object.freeze([...m.values()].sort((a, b) => a.name.localeCompare(b.name))),
    ]),
  );
}
