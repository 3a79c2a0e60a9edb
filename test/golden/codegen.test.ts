import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderDiagnostic, sortDiagnostics } from '../../src/diagnostics/index.js';
import { PineParser } from '../../src/parser/index.js';
import { compilePine } from '../../src/run/compile.js';
import { expectGolden } from '../helpers/golden.js';

const root = join(import.meta.dirname, 'codegen');
const cases = readdirSync(root).filter((name) => !name.startsWith('.')).sort();
const allowed = new Set(['input.pine', 'output.ts', 'diagnostics.txt']);
const parser = new PineParser();
const generated = new Map<string, string>();

describe('codegen goldens', () => {
  it('has no stray files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const name of cases) {
      for (const file of readdirSync(join(root, name))) {
        if (!file.endsWith('.actual')) expect(allowed.has(file), `${name}/${file}`).toBe(true);
      }
    }
  });

  for (const name of cases) {
    const dir = join(root, name);
    it(name, async () => {
      for (const file of readdirSync(dir)) if (file.endsWith('.actual')) rmSync(join(dir, file));
      const source = readFileSync(join(dir, 'input.pine'), 'utf8');
      const compiled = await compilePine(source, { file: 'input.pine', parser });
      const rendered = sortDiagnostics(compiled.diagnostics).map((d) => renderDiagnostic(d, source));
      expectGolden(dir, 'diagnostics.txt', rendered.join('\n\n') + (rendered.length > 0 ? '\n' : ''));
      expect(compiled.code, 'a module is generated').toBeDefined();
      const code = compiled.code ?? '';
      expectGolden(dir, 'output.ts', code);
      // Generating twice gives identical bytes.
      const again = await compilePine(source, { file: 'input.pine', parser });
      expect(again.code).toBe(code);
      generated.set(name, code);
    });
  }

  it('every generated module type-checks under strict TypeScript against the runtime', () => {
    const dir = join(import.meta.dirname, '..', '..', 'test-results', 'codegen-typecheck');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const runtime = join(import.meta.dirname, '..', '..', 'src', 'runtime', 'index.js');
    const files = [...generated].map(([name, code]) => {
      const path = join(dir, `${name}.ts`);
      writeFileSync(path, code.replace("'pineport/runtime'", JSON.stringify(runtime)));
      return path;
    });
    expect(files.length).toBe(cases.length);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      lib: ['lib.es2023.d.ts'],
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => `${d.file?.fileName ?? ''}:${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 120_000);
});
