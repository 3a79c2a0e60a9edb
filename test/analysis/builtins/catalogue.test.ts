import { describe, expect, test } from 'vitest';
import {
  ALL_BLOCKS,
  BuiltinCatalogue,
  PINE_VERSIONS,
  V4_INPUT_TYPES,
  V4_PARAM_RENAMES,
  getBuiltinCatalogue,
} from '../../../src/analysis/builtins/index.js';
import type { BuiltinFunction, BuiltinOverload, PineVersion } from '../../../src/analysis/builtins/index.js';
import {
  CATALOGUE_TYPE_PARAMS,
  FLOAT,
  arrayOf,
  assignRulesFor,
  isAssignable,
  printQualifiedType,
} from '../../../src/analysis/types/index.js';
import type { PineType } from '../../../src/analysis/types/index.js';
import { parseFunctionLine } from '../../../src/analysis/builtins/dsl.js';
import { typeOfDefault } from './default-type.js';

// Internal consistency of the built-in catalogue: the checks a hand-kept table needs so that a typo in one
// signature line fails here instead of as a wrong diagnostic on a user's script.

const catalogue = getBuiltinCatalogue();
const functions = catalogue.allEntries().filter((e): e is BuiltinFunction => e.kind === 'function');

/** Every overload as each of its versions sees it. */
function versionedOverloads(): { fn: BuiltinFunction; version: PineVersion; overload: BuiltinOverload }[] {
  const out: { fn: BuiltinFunction; version: PineVersion; overload: BuiltinOverload }[] = [];
  for (const fn of functions) {
    for (const version of fn.versions) {
      for (const overload of catalogue.overloadsIn(fn.name, version)) out.push({ fn, version, overload });
    }
  }
  return out;
}

function visitTypes(t: PineType, visit: (t: PineType) => void): void {
  visit(t);
  switch (t.kind) {
    case 'array':
    case 'matrix':
    case 'list':
      visitTypes(t.element, visit);
      break;
    case 'map':
      visitTypes(t.key, visit);
      visitTypes(t.value, visit);
      break;
    case 'tuple':
      for (const e of t.elements) visitTypes(e.type, visit);
      break;
    default:
      break;
  }
}

test('every line of every block parses, and building twice gives the same catalogue', () => {
  const again = new BuiltinCatalogue(ALL_BLOCKS);
  expect(again.allEntries().map((e) => e.name)).toEqual(catalogue.allEntries().map((e) => e.name));
  // The size is reported by the helper's notes; a sudden drop means blocks went missing from sections/index.ts.
  expect(catalogue.allEntries().length).toBeGreaterThan(800);
});

test('every type in a signature is a built-in type (no stray name read as a user-defined type)', () => {
  const problems: string[] = [];
  const check = (where: string, t: PineType): void => {
    visitTypes(t, (x) => {
      if (x.kind === 'udt' || x.kind === 'enum') problems.push(`${where}: unknown type ${x.name}`);
      if (x.kind === 'param' && !CATALOGUE_TYPE_PARAMS.includes(x.name))
        problems.push(`${where}: param ${x.name}`);
    });
  };
  for (const e of catalogue.allEntries()) {
    if (e.kind !== 'function') check(e.name, e.type.type);
    else
      for (const o of e.overloads) {
        for (const p of o.params) check(`${o.signature} (${p.name})`, p.type.type);
        check(o.signature, o.result.type);
      }
  }
  expect(problems).toEqual([]);
});

test('a result type parameter can be bound from a parameter or an explicit type argument', () => {
  const problems: string[] = [];
  for (const fn of functions) {
    for (const o of fn.overloads) {
      const bindable = new Set<string>(o.explicitTypeParams);
      for (const p of o.params) visitTypes(p.type.type, (t) => t.kind === 'param' && bindable.add(t.name));
      visitTypes(o.result.type, (t) => {
        if (t.kind === 'param' && !bindable.has(t.name)) problems.push(`${o.signature}: ${t.name}`);
      });
    }
  }
  expect(problems).toEqual([]);
});

test('every default has a type that fits its parameter in each version', () => {
  const problems: string[] = [];
  for (const { version, overload } of versionedOverloads()) {
    for (const p of overload.params) {
      if (p.defaultText === undefined) continue;
      const t = typeOfDefault(p.defaultText, version);
      if (t === undefined)
        problems.push(`v${version} ${overload.name}(${p.name} = ${p.defaultText}): untyped default`);
      else if (!isAssignable(t, p.type, assignRulesFor(version)))
        problems.push(
          `v${version} ${overload.name}(${p.name}): ${printQualifiedType(t)} does not fit ${printQualifiedType(p.type)}`,
        );
    }
  }
  expect(problems).toEqual([]);
});

