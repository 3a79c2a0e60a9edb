import { describe, expect, it } from 'vitest';
import { PineLexer } from '../../src/parser/index.js';

/** Token names with layout tokens shown as NL/IN/DE, to read the lexer's block decisions. */
function layout(source: string): string {
  return new PineLexer(source)
    .tokenize()
    .tokens.map((t) => ({ Newline: 'NL', Indent: 'IN', Dedent: 'DE' })[t.tokenType.name] ?? t.image)
    .join(' ');
}

describe('Pine layout rules', () => {
  it('turns 4-space indentation into blocks and closes each with a newline', () => {
    expect(layout('if a\n    b\nc\n')).toBe('if a NL IN b NL DE NL c NL');
  });

  it('keeps the owning statement open across a dedent into else', () => {
    expect(layout('if a\n    b\nelse\n    c\n')).toBe('if a NL IN b NL DE else NL IN c NL DE NL');
  });

  it('closes nested blocks one newline per level, except before else', () => {
    expect(layout('if a\n    if b\n        c\nelse\n    d\n')).toBe(
      'if a NL IN if b NL IN c NL DE NL DE else NL IN d NL DE NL',
    );
  });

  it('continues a line indented by a non-multiple of 4, even when it starts with an operator', () => {
    expect(layout('x = a +\n  b\n     - c\ny = 1\n')).toBe('x = a + b - c NL y = 1 NL');
  });

  it('ignores line breaks and indentation inside brackets', () => {
    expect(layout('f(a,\n    b,\nc)\n')).toBe('f ( a , b , c ) NL');
  });

  it('lets comment lines at any indentation neither open nor close blocks', () => {
    expect(layout('if a\n// top\n      // odd\n    b\n  // two\nc\n')).toBe('if a NL IN b NL DE NL c NL');
  });

  it('counts a tab as 4 spaces', () => {
    expect(layout('if a\n\tb\n')).toBe('if a NL IN b NL DE NL');
  });

  it('reads a [ at the start of a line as a new statement', () => {
    expect(layout('x = 1\n[a, b] = f()\n')).toBe('x = 1 NL [ a , b ] = f ( ) NL');
  });

  it('reads every literal form', () => {
    const tokens = new PineLexer(
      '1 1.5 .5 1e-5 2.5E+3 7. "a\\"b" \'c\' #FF8800 #ff880080 true false na',
    ).tokenize().tokens;
    expect(tokens.map((t) => t.tokenType.name)).toEqual([
      'IntLiteral',
      'FloatLiteral',
      'FloatLiteral',
      'FloatLiteral',
      'FloatLiteral',
      'FloatLiteral',
      'StringLiteral',
      'StringLiteral',
      'ColorLiteral',
      'ColorLiteral',
      'True',
      'False',
      'Na',
      'Newline',
    ]);
  });

  it('keeps comments and annotations with their positions', () => {
    const { comments } = new PineLexer('//@version=5\nx = 1 // note\n//@function does it\n').tokenize();
    expect(comments.map((c) => [c.span.line, c.ownLine, c.annotation, c.annotationValue])).toEqual([
      [1, true, 'version', '5'],
      [2, false, undefined, undefined],
      [3, true, 'function', 'does it'],
    ]);
  });
});
