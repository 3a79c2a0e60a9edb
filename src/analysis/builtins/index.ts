// The built-in catalogue of Pine v4/v5/v6: data (sections/), its notation (block.ts, dsl.ts), the indexed
// catalogue (catalogue.ts) and the v4 name table (v4-names.ts).
import type { PineType } from '../types/index.js';
import { BuiltinCatalogue } from './catalogue.js';
import type { BuiltinMethod, NamespaceMember, ResolvedFunction, ResolvedValue } from './catalogue.js';
import type { BuiltinConstant, BuiltinEntry, BuiltinVariable, PineVersion } from './model.js';
import { ALL_BLOCKS } from './sections/index.js';

export type {
  BuiltinConstant,
  BuiltinEntry,
  BuiltinFunction,
  BuiltinOverload,
  BuiltinParam,
  BuiltinVariable,
  FunctionFlags,
  PineVersion,
} from './model.js';
export { PINE_VERSIONS } from './model.js';
export type { BuiltinMethod, NamespaceMember, ResolvedFunction, ResolvedValue } from './catalogue.js';
export { BuiltinCatalogue } from './catalogue.js';
export type { BlockFlags, CatalogueBlock, FunctionBlockOptions } from './block.js';
export { constants, functions, variables } from './block.js';
export type { V4Alias } from './v4-names.js';
export { V4_INPUT_TYPES, V4_PARAM_RENAMES } from './v4-names.js';
export { ALL_BLOCKS } from './sections/index.js';
export { callResultType } from './result.js';
export { printSignature } from './dsl.js';

// Write-once cache of an immutable value: every caller gets the same frozen catalogue, so sharing it
// between concurrent compilations is safe (worker threads each build their own).
let shared: BuiltinCatalogue | undefined;

/** The catalogue of all built-ins, parsed from ALL_BLOCKS on first use (about 0.1 s cold) and shared afterwards. */
export function getBuiltinCatalogue(): BuiltinCatalogue {
  shared ??= new BuiltinCatalogue(ALL_BLOCKS);
  return shared;
}

/** The function `name` as Pine `version` sees it (see BuiltinCatalogue.lookupFunction). */
export function lookupFunction(name: string, version: PineVersion): ResolvedFunction | undefined {
  return getBuiltinCatalogue().lookupFunction(name, version);
}

/** The variable `name` in `version` (see BuiltinCatalogue.lookupVariable). */
export function lookupVariable(
  name: string,
  version: PineVersion,
): ResolvedValue<BuiltinVariable> | undefined {
  return getBuiltinCatalogue().lookupVariable(name, version);
}

/** The named constant `name` in `version` (see BuiltinCatalogue.lookupConstant). */
export function lookupConstant(
  name: string,
  version: PineVersion,
): ResolvedValue<BuiltinConstant> | undefined {
  return getBuiltinCatalogue().lookupConstant(name, version);
}

/** Built-in methods callable on a value of `type` (see BuiltinCatalogue.methodsFor). */
export function methodsFor(type: PineType, version: PineVersion): readonly BuiltinMethod[] {
  return getBuiltinCatalogue().methodsFor(type, version);
}

/** Names directly under a namespace, optionally only those visible in `version` (see BuiltinCatalogue). */
export function namespaceMembers(namespace: string, version?: PineVersion): readonly NamespaceMember[] {
  return getBuiltinCatalogue().namespaceMembers(namespace, version);
}

/** Every catalogue entry. */
export function allEntries(): readonly BuiltinEntry[] {
  return getBuiltinCatalogue().allEntries();
}
