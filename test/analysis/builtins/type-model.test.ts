import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BOOL,
  FLOAT,
  INT,
  NA,
  QUALIFIERS,
  STRING,
  TypeBindings,
  arrayOf,
  assignRulesFor,
  idType,
  isAssignable,
  isTypeAssignable,
  joinQualifier,
  mapOf,
  matrixOf,
  parseQualifiedType,
  printQualifiedType,
  printType,
  qualified,
  specialType,
  tryParseQualifiedType,
  tryParseType,
  tupleOf,
  typeParam,
  typesEqual,
  udtType,
} from '../../../src/analysis/types/index.js';
import type { PineType, Qualifier } from '../../../src/analysis/types/index.js';

describe('qualifiers', () => {
  test('the result of an operation takes the strongest qualifier (Pine manual, "Type system")', () => {
    expect(joinQualifier('const', 'series')).toBe('series');
    expect(joinQualifier('input', 'simple')).toBe('simple');
    expect(joinQualifier('input', 'const')).toBe('input');
    expect(joinQualifier('const', 'const')).toBe('const');
  });

  test('join is commutative, associative and has const as identity', () => {
    const q = fc.constantFrom<Qualifier>(...QUALIFIERS);
    fc.assert(
      fc.property(q, q, q, (a, b, c) => {
        expect(joinQualifier(a, b)).toBe(joinQualifier(b, a));
        expect(joinQualifier(joinQualifier(a, b), c)).toBe(joinQualifier(a, joinQualifier(b, c)));
        expect(joinQualifier('const', a)).toBe(a);
      }),
    );
  });
});

describe('printed form', () => {
  test.each([
    ['series float', 'series float'],
    ['simple int', 'simple int'],
    ['array<float>', 'series array<float>'],
    ['float[]', 'series array<float>'],
    ['const map<string, int>', 'const map<string, int>'],
    ['matrix<float>', 'series matrix<float>'],
    ['[series float, series float, series float]', '[series float, series float, series float]'],
    ['void', 'void'],
    ['series chart.point', 'series chart.point'],
    ['input plot_display', 'input plot_display'],
    ['series MyType', 'series MyType'],
    ['array<array<int>>', 'series array<array<int>>'],
  ])('%s reads and prints as %s', (text, printed) => {
    expect(printQualifiedType(parseQualifiedType(text))).toBe(printed);
  });

  test.each([
    'array<',
    'series',
    'map<int>',
    '[series float]',
    'float ]',
    'simple simple int',
    'array<float> x',
    '?int',
  ])('%s is not a type', (text) => {
    expect(tryParseQualifiedType(text)).toBeUndefined();
  });

  test('a tuple takes the strongest qualifier of its elements', () => {
    expect(parseQualifiedType('[simple float, series int]').qualifier).toBe('series');
  });

  test('letters are type parameters only when asked for', () => {
    expect(tryParseType('array<T>', { typeParams: ['T'] })).toEqual(arrayOf(typeParam('T')));
    expect(tryParseType('array<T>')).toEqual(arrayOf(udtType('T')));
  });

  const typeArb: fc.Arbitrary<PineType> = fc.letrec<{ t: PineType }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<PineType>(
        INT,
        FLOAT,
        BOOL,
        STRING,
        NA,
        idType('label'),
        specialType('plot_style'),
        udtType('Bar'),
      ),
      tie('t').map(arrayOf),
      tie('t').map(matrixOf),
      fc.tuple(tie('t'), tie('t')).map(([k, v]) => mapOf(k, v)),
    ),
  })).t;

  test('printType and tryParseType are inverses', () => {
    fc.assert(
      fc.property(typeArb, (t) => {
        const back = tryParseType(printType(t));
        expect(back).toBeDefined();
        expect(typesEqual(back!, t)).toBe(true);
      }),
    );
  });
});

