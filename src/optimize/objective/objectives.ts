import type { Diagnostic, DiagnosticDefinition } from '../../diagnostics/index.js';
import { LineMap } from '../../diagnostics/index.js';
import { optimizeCodes } from '../../diagnostics/codes/optimize.js';
import type { Direction } from '../sampler.js';
import { suggestion } from '../space.js';
import { parseExpression } from './syntax.js';
import type { ComparisonOp, Expr, TextRange } from './syntax.js';

/** A parsed objective: an arithmetic expression over metrics and its direction. */
export interface Objective {
  readonly text: string;
  readonly direction: Direction;
  readonly expr: Expr;
}

/** A parsed constraint: `left op right`. */
export interface Constraint {
  readonly text: string;
  readonly op: ComparisonOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** Functions the language knows, with their argument counts (max = Infinity for variadic). */
const FUNCTIONS: Readonly<Record<string, { min: number; max: number; fn: (args: number[]) => number }>> = {
  abs: { min: 1, max: 1, fn: (a) => Math.abs(a[0]) },
  log: { min: 1, max: 1, fn: (a) => Math.log(a[0]) },
  sqrt: { min: 1, max: 1, fn: (a) => Math.sqrt(a[0]) },
  exp: { min: 1, max: 1, fn: (a) => Math.exp(a[0]) },
  min: { min: 1, max: Infinity, fn: (a) => (a.some(Number.isNaN) ? NaN : Math.min(...a)) },
  max: { min: 1, max: Infinity, fn: (a) => (a.some(Number.isNaN) ? NaN : Math.max(...a)) },
};

/**
 * Metric names a trial reports by convention (snake case). An evaluator may report more; pass its
 * own list to the parse functions to validate against that instead.
 */
export const STANDARD_METRICS: readonly string[] = [
  'net_profit',
  'net_profit_pct',
  'gross_profit',
  'gross_loss',
  'max_drawdown',
  'max_drawdown_pct',
  'trades',
  'win_rate',
  'profit_factor',
  'avg_trade',
  'total_return',
  'cagr',
  'volatility',
  'sharpe',
  'sortino',
  'calmar',
  'max_drawdown_duration_bars',
  'ulcer_index',
  'omega',
  'tail_ratio',
  'exposure',
  'expectancy',
  'sqn',
  'kelly',
];

function problem(
  def: DiagnosticDefinition,
  text: string,
  file: string,
  range: TextRange,
  message: string,
  hint?: string,
): Diagnostic {
  const span = new LineMap(text).span(range.start, Math.max(range.end, range.start));
  return {
    code: def.code,
    severity: def.severity,
    message,
    file,
    span,
    ...(hint === undefined ? {} : { hint }),
  };
}

function check(
  expr: Expr,
  text: string,
  file: string,
  metrics: readonly string[] | undefined,
  out: Diagnostic[],
): void {
  switch (expr.kind) {
    case 'number':
      return;
    case 'metric':
      if (metrics !== undefined && !metrics.includes(expr.name)) {
        out.push(
          problem(
            optimizeCodes.unknownMetric,
            text,
            file,
            expr.range,
            `unknown metric '${expr.name}'`,
            suggestion(expr.name, metrics) ?? `known metrics: ${metrics.join(', ')}`,
          ),
        );
      }
      return;
    case 'negate':
      check(expr.operand, text, file, metrics, out);
      return;
    case 'binary':
    case 'compare':
      check(expr.left, text, file, metrics, out);
      check(expr.right, text, file, metrics, out);
      return;
    case 'call': {
      const f = FUNCTIONS[expr.name] as (typeof FUNCTIONS)[string] | undefined;
      if (f === undefined) {
        out.push(
          problem(
            optimizeCodes.unknownFunction,
            text,
            file,
            { start: expr.range.start, end: expr.range.start + expr.name.length },
            `unknown function '${expr.name}'`,
            suggestion(expr.name, Object.keys(FUNCTIONS)) ??
              `functions: ${Object.keys(FUNCTIONS).join(', ')}`,
          ),
        );
      } else if (expr.args.length < f.min || expr.args.length > f.max) {
        const wanted = f.max === Infinity ? `at least ${f.min}` : `${f.min}`;
        out.push(
          problem(
            optimizeCodes.wrongArity,
            text,
            file,
            expr.range,
            `${expr.name} takes ${wanted} argument${f.min === 1 && f.max === 1 ? '' : 's'}, got ${expr.args.length}`,
          ),
        );
      }
      for (const a of expr.args) check(a, text, file, metrics, out);
      return;
    }
  }
}

function parseChecked(
  text: string,
  offset: number,
  file: string,
  metrics: readonly string[] | undefined,
): { expr?: Expr; diagnostics: Diagnostic[] } {
  const body = text.slice(offset);
  const { expr, problem: p } = parseExpression(body);
  const shift = (r: TextRange): TextRange => ({ start: r.start + offset, end: r.end + offset });
  if (p !== undefined || expr === undefined) {
    return {
      diagnostics: [
        problem(
          optimizeCodes.expressionSyntax,
          text,
          file,
          shift(p?.range ?? { start: 0, end: 0 }),
          p?.message ?? 'empty',
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  check(expr, body, file, metrics, diagnostics);
  // Spans were computed against the body; recompute them against the whole text.
  const fixed = diagnostics.map((d) =>
    d.span === undefined
      ? d
      : { ...d, span: new LineMap(text).span(d.span.start + offset, d.span.end + offset) },
  );
  return { expr, diagnostics: fixed };
}

/**
 * Parses an objective: an optional direction prefix `max:`/`maximize:`/`min:`/`minimize:` (default
 * maximise) and an arithmetic expression over metric names. With `metrics`, names are checked and
 * unknown ones get a did-you-mean hint. `file` names the source in diagnostics (e.g. `--objective`).
 */
export function parseObjective(
  text: string,
  metrics?: readonly string[],
  file = '--objective',
): { objective?: Objective; diagnostics: Diagnostic[] } {
  const prefix = /^\s*(max|maximize|maximise|min|minimize|minimise)\s*:/i.exec(text);
  const direction: Direction =
    prefix !== null && prefix[1].toLowerCase().startsWith('min') ? 'minimize' : 'maximize';
  const offset = prefix === null ? 0 : prefix[0].length;
  const { expr, diagnostics } = parseChecked(text, offset, file, metrics);
  if (expr === undefined) return { diagnostics };
  if (expr.kind === 'compare') {
    diagnostics.push(
      problem(
        optimizeCodes.objectiveIsComparison,
        text,
        file,
        { start: expr.range.start + offset, end: expr.range.end + offset },
        'an objective must be a number, not a comparison',
        'pass comparisons with --constraint',
      ),
    );
  }
  return diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics }
    : { objective: { text, direction, expr }, diagnostics };
}

/** Parses a constraint: one comparison such as `trades >= 30`. */
export function parseConstraint(
  text: string,
  metrics?: readonly string[],
  file = '--constraint',
): { constraint?: Constraint; diagnostics: Diagnostic[] } {
  const { expr, diagnostics } = parseChecked(text, 0, file, metrics);
  if (expr === undefined) return { diagnostics };
  if (expr.kind !== 'compare') {
    diagnostics.push(
      problem(
        optimizeCodes.constraintNotComparison,
        text,
        file,
        expr.range,
        'a constraint must compare two values',
        `for example '${text.trim()} >= 0'`,
      ),
    );
    return { diagnostics };
  }
  return diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics }
    : { constraint: { text, op: expr.op, left: expr.left, right: expr.right }, diagnostics };
}

/**
 * Evaluates an arithmetic expression against a trial's metrics. A missing metric is reported
 * through `missing` (and evaluates to NaN); NaN propagates.
 */
export function evaluateExpression(
  expr: Expr,
  metrics: Readonly<Record<string, number>>,
  missing?: (name: string) => void,
): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'metric': {
      if (!(expr.name in metrics)) {
        missing?.(expr.name);
        return NaN;
      }
      return metrics[expr.name];
    }
    case 'negate':
      return -evaluateExpression(expr.operand, metrics, missing);
    case 'binary': {
      const a = evaluateExpression(expr.left, metrics, missing);
      const b = evaluateExpression(expr.right, metrics, missing);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
      break;
    }
    case 'compare':
      return violation(
        expr.op,
        evaluateExpression(expr.left, metrics, missing),
        evaluateExpression(expr.right, metrics, missing),
      ) === 0
        ? 1
        : 0;
    case 'call':
      return FUNCTIONS[expr.name].fn(expr.args.map((a) => evaluateExpression(a, metrics, missing)));
  }
}

/**
 * How far `a op b` is from holding: 0 when it holds, else a positive distance (|a − b|, or the
 * smallest positive double for a strict comparison at equality); Infinity when either side is NaN.
 */
export function violation(op: ComparisonOp, a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  switch (op) {
    case '>=':
      return a >= b ? 0 : b - a;
    case '<=':
      return a <= b ? 0 : a - b;
    case '>':
      return a > b ? 0 : Math.max(b - a, Number.MIN_VALUE);
    case '<':
      return a < b ? 0 : Math.max(a - b, Number.MIN_VALUE);
    case '==':
      return Math.abs(a - b);
    case '!=':
      return a !== b ? 0 : 1;
  }
}

/** Violation of a constraint for a trial's metrics. */
export function constraintViolation(
  c: Constraint,
  metrics: Readonly<Record<string, number>>,
  missing?: (name: string) => void,
): number {
  return violation(
    c.op,
    evaluateExpression(c.left, metrics, missing),
    evaluateExpression(c.right, metrics, missing),
  );
}