test('parameters: unique names, rest parameter last, required ones are those without default', () => {
  const problems: string[] = [];
  for (const { version, overload } of versionedOverloads()) {
    const names = overload.params.map((p) => p.name);
    if (new Set(names).size !== names.length)
      problems.push(`v${version} ${overload.signature}: duplicate parameter`);
    overload.params.forEach((p, i) => {
      if (p.rest && i !== overload.params.length - 1) problems.push(`${overload.signature}: rest not last`);
      if (p.required && p.defaultText !== undefined)
        problems.push(`${overload.signature}: required with default`);
    });
  }
  expect(problems).toEqual([]);
});

/** The parameter types a call with `n` positional arguments binds, or undefined when the overload refuses n. */
function positionalTypes(o: BuiltinOverload, n: number): string[] | undefined {
  // Positional arguments fill parameters in order, so every required one must be among the first n.
  const lastRequired = o.params.map((p) => p.required).lastIndexOf(true);
  const rest = o.params.at(-1)?.rest === true;
  if (n <= lastRequired || (n > o.params.length && !rest)) return undefined;
  const types: string[] = [];
  for (let i = 0; i < n; i++) types.push(printQualifiedType(o.params[Math.min(i, o.params.length - 1)].type));
  return types;
}

test('overloads of one name are distinguishable by positional argument types in every version', () => {
  const problems: string[] = [];
  for (const fn of functions) {
    for (const version of fn.versions) {
      const overloads = catalogue.overloadsIn(fn.name, version);
      const most = Math.max(...overloads.map((o) => o.params.length)) + 1;
      overloads.forEach((a, i) => {
        for (const b of overloads.slice(i + 1)) {
          for (let n = 0; n <= most; n++) {
            const ta = positionalTypes(a, n);
            const tb = positionalTypes(b, n);
            if (ta !== undefined && tb !== undefined && ta.join() === tb.join()) {
              problems.push(`v${version} with ${n} arguments: ${a.signature}  vs  ${b.signature}`);
            }
          }
        }
      });
    }
  }
  expect(problems).toEqual([]);
});

test('a name is both a function and a value only where Pine has both (ta.tr, time, na …)', () => {
  const values = new Set(
    catalogue
      .allEntries()
      .filter((e) => e.kind !== 'function')
      .map((e) => e.name),
  );
  const both = functions.filter((f) => values.has(f.name)).map((f) => f.name);
  expect(both.sort()).toEqual(
    [
      'dayofmonth',
      'dayofweek',
      'hour',
      // v4 input kinds (constants) are v5 input functions
      'input.bool',
      'input.color',
      'input.float',
      'input.session',
      'input.source',
      'input.string',
      'input.symbol',
      'input.time',
      'minute',
      'month',
      'na',
      'second',
      'syminfo.prefix',
      'syminfo.ticker',
      'ta.tr',
      'ta.vwap',
      'time',
      'time_close',
      'weekofyear',
      'year',
    ].sort(),
  );
});

test('codegen flags: ta is stateful but for ta.tr(), orders and plots are side effects, inputs are inputs', () => {
  const fn = (name: string): BuiltinFunction => {
    const f = catalogue.functionEntry(name);
    if (f === undefined) throw new Error(`missing ${name}`);
    return f;
  };
  for (const f of functions.filter((x) => x.namespace === 'ta')) {
    expect(f.flags.stateful, f.name).toBe(f.name !== 'ta.tr');
  }
  for (const name of [
    'strategy.entry',
    'strategy.exit',
    'strategy.close',
    'plot',
    'line.new',
    'alert',
    'log.info',
  ]) {
    expect(fn(name).flags.sideEffect, name).toBe(true);
  }
  for (const name of [
    'strategy.opentrades.entry_price',
    'math.abs',
    'array.get',
    'line.get_y1',
    'chart.point.new',
  ]) {
    expect(fn(name).flags.sideEffect, name).toBe(false);
  }
  for (const f of functions.filter((x) => x.namespace === 'input' || x.name === 'input')) {
    expect(f.flags.input, f.name).toBe(true);
  }
  expect(['strategy', 'indicator', 'library'].every((n) => fn(n).flags.declaration)).toBe(true);
  expect(catalogue.lookupFunction('study', 4)?.entry.flags.declaration).toBe(true);
  expect(fn('request.security').flags.request).toBe(true);
});

