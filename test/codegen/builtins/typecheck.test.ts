import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getBuiltinCatalogue } from '../../../src/analysis/builtins/index.js';
import type { PineType } from '../../../src/analysis/types/index.js';
import { libraryEmitters } from '../../../src/codegen/builtins/index-libs.js';
import { tsType } from '../../../src/codegen/builtins/misc.js';
import { fakeCall } from './fake-context.js';

// Every emitter, for every overload in every version, with placeholder arguments of the parameters'
// types (type parameters bound to float, map keys to string), must produce TypeScript that the
// compiler accepts against the real runtime. One generated module, one class per call site (so the
// call's state and plot fields exist), checked in memory.

const FLOAT: PineType = { kind: 'primitive', name: 'float' };
const STRING: PineType = { kind: 'primitive', name: 'string' };

/** Binds catalogue type parameters: K → string, every other letter → float. */
function bind(t: PineType): PineType {
  switch (t.kind) {
    case 'param':
      return t.name === 'K' ? STRING : FLOAT;
    case 'array':
    case 'matrix':
      return { kind: t.kind, element: bind(t.element) };
    case 'map':
      return { kind: 'map', key: bind(t.key), value: bind(t.value) };
    default:
      return t;
  }
}

/** A placeholder expression of a Pine type (`never` where no TypeScript type is written). */
function placeholder(t: PineType): string {
  const written = tsType(bind(t), 'rt');
  return written === undefined ? 'value<never>()' : `value<${written}>()`;
}

function generatedModule(): string {
  const lines = [
    "import * as rt from '../../../src/runtime/index.js';",
    'declare const ctx: rt.PineContext;',
    'declare const UNSUPPORTED: never;',
    'declare const MISSING_DATA: never;',
    'declare function value<T>(): T;',
  ];
  const catalogue = getBuiltinCatalogue();
  let n = 0;
  for (const name of Object.keys(libraryEmitters)) {
    const entry = catalogue.functionEntry(name);
    if (entry === undefined) continue;
    for (const version of entry.versions) {
      catalogue.overloadsIn(name, version).forEach((overload, index) => {
        const args = Object.fromEntries(overload.params.map((p) => [p.name, placeholder(p.type.type)]));
        const result = bind(overload.result.type);
        const call = fakeCall({ name, args, version, overload: index });
        const c = {
          ...call.c,
          argTypes: call.c.argTypes.map((q) =>
            q === undefined ? q : { qualifier: q.qualifier, type: bind(q.type) },
          ),
          resultType: { qualifier: overload.result.qualifier, type: result },
        };
        const code = libraryEmitters[name](c);
        lines.push(`// ${name} v${version} #${index}`, `export class Site${n++} {`);
        for (const [field, init] of call.states)
          lines.push(`  private readonly ${field.slice(5)} = ${init};`);
        for (const field of call.plots.keys()) lines.push(`  private readonly ${field.slice(5)} = 0;`);
        lines.push(`  run(): unknown {`, `    return ${code};`, '  }', '}');
      });
    }
  }
  return lines.join('\n');
}

describe('emitted code', () => {
  it('type-checks against the runtime for every overload', () => {
    const file = join(process.cwd(), 'test/codegen/builtins/__generated_check__.ts');
    const text = generatedModule();
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const original = {
      getSourceFile: host.getSourceFile.bind(host),
      fileExists: host.fileExists.bind(host),
      readFile: host.readFile.bind(host),
    };
    host.getSourceFile = (path, language, ...rest) =>
      path === file
        ? ts.createSourceFile(path, text, language)
        : original.getSourceFile(path, language, ...rest);
    host.fileExists = (path) => path === file || original.fileExists(path);
    host.readFile = (path) => (path === file ? text : original.readFile(path));
    const program = ts.createProgram([file], options, host);
    const source = program.getSourceFile(file);
    const diagnostics = source === undefined ? [] : ts.getPreEmitDiagnostics(program, source);
    const messages = diagnostics.map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const context =
        line >= 0
          ? text
              .split('\n')
              .slice(Math.max(0, line - 3), line + 1)
              .join(' | ')
          : '';
      return `${ts.flattenDiagnosticMessageText(d.messageText, '\n')} :: ${context}`;
    });
    expect(messages).toEqual([]);
  });
});
