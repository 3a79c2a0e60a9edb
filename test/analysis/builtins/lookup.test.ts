import { describe, expect, test } from 'vitest';
import {
  callResultType,
  getBuiltinCatalogue,
  lookupConstant,
  lookupFunction,
  lookupVariable,
  methodsFor,
  namespaceMembers,
} from '../../../src/analysis/builtins/index.js';
import type { BuiltinOverload } from '../../../src/analysis/builtins/index.js';
import {
  FLOAT,
  INT,
  TypeBindings,
  arrayOf,
  idType,
  printQualifiedType,
  qualified,
  tupleOf,
} from '../../../src/analysis/types/index.js';

const paramNames = (o: BuiltinOverload): string[] => o.params.map((p) => p.name);

describe('lookupFunction', () => {
  test('ta.sma: one overload, series source and length, series float result (v6 manual)', () => {
    const sma = lookupFunction('ta.sma', 6)!;
    expect(sma.overloads.map((o) => o.signature)).toEqual([
      'ta.sma(source: series float, length: series int): series float',
    ]);
    expect(sma.entry.flags.stateful).toBe(true);
    expect(printQualifiedType(sma.overloads[0].result)).toBe('series float');
  });

  test('ta.ema needs a simple length; ta.macd returns three series', () => {
    expect(printQualifiedType(lookupFunction('ta.ema', 6)!.overloads[0].params[1].type)).toBe('simple int');
    expect(printQualifiedType(lookupFunction('ta.macd', 6)!.overloads[0].result)).toBe(
      '[series float, series float, series float]',
    );
  });

  test('strategy.entry lost `when` in v6 (v6 migration guide); v5 still has it after `comment`', () => {
    const v6 = paramNames(lookupFunction('strategy.entry', 6)!.overloads[0]);
    const v5 = paramNames(lookupFunction('strategy.entry', 5)!.overloads[0]);
    expect(v6).not.toContain('when');
    expect(v5.slice(7, 10)).toEqual(['comment', 'when', 'alert_message']);
  });

  test('strategy() margins default to 100 in v6 and 0 in v5 (v6 migration guide)', () => {
    const margin = (v: 5 | 6): string | undefined =>
      lookupFunction('strategy', v)!.overloads[0].params.find((p) => p.name === 'margin_long')!.defaultText;
    expect(margin(6)).toBe('100');
    expect(margin(5)).toBe('0');
  });

  test('v4 names resolve to their v5 entries with the alias attached; v5+ does not know them', () => {
    const sma = lookupFunction('sma', 4)!;
    expect(sma.entry.name).toBe('ta.sma');
    expect(sma.alias?.advice).toContain('ta.sma');
    expect(lookupFunction('security', 4)!.alias!.paramRenames).toEqual({ resolution: 'timeframe' });
    expect(lookupFunction('sma', 5)).toBeUndefined();
    expect(lookupFunction('ta.sma', 4)).toBeUndefined();
    // iff() is a real v4 built-in (v4 reference) that v5 removed in favour of the ternary.
    expect(lookupFunction('iff', 4)!.entry.name).toBe('iff');
    expect(lookupFunction('iff', 5)).toBeUndefined();
  });

  test('math.abs keeps the argument qualifier: auto result, int and float overloads', () => {
    const abs = lookupFunction('math.abs', 6)!;
    expect(abs.overloads.map((o) => [o.resultQualifierFromArgs, o.result.qualifier, o.result.type])).toEqual([
      [true, 'const', INT],
      [true, 'const', FLOAT],
    ]);
  });

  test('array.get binds T from its receiver, so the result type follows the array', () => {
    const get = lookupFunction('array.get', 6)!.overloads[0];
    const b = new TypeBindings();
    expect(b.unify(get.params[0].type.type, arrayOf(FLOAT))).toBe(true);
    expect(printQualifiedType(b.substituteQualified(get.result))).toBe('series float');
    expect(lookupFunction('array.new', 6)!.overloads[0].explicitTypeParams).toEqual(['T']);
  });

  test('input.enum is v5+ and input() has a v4 form with `type`', () => {
    expect(lookupFunction('input.enum', 4)).toBeUndefined();
    expect(lookupFunction('input.enum', 6)!.entry.flags.input).toBe(true);
    expect(lookupFunction('input', 4)!.overloads.some((o) => paramNames(o).includes('type'))).toBe(true);
    expect(lookupFunction('input', 6)!.overloads.some((o) => paramNames(o).includes('type'))).toBe(false);
  });
});

