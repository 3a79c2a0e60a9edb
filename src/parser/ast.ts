import type { Span } from '../diagnostics/span.js';
import type { Comment } from './trivia.js';

/**
 * Pine's abstract syntax tree: readonly nodes, each with a string-literal `kind`, a per-parse
 * numeric `id` (for analysis side tables) and a source `span`. Blocks that Pine allows as
 * expressions (`if`, `switch`, `for`, `while`) are expressions; at statement level they sit in an
 * `ExpressionStatement`.
 */
export interface BaseNode {
  readonly kind: string;
  readonly id: number;
  readonly span: Span;
}

// ---------------------------------------------------------------- program

export interface Program extends BaseNode {
  readonly kind: 'Program';
  /** From `//@version=N`; undefined when the script has none (Pine then assumes v1). */
  readonly version: number | undefined;
  readonly body: readonly Statement[];
  readonly comments: readonly Comment[];
}

// ---------------------------------------------------------------- types

/** A written type: `float`, `chart.point`, `array<float>`, `map<string, int>`, `float[]`, `MyType`. */
export interface TypeReference extends BaseNode {
  readonly kind: 'TypeReference';
  /** Dotted name as written, e.g. `chart.point` or `lib.MyType`. */
  readonly name: string;
  readonly typeArguments: readonly TypeReference[];
  /** `float[]`: the legacy array-type suffix. */
  readonly isArray: boolean;
}

export type Qualifier = 'const' | 'simple' | 'series';
export type DeclarationMode = 'var' | 'varip';

// ---------------------------------------------------------------- statements

export type Statement =
  | VariableDeclaration
  | TupleDeclaration
  | Assignment
  | ExpressionStatement
  | FunctionDeclaration
  | TypeDeclaration
  | EnumDeclaration
  | ImportDeclaration
  | BreakStatement
  | ContinueStatement;

/** Compiler annotations (`//@function`, `//@param` …) written directly above a declaration. */
export interface Documented {
  readonly annotations: readonly Comment[];
}

export interface VariableDeclaration extends BaseNode, Documented {
  readonly kind: 'VariableDeclaration';
  readonly mode: DeclarationMode | undefined;
  readonly qualifier: Qualifier | undefined;
  readonly type: TypeReference | undefined;
  readonly name: Identifier;
  readonly init: Expression;
}

export interface TupleDeclaration extends BaseNode {
  readonly kind: 'TupleDeclaration';
  readonly names: readonly Identifier[];
  readonly init: Expression;
}

export type AssignmentOperator = ':=' | '+=' | '-=' | '*=' | '/=' | '%=';

export interface Assignment extends BaseNode {
  readonly kind: 'Assignment';
  /** An identifier, or a field access such as `obj.field` for UDT fields. */
  readonly target: Identifier | MemberExpression;
  readonly operator: AssignmentOperator;
  readonly value: Expression;
}

export interface ExpressionStatement extends BaseNode {
  readonly kind: 'ExpressionStatement';
  readonly expression: Expression;
}

export interface Parameter extends BaseNode {
  readonly kind: 'Parameter';
  readonly qualifier: Qualifier | undefined;
  readonly type: TypeReference | undefined;
  readonly name: Identifier;
  readonly defaultValue: Expression | undefined;
}

export interface FunctionDeclaration extends BaseNode, Documented {
  readonly kind: 'FunctionDeclaration';
  readonly name: Identifier;
  readonly parameters: readonly Parameter[];
  readonly body: Block;
  /** True when written on one line after `=>`: `f(x) => x * 2`. */
  readonly inline: boolean;
  readonly isMethod: boolean;
  readonly isExport: boolean;
}

export interface FieldDeclaration extends BaseNode {
  readonly kind: 'FieldDeclaration';
  readonly mode: DeclarationMode | undefined;
  readonly type: TypeReference;
  readonly name: Identifier;
  readonly defaultValue: Expression | undefined;
}

export interface TypeDeclaration extends BaseNode, Documented {
  readonly kind: 'TypeDeclaration';
  readonly name: Identifier;
  readonly fields: readonly FieldDeclaration[];
  readonly isExport: boolean;
}

export interface EnumMember extends BaseNode {
  readonly kind: 'EnumMember';
  readonly name: Identifier;
  readonly title: StringLiteral | undefined;
}

export interface EnumDeclaration extends BaseNode, Documented {
  readonly kind: 'EnumDeclaration';
  readonly name: Identifier;
  readonly members: readonly EnumMember[];
  readonly isExport: boolean;
}

/** `import user/library/3 as alias` */
export interface ImportDeclaration extends BaseNode {
  readonly kind: 'ImportDeclaration';
  readonly publisher: string;
  readonly library: string;
  readonly libraryVersion: number;
  readonly alias: Identifier | undefined;
}

export interface BreakStatement extends BaseNode {
  readonly kind: 'BreakStatement';
}

export interface ContinueStatement extends BaseNode {
  readonly kind: 'ContinueStatement';
}

