import type { CatalogueBlock } from './block.js';
import { blockLines, parseFunctionLine, parseValueLine, parseVersions } from './dsl.js';
import { METHOD_NAMESPACES, isReceiver } from './methods.js';
import type {
  BuiltinConstant,
  BuiltinFunction,
  BuiltinOverload,
  BuiltinVariable,
  FunctionFlags,
} from './model.js';
import { PINE_VERSIONS } from './model.js';

// Reads the catalogue blocks into entries: overloads merged by name, values by name, duplicates refused.

/** The part of a name before its last dot ('' for a global name). */
export function namespaceOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(0, dot);
}

/** Every function of the blocks, overloads of one name merged (their flags must agree). */
export function readFunctions(blocks: readonly CatalogueBlock[]): ReadonlyMap<string, BuiltinFunction> {
  const overloads = new Map<string, BuiltinOverload[]>();
  const flags = new Map<string, FunctionFlags>();
  for (const block of blocks) {
    if (block.kind !== 'functions') continue;
    const versions = parseVersions(block.versions);
    for (const line of blockLines(block.text)) {
      const parsed = parseFunctionLine(line, versions, block.flags);
      const name = parsed.overload.name;
      const prior = flags.get(name);
      if (prior !== undefined && JSON.stringify(prior) !== JSON.stringify(parsed.flags)) {
        throw new Error(`overloads of ${name} disagree on flags: ${line}`);
      }
      flags.set(name, parsed.flags);
      const list = overloads.get(name) ?? [];
      list.push(parsed.overload);
      overloads.set(name, list);
    }
  }
  const out = new Map<string, BuiltinFunction>();
  for (const [name, list] of overloads) {
    const namespace = namespaceOf(name);
    const entry: BuiltinFunction = Object.freeze({
      kind: 'function',
      name,
      namespace,
      overloads: Object.freeze(list),
      versions: Object.freeze(PINE_VERSIONS.filter((v) => list.some((o) => o.versions.includes(v)))),
      flags: Object.freeze(flags.get(name)!),
      method: METHOD_NAMESPACES.has(namespace) && list.some((o) => isReceiver(namespace, o)),
    });
    out.set(name, entry);
  }
  return out;
}

/** Every variable and constant of the blocks; a name may be only one of them. */
export function readValues(blocks: readonly CatalogueBlock[]): {
  variables: ReadonlyMap<string, BuiltinVariable>;
  constants: ReadonlyMap<string, BuiltinConstant>;
} {
  const variables = new Map<string, BuiltinVariable>();
  const constants = new Map<string, BuiltinConstant>();
  for (const block of blocks) {
    if (block.kind === 'functions') continue;
    const versions = parseVersions(block.versions);
    for (const line of blockLines(block.text)) {
      const v = parseValueLine(line, versions);
      const base = { name: v.name, namespace: namespaceOf(v.name), type: v.type, versions: v.versions };
      if (variables.has(v.name) || constants.has(v.name)) throw new Error(`duplicate value name: ${v.name}`);
      if (block.kind === 'variables') variables.set(v.name, Object.freeze({ kind: 'variable', ...base }));
      else
        constants.set(
          v.name,
          Object.freeze({ kind: 'constant', ...base, value: constantValue(v.valueText) }),
        );
    }
  }
  return { variables, constants };
}

function constantValue(text: string | undefined): number | string | boolean | undefined {
  if (text === undefined) return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^"[^"]*"$/.test(text)) return text.slice(1, -1);
  if (/^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(text)) return text.toUpperCase();
  const n = Number(text);
  if (Number.isFinite(n) && text !== '') return n;
  throw new Error(`unreadable constant value: ${text}`);
}
