import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PineParser } from '../../src/parser/index.js';
import { compilePine, loadGeneratedModule } from '../../src/run/compile.js';

/** A Pine string literal holding `value` exactly (Pine escapes: \\ \" \n \t). */
function pineString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function script(danger: string, commentDanger: string): string {
  return [
    '//@version=5',
    `//@description ${commentDanger}`,
    `strategy(${pineString(danger)}, overlay=true)`,
    `// ${commentDanger}`,
    `//@function ${commentDanger}`,
    `//@param x ${commentDanger}`,
    'f(x) => x + 1',
    `// ${commentDanger}`,
    `//@type ${commentDanger}`,
    `//@field p ${commentDanger}`,
    'type T',
    '    float p = 1.0',
    `label = input.string(${pineString(danger)}, ${pineString(danger)})`,
    `s = ${pineString(danger)} + label`,
    `if str.length(s) > 0`,
    `    strategy.entry(${pineString(danger)}, strategy.long, comment = s)`,
    `plot(f(close), ${pineString(danger)})`,
    '',
  ].join('\n');
}

/** The generated module's top-level statements and class members, by kind: its shape. */
function shape(code: string): string[] {
  const file = ts.createSourceFile('m.ts', code, ts.ScriptTarget.ES2023, true);
  const out: string[] = [];
  for (const statement of file.statements) {
    out.push(ts.SyntaxKind[statement.kind]);
    if (ts.isClassDeclaration(statement))
      for (const member of statement.members) out.push(`  ${ts.SyntaxKind[member.kind]}`);
  }
  return out;
}

function syntaxErrors(code: string): number {
  const result = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext },
  });
  return result.diagnostics?.length ?? 0;
}

const parser = new PineParser();
const pieces = (list: string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...list), { maxLength: 12 }).map((p) => p.join(''));
const nasty = pieces([
  '`',
  '${',
  '*/',
  '/*',
  '"',
  "'",
  '\\',
  '\n',
  '\u2028',
  'return',
  'class',
  '})',
  ';',
  '<script>',
  'a',
  ' ',
]);
const commentNasty = pieces(['`', '${', '*/', '/*', '"', "'", '\\', 'return', '})', ';', 'a', ' ']);

describe('generated code cannot be changed in shape by what the Pine strings and comments hold', () => {
  it('keeps the module shape, parses cleanly and carries string values exactly', async () => {
    const baseline = await compilePine(script('plain', 'plain'), { parser });
    const baseShape = shape(baseline.code ?? '');
    await fc.assert(
      fc.asyncProperty(nasty, commentNasty, async (danger, commentDanger) => {
        const compiled = await compilePine(script(danger, commentDanger), { parser });
        expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const code = compiled.code ?? '';
        expect(syntaxErrors(code)).toBe(0);
        expect(shape(code)).toEqual(baseShape);
        expect(loadGeneratedModule(code).defaultInputs.label).toBe(danger);
      }),
      { numRuns: 60, seed: 5 },
    );
  }, 120_000);
});
