import { describe, expect, it } from 'vitest';
import { allDiagnosticDefinitions, LineMap, renderDiagnostic } from '../../src/diagnostics/index.js';

describe('diagnostic registry', () => {
  it('has unique, well-formed codes', () => {
    const defs = allDiagnosticDefinitions();
    expect(defs.length).toBeGreaterThan(5);
    const codes = defs.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^PP[1-9]\d{3}$/);
  });
});

describe('LineMap', () => {
  it('maps offsets to 1-based lines and columns across LF and CRLF', () => {
    const map = new LineMap('ab\ncd\r\nef');
    expect(map.position(0)).toEqual({ line: 1, column: 1 });
    expect(map.position(4)).toEqual({ line: 2, column: 2 });
    expect(map.position(7)).toEqual({ line: 3, column: 1 });
    expect(map.lineText(2)).toBe('cd');
  });
});

describe('renderDiagnostic', () => {
  it('prints file:line:col, a code frame with a caret under the span, and the hint', () => {
    const source = 'a = 1\nb = )\n';
    const map = new LineMap(source);
    const text = renderDiagnostic(
      {
        code: 'PP1004',
        severity: 'error',
        message: "unexpected ')'",
        hint: 'remove it',
        file: 'x.pine',
        span: map.span(10, 11),
      },
      source,
    );
    expect(text).toBe(
      [
        "x.pine:2:5: error PP1004: unexpected ')'",
        '  1 | a = 1',
        '  2 | b = )',
        '    |     ^',
        '  hint: remove it',
      ].join('\n'),
    );
  });
});
