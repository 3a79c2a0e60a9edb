/**
 * The objective/constraint expression language: numbers, metric names, `+ - * / ^`, unary minus,
 * parentheses, calls (`abs min max log sqrt exp`) and one comparison (`>= <= > < == !=`) for
 * constraints. A tokenizer and a Pratt (top-down operator precedence) parser; errors are values
 * carrying offsets into the expression text.
 */

/** Offsets into the expression text, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type ComparisonOp = '>=' | '<=' | '>' | '<' | '==' | '!=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly range: TextRange }
  | { readonly kind: 'metric'; readonly name: string; readonly range: TextRange }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly range: TextRange }
  | {
      readonly kind: 'binary';
      readonly op: ArithmeticOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly range: TextRange;
    }
  | {
      readonly kind: 'compare';
      readonly op: ComparisonOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly range: TextRange;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly range: TextRange;
    };

type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A syntax error at a place in the text. */
export interface SyntaxProblem {
  readonly message: string;
  readonly range: TextRange;
}

const OPERATORS = ['>=', '<=', '==', '!=', '>', '<', '+', '-', '*', '/', '^'];

/** Splits an expression into tokens; the first unexpected character is a problem. */
export function tokenize(text: string): { tokens: Token[]; problem?: SyntaxProblem } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0], start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const hint =
      c === '='
        ? " (use '==' to compare)"
        : c === '&' || c === '|'
          ? ' (give each constraint its own --constraint)'
          : '';
    return {
      tokens,
      problem: { message: `unexpected character '${c}'${hint}`, range: { start: i, end: i + 1 } },
    };
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return { tokens };
}

/** Binding powers: comparison < additive < multiplicative < unary < power. */
const INFIX: Readonly<Record<string, { left: number; right: number }>> = {
  '>=': { left: 10, right: 11 },
  '<=': { left: 10, right: 11 },
  '>': { left: 10, right: 11 },
  '<': { left: 10, right: 11 },
  '==': { left: 10, right: 11 },
  '!=': { left: 10, right: 11 },
  '+': { left: 20, right: 21 },
  '-': { left: 20, right: 21 },
  '*': { left: 30, right: 31 },
  '/': { left: 30, right: 31 },
  // Right-associative: 2^3^2 = 2^(3^2).
  '^': { left: 50, right: 49 },
};
const PREFIX_MINUS = 40;

class SyntaxFailure extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** Parses one expression; the whole text must be consumed. */
export function parseExpression(text: string): { expr?: Expr; problem?: SyntaxProblem } {
  const { tokens, problem } = tokenize(text);
  if (problem !== undefined) return { problem };
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const fail = (message: string, token: Token): never => {
    throw new SyntaxFailure({
      message,
      range: { start: token.start, end: Math.max(token.end, token.start + 1) },
    });
  };
  const describe = (t: Token): string => (t.kind === 'end' ? 'end of expression' : `'${t.text}'`);

  const parse = (minPower: number): Expr => {
    let left = prefix();
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') break;
      const power = INFIX[t.text];
      if (power.left < minPower) break;
      pos++;
      const right = parse(power.right);
      const range = { start: left.range.start, end: right.range.end };
      if (power.left === 10) {
        if (left.kind === 'compare')
          fail('comparisons cannot be chained; write one constraint per comparison', t);
        left = { kind: 'compare', op: t.text as ComparisonOp, left, right, range };
        if (peek().kind === 'op' && INFIX[peek().text].left === 10) {
          fail('comparisons cannot be chained; write one constraint per comparison', peek());
        }
      } else {
        left = { kind: 'binary', op: t.text as ArithmeticOp, left, right, range };
      }
    }
    return left;
  };

  const prefix = (): Expr => {
    const t = peek();
    pos++;
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: Number(t.text), range: { start: t.start, end: t.end } };
      case 'name': {
        if (peek().kind !== '(')
          return { kind: 'metric', name: t.text, range: { start: t.start, end: t.end } };
        pos++;
        const args: Expr[] = [];
        if (peek().kind !== ')') {
          for (;;) {
            args.push(parse(0));
            if (peek().kind === ',') {
              pos++;
              continue;
            }
            break;
          }
        }
        const close = peek();
        if (close.kind !== ')')
          fail(`expected ')' or ',' in the call of ${t.text}, found ${describe(close)}`, close);
        pos++;
        return { kind: 'call', name: t.text, args, range: { start: t.start, end: close.end } };
      }
      case 'op':
        if (t.text === '-' || t.text === '+') {
          const operand = parse(PREFIX_MINUS);
          const range = { start: t.start, end: operand.range.end };
          return t.text === '-' ? { kind: 'negate', operand, range } : operand;
        }
        return fail(`expected a number, metric or '(' but found ${describe(t)}`, t);
      case '(': {
        const inner = parse(0);
        const close = peek();
        if (close.kind !== ')')
          fail(`expected ')' to close the '(' at column ${t.start + 1}, found ${describe(close)}`, close);
        pos++;
        return inner;
      }
      default:
        return fail(`expected a number, metric or '(' but found ${describe(t)}`, t);
    }
  };

  try {
    const expr = parse(0);
    const rest = peek();
    if (rest.kind !== 'end') fail(`unexpected ${describe(rest)} after a complete expression`, rest);
    return { expr };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { problem: error.problem };
    throw error;
  }
}
