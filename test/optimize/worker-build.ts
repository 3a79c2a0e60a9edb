import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Node 20 worker threads cannot load TypeScript, so the pool tests transpile the worker module
 * and the sources it imports (paths relative to the repository root) into a temporary ESM tree.
 * Returns the temporary root; the compiled file of `x.ts` is `<root>/x.js`.
 */
export function transpileForWorkers(files: readonly string[]): string {
  const repo = join(import.meta.dirname, '..', '..');
  const root = mkdtempSync(join(tmpdir(), 'pp-worker-'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  for (const file of files) {
    const source = readFileSync(join(repo, file), 'utf8');
    const out = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    const target = join(root, relative('.', file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.outputText);
  }
  return root;
}
