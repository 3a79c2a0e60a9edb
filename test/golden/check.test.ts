import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { renderDiagnostic, sortDiagnostics } from '../../src/diagnostics/index.js';
import { PineParser } from '../../src/parser/index.js';
import { expectGolden } from '../helpers/golden.js';
import { dumpResolution } from '../helpers/resolution-dump.js';

const root = join(import.meta.dirname, 'check');
const cases = readdirSync(root).filter((name) => !name.startsWith('.')).sort();
const allowed = new Set(['input.pine', 'resolution.txt', 'diagnostics.txt']);
const parser = new PineParser();

describe('analysis goldens', () => {
  it('has no stray files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const name of cases) {
      for (const file of readdirSync(join(root, name))) {
        if (!file.endsWith('.actual')) expect(allowed.has(file), `${name}/${file}`).toBe(true);
      }
    }
  });

  for (const name of cases) {
    const dir = join(root, name);
    it(name, () => {
      for (const file of readdirSync(dir)) if (file.endsWith('.actual')) rmSync(join(dir, file));
      const source = readFileSync(join(dir, 'input.pine'), 'utf8');
      const parsed = parser.parse(source, { file: 'input.pine' });
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const analysis = analyze(parsed.program, { file: 'input.pine' });
      expectGolden(dir, 'resolution.txt', dumpResolution(analysis));
      const rendered = sortDiagnostics(analysis.diagnostics).map((d) => renderDiagnostic(d, source));
      expectGolden(dir, 'diagnostics.txt', rendered.join('\n\n') + (rendered.length > 0 ? '\n' : ''));
      // Analysing twice gives the same result: no hidden state between runs.
      expect(dumpResolution(analyze(parser.parse(source).program))).toBe(dumpResolution(analysis));
    });
  }
});