describe('assignability', () => {
  const v5 = assignRulesFor(5);
  const v6 = assignRulesFor(6);

  test('int widens to float, never the reverse', () => {
    expect(isTypeAssignable(INT, FLOAT)).toBe(true);
    expect(isTypeAssignable(FLOAT, INT)).toBe(false);
  });

  test('a series cannot go where simple is required (ta.ema length)', () => {
    expect(isAssignable(qualified('series', INT), qualified('simple', INT))).toBe(false);
    expect(isAssignable(qualified('input', INT), qualified('simple', INT))).toBe(true);
    expect(isAssignable(qualified('const', INT), qualified('series', FLOAT))).toBe(true);
  });

  test('na is a bool in v5 but not in v6 (v6 migration guide)', () => {
    expect(isTypeAssignable(NA, BOOL, v5)).toBe(true);
    expect(isTypeAssignable(NA, BOOL, v6)).toBe(false);
    expect(isTypeAssignable(NA, FLOAT, v6)).toBe(true);
  });

  test('numbers cast to bool implicitly only before v6', () => {
    expect(isTypeAssignable(INT, BOOL, v5)).toBe(true);
    expect(isTypeAssignable(INT, BOOL, v6)).toBe(false);
  });

  test('na stands for a built-in constant type only before v6', () => {
    expect(isTypeAssignable(NA, specialType('plot_style'), v5)).toBe(true);
    expect(isTypeAssignable(NA, specialType('plot_style'), v6)).toBe(false);
  });

  test('collections are invariant', () => {
    expect(isTypeAssignable(arrayOf(INT), arrayOf(FLOAT))).toBe(false);
    expect(isTypeAssignable(arrayOf(INT), arrayOf(typeParam('T')))).toBe(true);
    expect(isTypeAssignable(arrayOf(STRING), arrayOf(typeParam('N')))).toBe(false);
  });

  test('display.all fits a plot_display, display.data_window does not fit a plot_simple_display', () => {
    expect(isTypeAssignable(specialType('plot_simple_display'), specialType('plot_display'))).toBe(true);
    expect(isTypeAssignable(specialType('plot_display'), specialType('plot_simple_display'))).toBe(false);
  });

  test('tuples match element by element', () => {
    const t = (q: Qualifier): PineType => tupleOf([qualified(q, FLOAT), qualified('series', INT)]);
    expect(isTypeAssignable(t('simple'), t('series'))).toBe(true);
    expect(isTypeAssignable(t('series'), t('simple'))).toBe(false);
  });
});

describe('type parameter bindings', () => {
  test('array.get on array<float> yields float', () => {
    const b = new TypeBindings();
    expect(b.unify(arrayOf(typeParam('T')), arrayOf(FLOAT))).toBe(true);
    expect(b.unify(INT, INT)).toBe(true);
    expect(printType(b.substitute(typeParam('T')))).toBe('float');
  });

  test('nz(int, 0.5) widens T to float; na binds nothing', () => {
    const b = new TypeBindings();
    expect(b.unify(typeParam('T'), INT)).toBe(true);
    expect(b.unify(typeParam('T'), NA)).toBe(true);
    expect(b.unify(typeParam('T'), FLOAT)).toBe(true);
    expect(b.get('T')).toBe(FLOAT);
    expect(b.unify(typeParam('T'), STRING)).toBe(false);
  });

  test('inside collections the element type must match exactly', () => {
    const b = new TypeBindings();
    expect(b.unify(mapOf(typeParam('K'), typeParam('V')), mapOf(STRING, FLOAT))).toBe(true);
    expect(b.unify(typeParam('K'), STRING)).toBe(true);
    expect(b.unify(arrayOf(typeParam('V')), arrayOf(INT))).toBe(false);
  });

  test('constraints refuse what the letter does not stand for', () => {
    const b = new TypeBindings();
    expect(b.unify(arrayOf(typeParam('N')), arrayOf(STRING))).toBe(false);
    expect(b.bind('K', arrayOf(INT))).toBe(false);
  });
});
