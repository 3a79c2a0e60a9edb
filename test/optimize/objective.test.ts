import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../../src/diagnostics/index.js';
import {
  constraintViolation,
  evaluateExpression,
  parseConstraint,
  parseObjective,
  STANDARD_METRICS,
} from '../../src/optimize/index.js';

const metrics = { net_profit_pct: 42, max_drawdown_pct: 12, sharpe: 1.5, trades: 25, profit_factor: 1.8 };

function value(text: string): number {
  const { objective, diagnostics } = parseObjective(text, STANDARD_METRICS);
  expect(diagnostics).toEqual([]);
  return evaluateExpression(objective!.expr, metrics);
}

describe('objective expressions', () => {
  it('evaluates with the usual precedence and associativity', () => {
    expect(value('net_profit_pct - 0.5 * max_drawdown_pct')).toBe(36);
    expect(value('2 + 3 * 2 ^ 2')).toBe(14);
    expect(value('2 ^ 3 ^ 2')).toBe(512); // right-associative
    expect(value('-2 ^ 2')).toBe(-4); // unary minus binds looser than ^
    expect(value('(2 + 3) * 2')).toBe(10);
    expect(value('10 - 4 - 3')).toBe(3); // left-associative
    expect(value('abs(-3) + min(4, 2, 9) + max(1, sharpe) + sqrt(16) + log(1)')).toBe(3 + 2 + 1.5 + 4 + 0);
    expect(value('1.5e2 / .5')).toBe(300);
  });

  it('reads the direction prefix (default maximise)', () => {
    expect(parseObjective('sharpe').objective?.direction).toBe('maximize');
    expect(parseObjective('min: max_drawdown_pct').objective?.direction).toBe('minimize');
    expect(parseObjective('maximize:profit_factor').objective?.direction).toBe('maximize');
  });

  it('reports syntax errors with their column', () => {
    const a = parseObjective('sharpe +');
    expect(a.objective).toBeUndefined();
    expect(a.diagnostics[0]).toMatchObject({
      code: 'PP7020',
      message: "expected a number, metric or '(' but found end of expression",
      span: { line: 1, column: 9 },
    });
    const b = parseObjective('(sharpe * 2');
    expect(b.diagnostics[0].message).toBe(
      "expected ')' to close the '(' at column 1, found end of expression",
    );
    const c = parseObjective('sharpe = 2');
    expect(c.diagnostics[0]).toMatchObject({
      span: { column: 8 },
      message: "unexpected character '=' (use '==' to compare)",
    });
    const d = parseObjective('max: sharpe sharpe');
    expect(d.diagnostics[0]).toMatchObject({ span: { column: 13, endColumn: 19 } });
    const e = parseConstraint('1 < trades < 5');
    expect(e.diagnostics[0].message).toContain('cannot be chained');
    expect(e.diagnostics[0].span?.column).toBe(12);
  });

  it('names unknown metrics with a did-you-mean hint and a caret under the name', () => {
    const text = 'net_profit_pct - 0.5 * max_drawdwn_pct';
    const { diagnostics } = parseObjective(text, STANDARD_METRICS);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'PP7021',
      message: "unknown metric 'max_drawdwn_pct'",
      hint: "did you mean 'max_drawdown_pct'?",
      span: { start: 23, end: 38, column: 24 },
    });
    expect(renderDiagnostic(diagnostics[0], text).split('\n')).toEqual([
      "--objective:1:24: error PP7021: unknown metric 'max_drawdwn_pct'",
      '  1 | net_profit_pct - 0.5 * max_drawdwn_pct',
      '    |                        ^^^^^^^^^^^^^^^',
      "  hint: did you mean 'max_drawdown_pct'?",
    ]);
    // With the direction prefix the columns still point into the whole text.
    expect(parseObjective('min: sharp', STANDARD_METRICS).diagnostics[0]).toMatchObject({
      span: { column: 6 },
      hint: "did you mean 'sharpe'?",
    });
  });

  it('checks functions and argument counts', () => {
    expect(parseObjective('sqr(sharpe)').diagnostics[0]).toMatchObject({
      code: 'PP7022',
      hint: "did you mean 'sqrt'?",
    });
    expect(parseObjective('abs(1, 2)').diagnostics[0]).toMatchObject({
      code: 'PP7023',
      message: 'abs takes 1 argument, got 2',
    });
    expect(parseObjective('min()').diagnostics[0].message).toBe('min takes at least 1 arguments, got 0');
  });

  it('separates objectives from constraints', () => {
    expect(parseObjective('trades >= 30').diagnostics[0].code).toBe('PP7025');
    expect(parseConstraint('trades').diagnostics[0].code).toBe('PP7024');
  });

  it('measures constraint violations', () => {
    const c = (text: string): number => constraintViolation(parseConstraint(text).constraint!, metrics);
    expect(c('trades >= 30')).toBe(5);
    expect(c('trades >= 20')).toBe(0);
    expect(c('max_drawdown_pct <= 10')).toBe(2);
    expect(c('trades > 25')).toBe(Number.MIN_VALUE); // equality violates a strict comparison
    expect(c('sharpe != 1.5')).toBe(1);
    expect(constraintViolation(parseConstraint('sortino > 1').constraint!, metrics)).toBe(Infinity); // missing → NaN
  });
});
