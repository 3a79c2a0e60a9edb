import { describe, expect, it } from 'vitest';
import { getBuiltinCatalogue } from '../../../src/analysis/builtins/index.js';
import { libraryEmitters } from '../../../src/codegen/builtins/index-libs.js';
import { fakeCall } from './fake-context.js';

// The tables are keyed by catalogue names, and every parameter name an emitter asks for exists in
// the function's overloads: a misspelt name would silently read `undefined` and drop the argument.

const names = Object.keys(libraryEmitters);

describe('library emitter tables', () => {
  it('name only catalogue functions', () => {
    const catalogue = getBuiltinCatalogue();
    expect(names.filter((n) => catalogue.functionEntry(n) === undefined)).toEqual([]);
  });

  it('read only parameter names of the function, for every overload in every version', () => {
    const catalogue = getBuiltinCatalogue();
    const problems: string[] = [];
    for (const name of names) {
      const entry = catalogue.functionEntry(name);
      if (entry === undefined) continue;
      const known = new Set(entry.overloads.flatMap((o) => o.params.map((p) => p.name)));
      for (const version of entry.versions) {
        catalogue.overloadsIn(name, version).forEach((overload, index) => {
          const args = Object.fromEntries(overload.params.map((p) => [p.name, `p_${p.name}`]));
          const call = fakeCall({ name, args, version, overload: index });
          const code = libraryEmitters[name](call.c);
          if (code.trim() === '') problems.push(`${name} v${version} #${index}: empty code`);
          for (const read of call.unknownReads.filter((r) => !known.has(r))) {
            problems.push(`${name}: reads unknown parameter '${read}'`);
          }
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('cover the library namespaces a strategy calls', () => {
    for (const prefix of [
      'math.',
      'str.',
      'array.',
      'map.',
      'matrix.',
      'color.',
      'timeframe.',
      'label.',
      'line.',
    ]) {
      const inCatalogue = getBuiltinCatalogue()
        .allEntries()
        .filter((e) => e.kind === 'function' && e.name.startsWith(prefix))
        .map((e) => e.name);
      expect(inCatalogue.filter((n) => !(n in libraryEmitters))).toEqual([]);
    }
  });
});
