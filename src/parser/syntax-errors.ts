import { EOF, tokenMatcher, type IRecognitionException, type IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCodes } from '../diagnostics/codes/parse.js';
import type { LineMap } from '../diagnostics/span.js';
import * as T from './tokens.js';

const tokenNames: Readonly<Record<string, string>> = {
  Newline: 'the end of the line',
  Indent: 'an indented block',
  Dedent: 'the end of the block',
  Identifier: 'a name',
  IntLiteral: 'a number',
  FloatLiteral: 'a number',
  StringLiteral: 'a string',
  Arrow: "'=>'",
  ColonEquals: "':='",
  Equals: "'='",
  LParen: "'('",
  RParen: "')'",
  LBracket: "'['",
  RBracket: "']'",
  Comma: "','",
  Colon: "':'",
  Greater: "'>'",
  ToKw: "'to'",
  InKw: "'in'",
};

/** How a token reads in a message: its text, or what a layout token stands for. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  if (token.image === '') return tokenNames[token.tokenType.name] ?? token.tokenType.name;
  return `'${token.image}'`;
}

const ruleNames: Readonly<Record<string, string>> = {
  functionDeclaration: 'a function declaration',
  parameter: 'a parameter',
  typeDeclaration: 'a type declaration',
  fieldDeclaration: 'a field',
  enumDeclaration: 'an enum',
  importDeclaration: 'an import',
  tupleDeclaration: 'a tuple declaration',
  variableDeclaration: 'a variable declaration',
  argumentList: 'the arguments of a call',
  ifExpression: "an 'if'",
  switchExpression: "a 'switch'",
  switchCase: "a 'switch' arm",
  forExpression: "a 'for' loop",
  whileExpression: "a 'while' loop",
  typeArgumentList: 'type arguments',
  typeReference: 'a type',
};

function expectedToken(message: string): string | undefined {
  return /--> (\w+) <--/.exec(message)?.[1];
}

function hintFor(found: IToken, expected: string | undefined): string {
  if (tokenMatcher(found, T.Indent)) {
    return 'a line indented by a multiple of 4 spaces starts a block, but nothing above opens one; to wrap a long line, indent the continuation by a number of spaces that is not a multiple of 4';
  }
  if (expected === 'Newline')
    return 'a statement ends here: put the rest on its own line, or separate statements on one line with a comma';
  if (expected === 'Indent')
    return "the block's statements go on the following lines, indented 4 spaces (or one tab) deeper";
  if (expected === 'RParen') return "every '(' needs a matching ')'";
  if (expected === 'RBracket') return "every '[' needs a matching ']'";
  if (found.tokenType === EOF || tokenMatcher(found, T.Dedent) || tokenMatcher(found, T.Newline)) {
    return 'the statement is incomplete: something is missing before this point';
  }
  if (tokenMatcher(found, T.Equals))
    return "'=' declares a variable; use ':=' to assign to an existing one and '==' to compare";
  return 'check the syntax just before this point';
}

/** Turns Chevrotain's recognition errors into diagnostics with plain-language messages and hints. */
export function syntaxDiagnostics(
  errors: readonly IRecognitionException[],
  lineMap: LineMap,
  file: string | undefined,
  abandonedBrackets: readonly number[] = [],
): Diagnostic[] {
  // An error at the end of the file after earlier ones is nearly always their echo (a block or
  // bracket the earlier error left open); it is dropped so the user sees causes, not cascades.
  const reported = errors.filter(
    (error) => error.token.tokenType !== EOF || errors.every((other) => other.token.tokenType === EOF),
  );
  // The lexer already reported brackets it had to close; the parser's "expected ')'" after each is
  // the same problem seen from the other end.
  const pending = [...abandonedBrackets];
  const deduplicated = reported.filter((error) => {
    const expected = error.name === 'MismatchedTokenException' ? expectedToken(error.message) : undefined;
    if (expected !== 'RParen' && expected !== 'RBracket') return true;
    const index = pending.findIndex((offset) => offset < error.token.startOffset);
    if (index < 0) return true;
    pending.splice(index, 1);
    return false;
  });
  return deduplicated.map((error) => {
    const found = error.token;
    const start = found.tokenType === EOF ? lineMap.text.length : found.startOffset;
    const end = found.image === '' ? start : (found.endOffset ?? start) + 1;
    const rule = [...error.context.ruleStack].reverse().find((name) => name in ruleNames);
    const where = rule ? ` in ${ruleNames[rule]}` : '';
    const expected = error.name === 'MismatchedTokenException' ? expectedToken(error.message) : undefined;
    const message = expected
      ? `expected ${tokenNames[expected] ?? expected} but found ${describeToken(found)}${where}`
      : found.image === ''
        ? `${where ? where.slice(4) : 'the statement'} is incomplete: it reaches ${describeToken(found)}`
        : `unexpected ${describeToken(found)}${where}`;
    const definition = expected ? parseCodes.missingToken : parseCodes.unexpectedToken;
    return {
      code: definition.code,
      severity: definition.severity,
      message,
      hint: hintFor(found, expected),
      ...(file === undefined ? {} : { file }),
      span: lineMap.span(start, end),
    };
  });
}
