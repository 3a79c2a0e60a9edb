import { getBuiltinCatalogue } from '../../../src/analysis/builtins/index.js';
import type { BuiltinOverload, PineVersion } from '../../../src/analysis/builtins/index.js';
import { CATALOGUE_TYPE_PARAMS, parseQualifiedType } from '../../../src/analysis/types/index.js';
import type { QualifiedType } from '../../../src/analysis/types/index.js';
import type { BuiltinEmitContext } from '../../../src/codegen/builtins/types.js';

/** What a test says about one call: arguments by parameter name (TypeScript text) and Pine types. */
export interface CallSpec {
  readonly name: string;
  readonly args?: Readonly<Partial<Record<string, string>>>;
  /** Pine types of arguments by parameter name, e.g. `{ x: 'series string' }`. */
  readonly types?: Readonly<Partial<Record<string, string>>>;
  readonly rest?: readonly string[];
  /** The call's result type, e.g. `array<float>` (defaults to the overload's). */
  readonly result?: string;
  readonly version?: PineVersion;
  /** Index of the overload among those of `version` (default: the first whose parameters fit `args`). */
  readonly overload?: number;
}

/** A fake emit context and what the emitter did with it. */
export interface FakeCall {
  readonly c: BuiltinEmitContext;
  /** `state()` declarations: field name → constructor expression. */
  readonly states: Map<string, string>;
  /** `declarePlot()` titles by field name. */
  readonly plots: Map<string, string>;
  readonly unsupported: string[];
  /** Messages of uses that need data the chart feed lacks (PP3004). */
  readonly missingData: string[];
  /** Parameter names the emitter asked for that the overload does not have. */
  readonly unknownReads: string[];
}

const typeOptions = { typeParams: CATALOGUE_TYPE_PARAMS } as const;
const parse = (text: string): QualifiedType => parseQualifiedType(text, typeOptions);

/** The overload a spec means: the given index, else the first whose parameters include every argument name. */
export function overloadFor(spec: CallSpec): BuiltinOverload {
  const overloads = getBuiltinCatalogue().overloadsIn(spec.name, spec.version ?? 6);
  if (overloads.length === 0) throw new Error(`no overloads of ${spec.name}`);
  if (spec.overload !== undefined) return overloads[spec.overload];
  const names = Object.keys(spec.args ?? {});
  const fit = overloads.find((o) => names.every((n) => o.params.some((p) => p.name === n)));
  if (fit === undefined) throw new Error(`no overload of ${spec.name} takes ${names.join(', ')}`);
  return fit;
}

/**
 * Builds the context the codegen would pass for a call of `spec.name`: parameters from the real
 * catalogue overload, `state` fields named `this.<hint><n>`, plots `this.plot<n>`, and unsupported
 * uses recorded (their placeholder is `UNSUPPORTED`).
 */
export function fakeCall(spec: CallSpec): FakeCall {
  const overload = overloadFor(spec);
  const paramNames = overload.params.map((p) => p.name);
  const given = spec.args ?? {};
  const args = paramNames.map((n) => given[n]);
  const argTypes = overload.params.map((p) => {
    const written = spec.types?.[p.name];
    if (written !== undefined) return parse(written);
    return given[p.name] === undefined ? undefined : p.type;
  });
  const states = new Map<string, string>();
  const plots = new Map<string, string>();
  const unsupported: string[] = [];
  const missingData: string[] = [];
  const unknownReads: string[] = [];
  const read = (name: string): string | undefined => {
    if (!paramNames.includes(name)) unknownReads.push(name);
    return given[name];
  };
  const c: BuiltinEmitContext = {
    name: spec.name,
    args,
    restArgs: spec.rest ?? [],
    paramNames,
    argTypes,
    resultType: spec.result !== undefined ? parse(spec.result) : overload.result,
    arg: read,
    argOr: (name, fallback) => read(name) ?? fallback,
    state: (hint, _type, init) => {
      const field = `this.${hint}${states.size}`;
      states.set(field, init);
      return field;
    },
    rt: 'rt',
    ctx: 'ctx',
    strategy: 'this.s',
    version: spec.version ?? 6,
    unsupported: (message) => {
      unsupported.push(message);
      return 'UNSUPPORTED';
    },
    missingData: (message) => {
      missingData.push(message);
      return 'MISSING_DATA';
    },
    declarePlot: (title) => {
      const field = `this.plot${plots.size}`;
      plots.set(field, title);
      return field;
    },
  };
  return { c, states, plots, unsupported, missingData, unknownReads };
}