describe('v4 names', () => {
  test('every alias target exists in v5 as the same kind, with the renamed parameters', () => {
    const problems: string[] = [];
    for (const a of catalogue.v4Aliases()) {
      if (a.target === undefined) continue;
      const found =
        a.kind === 'function'
          ? catalogue.lookupFunction(a.target, 5)
          : a.kind === 'variable'
            ? catalogue.lookupVariable(a.target, 5)
            : catalogue.lookupConstant(a.target, 5);
      if (found === undefined) {
        problems.push(`${a.v4Name} → ${a.target}: missing`);
        continue;
      }
      if (a.kind === 'function') {
        const params = new Set(
          catalogue.lookupFunction(a.target, 5)!.overloads.flatMap((o) => o.params.map((p) => p.name)),
        );
        for (const to of Object.values(a.paramRenames))
          if (!params.has(to)) problems.push(`${a.v4Name}: no ${to}`);
      }
    }
    for (const [fn, renames] of Object.entries(V4_PARAM_RENAMES)) {
      const params = new Set(
        catalogue.lookupFunction(fn, 5)!.overloads.flatMap((o) => o.params.map((p) => p.name)),
      );
      for (const to of Object.values(renames)) if (!params.has(to)) problems.push(`${fn}: no ${to}`);
    }
    for (const [constant, fn] of Object.entries(V4_INPUT_TYPES)) {
      if (catalogue.lookupConstant(constant, 4) === undefined)
        problems.push(`v4 constant ${constant} missing`);
      if (catalogue.lookupFunction(fn, 5)?.entry.flags.input !== true) problems.push(`${fn} is not an input`);
    }
    expect(problems).toEqual([]);
  });

  test('a v4 alias never shadows a v4 built-in of the same name', () => {
    for (const a of catalogue.v4Aliases()) {
      const direct =
        a.kind === 'function'
          ? catalogue.functionEntry(a.v4Name)?.versions.includes(4)
          : (a.kind === 'variable'
              ? catalogue.lookupVariable(a.v4Name, 4)
              : catalogue.lookupConstant(a.v4Name, 4)
            )?.alias === undefined;
      expect(direct ?? false, a.v4Name).toBe(false);
    }
  });
});

test('every version has the core of a strategy script', () => {
  for (const v of PINE_VERSIONS) {
    for (const name of ['strategy', 'strategy.entry', 'strategy.close', 'plot', 'na', 'nz', 'input']) {
      expect(catalogue.lookupFunction(name, v), `${name} v${v}`).toBeDefined();
    }
    expect(catalogue.lookupVariable('close', v)).toBeDefined();
    expect(catalogue.lookupConstant('strategy.long', v)).toBeDefined();
  }
});

test('a per-version signature reads back as the same overload (messages show exactly what is checked)', () => {
  const flags = { stateful: false, sideEffect: false, input: false, declaration: false, request: false };
  for (const { version, overload } of versionedOverloads()) {
    const back = parseFunctionLine(overload.signature, [version], flags).overload;
    expect(
      back.params.map((p) => [p.name, printQualifiedType(p.type), p.defaultText, p.required, p.rest]),
    ).toEqual(
      overload.params.map((p) => [p.name, printQualifiedType(p.type), p.defaultText, p.required, p.rest]),
    );
    expect([back.result, back.resultQualifierFromArgs]).toEqual([
      overload.result,
      overload.resultQualifierFromArgs,
    ]);
  }
});

test('catalogue values are frozen: a lookup cannot corrupt the shared catalogue', () => {
  const sma = catalogue.lookupFunction('ta.sma', 6)!;
  expect(Object.isFrozen(sma.entry)).toBe(true);
  expect(Object.isFrozen(sma.overloads)).toBe(true);
  expect(Object.isFrozen(sma.overloads[0])).toBe(true);
  expect(Object.isFrozen(catalogue.methodsFor(arrayOf(FLOAT), 6)[0].function.overloads)).toBe(true);
  expect(Object.isFrozen(sma.overloads[0].params[0])).toBe(true);
  expect(Object.isFrozen(sma.overloads[0].params[0].type)).toBe(true);
});
