import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as A from '../../src/parser/index.js';
import { PineLexer, PineParser, printPine } from '../../src/parser/index.js';
import { astShape } from '../helpers/ast.js';

const parser = new PineParser();
const zeroSpan = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Builds a node for generated trees; spans and ids are irrelevant to the shape comparison. */
function n<K extends A.Node['kind']>(
  kind: K,
  fields: Omit<Extract<A.Node, { kind: K }>, 'kind' | 'id' | 'span'>,
): Extract<A.Node, { kind: K }> {
  return { kind, id: 0, span: zeroSpan, ...fields } as unknown as Extract<A.Node, { kind: K }>;
}

const names = ['a', 'b', 'x', 'price', 'len', 'src', 'ta', 'myVar', 'value_2'];
const identifier = fc.constantFrom(...names).map((name) => n('Identifier', { name }));
const typeRef = fc
  .constantFrom('float', 'int', 'bool', 'string', 'color')
  .map((name) => n('TypeReference', { name, typeArguments: [], isArray: false }));

const leaf: fc.Arbitrary<A.Expression> = fc.oneof(
  identifier,
  fc.nat({ max: 10_000 }).map((v) => n('NumberLiteral', { value: v, raw: String(v), isInteger: true })),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([i, f]) => {
    const raw = `${i}.${f}`;
    return n('NumberLiteral', { value: Number(raw), raw, isInteger: false });
  }),
  fc.stringMatching(/^[a-z ]{0,8}$/).map((v) => n('StringLiteral', { value: v, raw: JSON.stringify(v) })),
  fc.boolean().map((value) => n('BoolLiteral', { value })),
  fc.constant(n('NaLiteral', {})),
  fc
    .constantFrom('#FF8800', '#00000080')
    .map((raw) => n('ColorLiteral', { raw, rgba: raw.length === 7 ? [255, 136, 0, 255] : [0, 0, 0, 128] })),
);

const binaryOperators: A.BinaryOperator[] = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  'and',
  'or',
];

const { expression } = fc.letrec<{ expression: A.Expression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...binaryOperators), tie('expression'), tie('expression'))
      .map(([operator, left, right]) => n('BinaryExpression', { operator, left, right })),
    fc
      .tuple(fc.constantFrom<A.UnaryOperator>('-', '+', 'not'), tie('expression'))
      .map(([operator, argument]) => n('UnaryExpression', { operator, argument })),
    fc
      .tuple(tie('expression'), tie('expression'), tie('expression'))
      .map(([test, consequent, alternate]) => n('ConditionalExpression', { test, consequent, alternate })),
    fc
      .tuple(
        identifier,
        identifier,
        fc.array(fc.tuple(fc.option(identifier, { nil: undefined }), tie('expression')), { maxLength: 3 }),
      )
      .map(([object, property, args]) =>
        n('CallExpression', {
          callee: n('MemberExpression', { object, property }),
          typeArguments: [],
          arguments: args.map(([name, value]) => n('Argument', { name, value })),
        }),
      ),
    fc
      .tuple(tie('expression'), identifier)
      .map(([object, property]) => n('MemberExpression', { object, property })),
    fc
      .tuple(tie('expression'), tie('expression'))
      .map(([target, offset]) => n('HistoryExpression', { target, offset })),
  ),
}));

const simpleStatement: fc.Arbitrary<A.Statement> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom<A.DeclarationMode | undefined>(undefined, 'var', 'varip'),
      fc.option(typeRef, { nil: undefined }),
      identifier,
      expression,
    )
    .map(([mode, type, name, init]) =>
      n('VariableDeclaration', { mode, qualifier: undefined, type, name, init, annotations: [] }),
    ),
  fc
    .tuple(identifier, fc.constantFrom<A.AssignmentOperator>(':=', '+=', '-=', '*=', '/=', '%='), expression)
    .map(([target, operator, value]) => n('Assignment', { target, operator, value })),
  expression.map((e) => n('ExpressionStatement', { expression: e })),
);

const block = (statement: fc.Arbitrary<A.Statement>): fc.Arbitrary<A.Block> =>
  fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements) => n('Block', { statements }));