describe('variables and constants', () => {
  test('types and qualifiers from the manual', () => {
    expect(printQualifiedType(lookupVariable('close', 6)!.entry.type)).toBe('series float');
    expect(printQualifiedType(lookupVariable('syminfo.mintick', 6)!.entry.type)).toBe('simple float');
    expect(printQualifiedType(lookupVariable('timeframe.period', 6)!.entry.type)).toBe('simple string');
    expect(printQualifiedType(lookupConstant('strategy.long', 6)!.entry.type)).toBe(
      'const strategy_direction',
    );
    expect(printQualifiedType(lookupConstant('plot.style_line', 6)!.entry.type)).toBe('const plot_style');
    expect(lookupVariable('timeframe.main_period', 5)).toBeUndefined();
  });

  test('values where the manual states them', () => {
    expect(lookupConstant('color.red', 6)!.entry.value).toBe('#F23645');
    expect(lookupConstant('dayofweek.sunday', 6)!.entry.value).toBe(1);
    expect(lookupConstant('math.pi', 6)!.entry.value).toBeCloseTo(Math.PI, 15);
  });

  test('v4 spellings: tr → ta.tr, red → color.red', () => {
    expect(lookupVariable('tr', 4)!.entry.name).toBe('ta.tr');
    expect(lookupConstant('red', 4)!.entry.name).toBe('color.red');
    expect(lookupConstant('input.integer', 4)).toBeDefined();
    expect(lookupConstant('input.integer', 5)).toBeUndefined();
  });
});

describe('methods and namespaces', () => {
  test('arr.push(x) is array.push(arr, x); drawings have methods; v4 has none', () => {
    const methods = methodsFor(arrayOf(FLOAT), 6).map((m) => m.methodName);
    expect(methods).toEqual(expect.arrayContaining(['push', 'get', 'size', 'avg', 'sum', 'shift']));
    expect(methods).not.toContain('new_float');
    expect(methods).not.toContain('from');
    expect(methodsFor(idType('line'), 6).map((m) => m.methodName)).toContain('set_xy1');
    expect(methodsFor(arrayOf(FLOAT), 4)).toEqual([]);
    const linenew = getBuiltinCatalogue().lookupMethod(idType('line'), 'new', 6);
    expect(linenew).toBeUndefined();
  });

  test('namespaceMembers lists entries and sub-namespaces for "did you mean"', () => {
    const names = namespaceMembers('strategy').map((m) => `${m.kind}:${m.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'function:strategy.entry',
        'namespace:strategy.risk',
        'variable:strategy.equity',
      ]),
    );
    expect(namespaceMembers('').map((m) => `${m.kind}:${m.name}`)).toEqual(
      expect.arrayContaining(['function:color', 'namespace:color', 'namespace:ta', 'variable:close']),
    );
    expect(getBuiltinCatalogue().isNamespace('strategy.risk')).toBe(true);
    expect(getBuiltinCatalogue().isNamespace('self')).toBe(false);
  });
});

describe('v4 view', () => {
  test('v4 `sma` needs a simple length; v5/v6 `ta.sma` takes a series (issue 3, v4 qualifier rules)', () => {
    const v4 = lookupFunction('sma', 4)!.overloads[0];
    expect(v4.signature).toBe('ta.sma(source: series float, length: simple int): series float');
    expect(printQualifiedType(lookupFunction('ta.sma', 5)!.overloads[0].params[1].type)).toBe('series int');
  });

  test('names v5 introduced are unknown in v4 under any name', () => {
    expect(lookupFunction('rci', 4)).toBeUndefined();
    expect(lookupFunction('ta.rci', 4)).toBeUndefined();
    expect(lookupVariable('ta.tr', 4)).toBeUndefined();
    expect(lookupConstant('color.red', 4)).toBeDefined();
    expect(getBuiltinCatalogue().overloadsIn('ta.rci', 4)).toEqual([]);
  });
});

describe('callResultType', () => {
  test('auto results follow the arguments: math.abs(input int) is input int, math.avg is at least simple', () => {
    const abs = lookupFunction('math.abs', 6)!.overloads[0];
    expect(printQualifiedType(callResultType(abs, new TypeBindings(), ['input']))).toBe('input int');
    const avg = lookupFunction('math.avg', 6)!.overloads[0];
    expect(printQualifiedType(callResultType(avg, new TypeBindings(), ['const', 'const']))).toBe(
      'simple float',
    );
    expect(printQualifiedType(callResultType(avg, new TypeBindings(), ['const', 'series']))).toBe(
      'series float',
    );
  });

  test('request.security with a tuple expression returns a tuple of series', () => {
    const sec = lookupFunction('request.security', 6)!.overloads[0];
    const b = new TypeBindings();
    b.unify(sec.params[2].type.type, tupleOf([qualified('series', FLOAT), qualified('simple', INT)]));
    expect(printQualifiedType(callResultType(sec, b, ['simple', 'simple', 'series']))).toBe(
      '[series float, series int]',
    );
  });

  test('namespaceMembers for a version hides what that version cannot name', () => {
    const v4 = namespaceMembers('ta', 4).map((m) => m.name);
    expect(v4).toEqual([]);
    expect(namespaceMembers('', 4).map((m) => m.name)).not.toContain('ta');
    expect(namespaceMembers('', 4).map((m) => `${m.kind}:${m.name}`)).toEqual(
      expect.arrayContaining(['function:sma', 'variable:tr', 'function:study', 'function:plot']),
    );
    expect(namespaceMembers('strategy', 4).map((m) => m.name)).toContain('strategy.entry');
    expect(namespaceMembers('input', 6).map((m) => `${m.kind}:${m.name}`)).not.toContain(
      'constant:input.integer',
    );
  });
});
