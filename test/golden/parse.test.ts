import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagnostic, sortDiagnostics } from '../../src/diagnostics/index.js';
import { PineParser, printPine } from '../../src/parser/index.js';
import { astGoldenJson, astShape } from '../helpers/ast.js';
import { expectGolden } from '../helpers/golden.js';

const root = join(import.meta.dirname, 'parse');
const cases = readdirSync(root).filter((name) => !name.startsWith('.')).sort();
const expectedFiles = new Set(['input.pine', 'ast.json', 'diagnostics.txt']);
const parser = new PineParser();

describe('parse goldens', () => {
  it('has no stray files (stale goldens fail)', () => {
    for (const name of cases) {
      const files = readdirSync(join(root, name));
      expect(files, `${name} needs an input.pine`).toContain('input.pine');
      for (const file of files) {
        if (file.endsWith('.actual')) continue;
        expect(expectedFiles.has(file), `${name}/${file} is not a golden this test writes`).toBe(true);
      }
    }
  });

  for (const name of cases) {
    const dir = join(root, name);
    it(name, () => {
      for (const file of readdirSync(dir)) if (file.endsWith('.actual')) rmSync(join(dir, file));
      const source = readFileSync(join(dir, 'input.pine'), 'utf8');
      const result = parser.parse(source, { file: 'input.pine' });
      expectGolden(dir, 'ast.json', astGoldenJson(result.program) + '\n');
      const rendered = sortDiagnostics(result.diagnostics).map((d) => renderDiagnostic(d, source));
      expectGolden(dir, 'diagnostics.txt', rendered.join('\n\n') + (rendered.length > 0 ? '\n' : ''));

      // Invariants on every case: parsing is deterministic, and when the source is valid the
      // printed Pine reparses to the same tree.
      expect(astGoldenJson(parser.parse(source, { file: 'input.pine' }).program)).toBe(astGoldenJson(result.program));
      if (!result.diagnostics.some((d) => d.severity === 'error')) {
        const reparsed = parser.parse(printPine(result.program));
        expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(astShape(reparsed.program)).toBe(astShape(result.program));
      }
    });
  }

  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(existsSync(join(root, 'functions', 'input.pine'))).toBe(true);
  });
});