const { statement } = fc.letrec<{ statement: A.Statement }>((tie) => ({
  statement: fc.oneof(
    { depthSize: 'small' },
    simpleStatement,
    fc
      .tuple(expression, block(tie('statement')), fc.option(block(tie('statement')), { nil: undefined }))
      .map(([test, consequent, alternate]) =>
        n('ExpressionStatement', { expression: n('IfExpression', { test, consequent, alternate }) }),
      ),
    fc
      .tuple(
        identifier,
        expression,
        expression,
        fc.option(expression, { nil: undefined }),
        block(tie('statement')),
      )
      .map(([counter, from, to, step, body]) =>
        n('ExpressionStatement', { expression: n('ForExpression', { counter, from, to, step, body }) }),
      ),
    fc
      .tuple(expression, block(tie('statement')))
      .map(([test, body]) => n('ExpressionStatement', { expression: n('WhileExpression', { test, body }) })),
    fc
      .tuple(
        identifier,
        fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 }),
        fc.boolean(),
        block(simpleStatement),
      )
      .map(([name, params, inline, body]) =>
        n('FunctionDeclaration', {
          name,
          parameters: params.map((p) =>
            n('Parameter', {
              qualifier: undefined,
              type: undefined,
              name: n('Identifier', { name: p }),
              defaultValue: undefined,
            }),
          ),
          body: inline
            ? n('Block', {
                statements: body.statements
                  .slice(0, 1)
                  .map((s) =>
                    s.kind === 'ExpressionStatement'
                      ? s
                      : n('ExpressionStatement', { expression: n('Identifier', { name: 'x' }) }),
                  ),
              })
            : body,
          inline,
          isMethod: false,
          isExport: false,
          annotations: [],
        }),
      ),
  ),
}));

const program = fc
  .array(statement, { minLength: 1, maxLength: 5 })
  .map((body) => n('Program', { version: 5, body, comments: [] }));

const shape = (node: unknown): unknown => JSON.parse(astShape(node));

describe('parser properties', () => {
  it('print → reparse gives the same tree for generated programs', () => {
    fc.assert(
      fc.property(program, (tree) => {
        const printed = printPine(tree);
        const result = parser.parse(printed);
        expect(
          result.diagnostics.filter((d) => d.severity === 'error'),
          printed,
        ).toEqual([]);
        expect(shape(result.program)).toEqual(shape(tree));
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  const pieces = [
    'if',
    'else',
    'for',
    'to',
    'while',
    'switch',
    'type',
    'method',
    'var',
    'x',
    'f',
    '1',
    '2.5',
    '"s',
    "'t'",
    '=',
    ':=',
    '=>',
    '==',
    '+',
    '-',
    'and',
    'not',
    '(',
    ')',
    '[',
    ']',
    '<',
    '>',
    ',',
    '.',
    '?',
    ':',
    ' ',
    '\n',
    '    ',
    '  ',
    '\t',
    '//c',
    '//@version=5',
    '#FF00FF',
    '#zz',
    'na',
    '!',
    '\r\n',
    'enum',
    'import',
    '/',
    'export',
  ];

  it('never throws and always terminates on token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const source = parts.join('');
        const result = parser.parse(source);
        for (const d of result.diagnostics) if (d.span) expect(d.span.end).toBeLessThanOrEqual(source.length);
        printPine(result.program);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        parser.parse(source);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  const goldenRoot = join(import.meta.dirname, '..', 'golden', 'parse');
  const goldenSources = readdirSync(goldenRoot).map((name) =>
    readFileSync(join(goldenRoot, name, 'input.pine'), 'utf8'),
  );

  it('never throws on token-level mutations of the golden inputs', () => {
    const mutation = fc.record({
      file: fc.nat({ max: goldenSources.length - 1 }),
      edits: fc.array(
        fc.tuple(
          fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
          fc.nat(),
          fc.constantFrom(...pieces),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const source = goldenSources[file];
        const tokens = new PineLexer(source).tokenize().tokens.filter((t) => t.image !== '');
        const images = tokens.map((t) => t.image);
        const gaps = tokens.map((t, i) =>
          source.slice(
            t.startOffset + t.image.length,
            i + 1 < tokens.length ? tokens[i + 1].startOffset : source.length,
          ),
        );
        for (const [kind, at, piece] of edits) {
          const i = at % Math.max(1, images.length);
          if (kind === 'delete') images[i] = '';
          else if (kind === 'duplicate') images[i] = images[i] + ' ' + images[i];
          else if (kind === 'insert') images[i] = piece + images[i];
          else if (i + 1 < images.length) [images[i], images[i + 1]] = [images[i + 1], images[i]];
        }
        const mutated = images.map((image, i) => image + gaps[i]).join('');
        printPine(parser.parse(mutated).program);
      }),
      { numRuns: 1500, seed: 3 },
    );
  });
});
