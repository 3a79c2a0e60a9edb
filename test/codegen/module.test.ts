import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generatedCodeStyle } from '../../src/codegen/module.js';
import { PineParser } from '../../src/parser/index.js';
import { compilePine } from '../../src/run/compile.js';

const parser = new PineParser();
const goldens = join(import.meta.dirname, '..', 'golden', 'codegen');

async function generate(source: string): Promise<string> {
  const compiled = await compilePine(source, { file: 'input.pine', parser });
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.code ?? '';
}

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('m.ts', code, ts.ScriptTarget.ES2023, true);
}

/** The comment lines written before a node (between the previous token and the node). */
function leading(node: ts.Node, file: ts.SourceFile): string[] {
  return file.text
    .slice(node.getFullStart(), node.getStart(file))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function classNamed(file: ts.SourceFile, name: string): ts.ClassDeclaration {
  const found = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === name);
  if (!found || !ts.isClassDeclaration(found)) throw new Error(`no class ${name}`);
  return found;
}

function member(cls: ts.ClassDeclaration, name: string): ts.ClassElement {
  const found = cls.members.find(
    (m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === name,
  );
  if (!found) throw new Error(`no member ${name}`);
  return found;
}

describe('module assembly (ts-morph structures, then prettier)', () => {
  it('lays the module out as documented: import, inputs, settings, classes, the script class last', () => {
    const code = readFileSync(join(goldens, 'v6-udt-methods', 'output.ts'), 'utf8');
    const file = parse(code);
    const outline = file.statements.map((s) => {
      if (ts.isVariableStatement(s)) return `const ${s.declarationList.declarations[0].name.getText(file)}`;
      if (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s))
        return `${ts.SyntaxKind[s.kind]} ${s.name?.text ?? ''}`;
      return ts.SyntaxKind[s.kind];
    });
    expect(outline).toEqual([
      'ImportDeclaration',
      'const inputDescriptors',
      'InterfaceDeclaration Inputs',
      'const defaultInputs',
      'const settings',
      'ClassDeclaration Swing',
      'ClassDeclaration SwingTracker',
    ]);
    const script = classNamed(file, 'SwingTracker');
    expect(script.modifiers?.map((m) => ts.SyntaxKind[m.kind])).toEqual(['ExportKeyword', 'DefaultKeyword']);
    expect(script.members.filter(ts.isMethodDeclaration).map((m) => m.name.getText(file))).toEqual([
      'step',
      'updateMethod',
    ]);
  });

  it('formats every golden module so that prettier with the typescript parser leaves it unchanged', async () => {
    const cases = readdirSync(goldens).filter((name) => !name.startsWith('.'));
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const name of cases) {
      // output.ts is the generated module verbatim (test/golden/codegen.test.ts).
      const code = readFileSync(join(goldens, name, 'output.ts'), 'utf8');
      expect(await format(code, { ...generatedCodeStyle, parser: 'typescript' }), name).toBe(code);
      expect(await format(code, generatedCodeStyle), name).toBe(code);
    }
  }, 120_000);

  it('carries annotations as JSDoc and the comments above a function or type onto its declaration', async () => {
    const code = await generate(
      [
        '//@version=6',
        '//@description Doubles the close.',
        'strategy("Docs")',
        '',
        '// helper for the plot',
        '//@function Twice a value.',
        '//@param x The value.',
        '//@returns 2x.',
        'double(float x) => x * 2',
        '',
        '//@type A price point.',
        '//@field p Its price.',
        'type Pt',
        '    float p = 1.0',
        '',
        '// plotted below',
        'plot(double(close))',
        '',
      ].join('\n'),
    );
    const file = parse(code);
    const script = classNamed(file, 'Docs');
    expect(leading(script, file)).toEqual(['/** Doubles the close. */']);
    expect(leading(member(script, 'double'), file)).toEqual([
      '// helper for the plot',
      '/**',
      '* Twice a value.',
      '* @param x The value.',
      '* @returns 2x.',
      '*/',
    ]);
    const point = classNamed(file, 'Pt');
    expect(leading(point, file)).toEqual(['/**', '* A price point.', '* Pine type Pt (line 13).', '*/']);
    expect(leading(member(point, 'p'), file)).toEqual(['/** Its price. */']);
    // The step keeps only the comment that belongs to its own statements.
    const step = member(script, 'step').getText(file);
    expect(step).toContain('// plotted below');
    expect(step).not.toMatch(/helper|Twice|@param|@type|@field|Doubles/);
  });
});