/** An indented block, or the statements of a one-line body; its value is its last statement's. */
export interface Block extends BaseNode {
  readonly kind: 'Block';
  readonly statements: readonly Statement[];
}

// ---------------------------------------------------------------- expressions

export type Expression =
  | Identifier
  | NumberLiteral
  | StringLiteral
  | BoolLiteral
  | NaLiteral
  | ColorLiteral
  | TupleExpression
  | MemberExpression
  | CallExpression
  | HistoryExpression
  | UnaryExpression
  | BinaryExpression
  | ConditionalExpression
  | IfExpression
  | SwitchExpression
  | ForExpression
  | ForInExpression
  | WhileExpression
  | InvalidExpression;

export interface Identifier extends BaseNode {
  readonly kind: 'Identifier';
  readonly name: string;
}

export interface NumberLiteral extends BaseNode {
  readonly kind: 'NumberLiteral';
  readonly value: number;
  /** Source text, kept so `1.0` (float) and `1` (int) stay distinct and print as written. */
  readonly raw: string;
  readonly isInteger: boolean;
}

export interface StringLiteral extends BaseNode {
  readonly kind: 'StringLiteral';
  readonly value: string;
  readonly raw: string;
}

export interface BoolLiteral extends BaseNode {
  readonly kind: 'BoolLiteral';
  readonly value: boolean;
}

export interface NaLiteral extends BaseNode {
  readonly kind: 'NaLiteral';
}

export interface ColorLiteral extends BaseNode {
  readonly kind: 'ColorLiteral';
  readonly raw: string;
  /** Red, green, blue in 0..255 and alpha in 0..255 (255 = opaque), as written. */
  readonly rgba: readonly [number, number, number, number];
}

/** `[a, b]`: the value of a function that returns several values. */
export interface TupleExpression extends BaseNode {
  readonly kind: 'TupleExpression';
  readonly elements: readonly Expression[];
}

export interface MemberExpression extends BaseNode {
  readonly kind: 'MemberExpression';
  readonly object: Expression;
  readonly property: Identifier;
}

export interface Argument extends BaseNode {
  readonly kind: 'Argument';
  readonly name: Identifier | undefined;
  readonly value: Expression;
}

export interface CallExpression extends BaseNode {
  readonly kind: 'CallExpression';
  /** An identifier (`sma`), a dotted path (`ta.sma`) or a method access (`arr.push`). */
  readonly callee: Expression;
  /** `array.new<float>()` → `[float]`. */
  readonly typeArguments: readonly TypeReference[];
  readonly arguments: readonly Argument[];
}

/** `x[n]`: the value of `x` n bars ago. Any expression may be the target: `(a - b)[1]`, `f(x)[2]`. */
export interface HistoryExpression extends BaseNode {
  readonly kind: 'HistoryExpression';
  readonly target: Expression;
  readonly offset: Expression;
}

export type UnaryOperator = '-' | '+' | 'not';

export interface UnaryExpression extends BaseNode {
  readonly kind: 'UnaryExpression';
  readonly operator: UnaryOperator;
  readonly argument: Expression;
}

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

export interface BinaryExpression extends BaseNode {
  readonly kind: 'BinaryExpression';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ConditionalExpression extends BaseNode {
  readonly kind: 'ConditionalExpression';
  readonly test: Expression;
  readonly consequent: Expression;
  readonly alternate: Expression;
}

export interface IfExpression extends BaseNode {
  readonly kind: 'IfExpression';
  readonly test: Expression;
  readonly consequent: Block;
  /** `else` block, or the `if` of an `else if`. */
  readonly alternate: Block | IfExpression | undefined;
}

export interface SwitchCase extends BaseNode {
  readonly kind: 'SwitchCase';
  /** Undefined for the default arm `=> …`. */
  readonly test: Expression | undefined;
  readonly body: Block;
  readonly inline: boolean;
}

export interface SwitchExpression extends BaseNode {
  readonly kind: 'SwitchExpression';
  readonly discriminant: Expression | undefined;
  readonly cases: readonly SwitchCase[];
}

export interface ForExpression extends BaseNode {
  readonly kind: 'ForExpression';
  readonly counter: Identifier;
  readonly from: Expression;
  readonly to: Expression;
  readonly step: Expression | undefined;
  readonly body: Block;
}

export interface ForInExpression extends BaseNode {
  readonly kind: 'ForInExpression';
  /** `for x in arr` → `[x]`; `for [i, x] in arr` → `[i, x]`. */
  readonly variables: readonly Identifier[];
  readonly destructured: boolean;
  readonly iterable: Expression;
  readonly body: Block;
}

export interface WhileExpression extends BaseNode {
  readonly kind: 'WhileExpression';
  readonly test: Expression;
  readonly body: Block;
}

/** Stands where the parser recovered from a syntax error; analysis skips it. */
export interface InvalidExpression extends BaseNode {
  readonly kind: 'InvalidExpression';
}

export type Node =
  | Program
  | TypeReference
  | Statement
  | Parameter
  | FieldDeclaration
  | EnumMember
  | Block
  | Expression
  | Argument
  | SwitchCase;

export type NodeKind = Node['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;
