import { describe, expect, it } from 'vitest';
import { argList, group, isPrimary, stringLiteralValue } from '../../../src/codegen/builtins/misc.js';

describe('emitter helpers', () => {
  it('tell primary expressions from those needing parentheses', () => {
    for (const e of [
      'x',
      'this.a.get(0)',
      'ctx.closeAt(1)',
      "'a b'",
      '"x + y"',
      'a[i + 1]',
      '(a + b)',
      '1.5',
    ]) {
      expect(isPrimary(e), e).toBe(true);
    }
    for (const e of [
      'a + b',
      '-1',
      '!x',
      'c ? p : q',
      'new rt.Fixnan()',
      'x as number',
      '(a) + (b)',
      "'a' + 'b'",
    ]) {
      expect(isPrimary(e), e).toBe(false);
    }
    expect(group('a + b')).toBe('(a + b)');
    expect(group(' x ')).toBe('x');
  });
  it('decode string literals in either quote style', () => {
    expect(stringLiteralValue('"fast \\"ema\\""')).toBe('fast "ema"');
    expect(stringLiteralValue("'it\\'s \"x\"'")).toBe('it\'s "x"');
    expect(stringLiteralValue("''")).toBe('');
    expect(stringLiteralValue('"a" + "b"')).toBeUndefined();
    expect(stringLiteralValue('title')).toBeUndefined();
  });
  it('leave out trailing defaults and write undefined for inner ones', () => {
    expect(argList(['a', undefined, 'c', undefined])).toBe('a, undefined, c');
    expect(argList([undefined, undefined])).toBe('');
  });
});
