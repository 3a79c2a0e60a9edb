import type { BinaryOperator } from './ast.js';

/**
 * Binding power of Pine's binary operators (higher binds tighter), from the Pine v5/v6 manual's
 * operator precedence table: `* / %` > `+ -` > `< > <= >=` > `== !=` > `and` > `or`. All are
 * left-associative. Unary `+ - not` and history `[]` bind tighter; `?:` looser (right-associative).
 * The parser reads operands and operators as a flat list and builds the tree from this one table.
 */
export const binaryPrecedence: Readonly<Record<BinaryOperator, number>> = {
  '*': 6,
  '/': 6,
  '%': 6,
  '+': 5,
  '-': 5,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '==': 3,
  '!=': 3,
  and: 2,
  or: 1,
};

/** Precedence of other expression forms, for the printer's parenthesisation. */
export const unaryPrecedence = 7;
export const conditionalPrecedence = 0;
export const postfixPrecedence = 8;
