import type * as A from '../parser/ast.js';
import type { LiteralValue } from './model.js';

/** The dotted name of `a.b.c`, or undefined when the expression is not a plain path. */
export function dottedName(expression: A.Expression): string | undefined {
  if (expression.kind === 'Identifier') return expression.name;
  if (expression.kind === 'MemberExpression') {
    const head = dottedName(expression.object);
    return head === undefined ? undefined : `${head}.${expression.property.name}`;
  }
  return undefined;
}

/**
 * Evaluates an expression written with literals only (numbers, strings, bools, colors, `na`, named
 * constants, unary minus, + - * / on numbers, lists): what inputs and `strategy()` settings hold.
 * Returns undefined for anything that needs the script to run.
 */
export function literalValue(expression: A.Expression): LiteralValue | undefined {
  switch (expression.kind) {
    case 'NumberLiteral':
      return expression.value;
    case 'StringLiteral':
      return expression.value;
    case 'BoolLiteral':
      return expression.value;
    case 'NaLiteral':
      return null;
    case 'ColorLiteral':
      return expression.raw;
    case 'TupleExpression': {
      const values = expression.elements.map(literalValue);
      return values.every((v): v is LiteralValue => v !== undefined) ? values : undefined;
    }
    case 'MemberExpression': {
      const name = dottedName(expression);
      return name === undefined ? undefined : { constant: name };
    }
    case 'UnaryExpression': {
      const value = literalValue(expression.argument);
      if (typeof value !== 'number') return undefined;
      return expression.operator === '-' ? -value : expression.operator === '+' ? value : undefined;
    }
    case 'BinaryExpression': {
      const left = literalValue(expression.left);
      const right = literalValue(expression.right);
      if (typeof left !== 'number' || typeof right !== 'number') return undefined;
      switch (expression.operator) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? undefined : left / right;
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}
