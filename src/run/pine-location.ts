import { ts } from 'ts-morph';

/** `// L42`: the marker the code generator puts on every statement (its Pine line). */
const MARKER = /^\/\/ L(\d+)\s*$/;

/**
 * Maps positions in a loaded module's JavaScript back to Pine lines. Built once per loaded module
 * and only used on the error path: the JavaScript is parsed on the first lookup.
 *
 * The generated TypeScript ends every statement with `// L<n>`; prettier moves the marker of a
 * block statement (`if`, loops, functions) to the first line inside its block. TypeScript's
 * transpiler keeps comments, so the JavaScript carries the same markers and no source map is needed:
 * the innermost statement around the failing position names its Pine line (a statement without its
 * own marker belongs to the nearest marked statement before it in the same block, e.g. the field
 * copies after a tuple-returning call, or else to its enclosing statement).
 */
export class PineLineMap {
  private readonly js: string;
  private file: ts.SourceFile | undefined;

  constructor(js: string) {
    this.js = js;
    this.file = undefined;
  }

  /** The Pine line of the statement at a 1-based line and column of the JavaScript. */
  lineAt(jsLine: number, jsColumn: number): number | undefined {
    const file = (this.file ??= ts.createSourceFile(
      'generated.js',
      this.js,
      ts.ScriptTarget.ES2022,
      true,
      ts.ScriptKind.JS,
    ));
    const starts = file.getLineStarts();
    if (jsLine < 1 || jsLine > starts.length) return undefined;
    const lineEnd = jsLine < starts.length ? starts[jsLine] - 1 : this.js.length;
    const pos = Math.min(starts[jsLine - 1] + Math.max(0, jsColumn - 1), lineEnd);
    const chain = statementsAround(file, pos);
    for (let i = chain.length - 1; i >= 0; i--) {
      const line = this.markerOf(chain[i]) ?? this.markerBefore(chain[i]);
      if (line !== undefined) return line;
    }
    return undefined;
  }

  /** A statement's own marker: trailing on its last line, or (block statements) first in its block. */
  private markerOf(statement: ts.Statement): number | undefined {
    const trailing = markerIn(this.js, ts.getTrailingCommentRanges(this.js, statement.end));
    if (trailing !== undefined) return trailing;
    const block = blockOf(statement);
    return block === undefined
      ? undefined
      : markerIn(this.js, ts.getLeadingCommentRanges(this.js, block.statements.pos));
  }

  /** The marker of the nearest earlier statement of the same block that has one. */
  private markerBefore(statement: ts.Statement): number | undefined {
    const siblings = siblingsOf(statement);
    if (siblings === undefined) return undefined;
    for (let i = siblings.indexOf(statement) - 1; i >= 0; i--) {
      const line = this.markerOf(siblings[i]);
      if (line !== undefined) return line;
    }
    // First in its block: the block's opening marker (a function body's is the function's line).
    const parent = statement.parent;
    return ts.isBlock(parent)
      ? markerIn(this.js, ts.getLeadingCommentRanges(this.js, parent.statements.pos))
      : undefined;
  }
}

/** The statements that contain `pos`, outermost first. */
function statementsAround(file: ts.SourceFile, pos: number): ts.Statement[] {
  const chain: ts.Statement[] = [];
  const visit = (node: ts.Node): void => {
    if (pos < node.getStart(file) || pos >= node.end) return;
    if (isStatement(node)) chain.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return chain;
}

function isStatement(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) && !ts.isBlock(node);
}

/** The block a block statement runs first (then-branch, loop body, function body). */
function blockOf(statement: ts.Statement): ts.Block | undefined {
  const body = ts.isIfStatement(statement)
    ? statement.thenStatement
    : ts.isIterationStatement(statement, false)
      ? statement.statement
      : undefined;
  return body !== undefined && ts.isBlock(body) ? body : undefined;
}

/** The statement list a statement belongs to (a block, a case clause or the file). */
function siblingsOf(statement: ts.Statement): readonly ts.Statement[] | undefined {
  const parent = statement.parent;
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent))
    return parent.statements;
  return undefined;
}

function markerIn(text: string, ranges: readonly ts.CommentRange[] | undefined): number | undefined {
  for (const range of ranges ?? []) {
    const match = MARKER.exec(text.slice(range.pos, range.end));
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * `new Function(…, body)` compiles `function anonymous(<params>\n) {\n<body>\n}` (ECMAScript
 * CreateDynamicFunction), so the body's first line is line 3 of what the stack trace counts.
 */
const FUNCTION_WRAPPER_LINES = 2;

/** Where a thrown error was raised in a loaded module: the innermost stack frame in its code. */
export interface GeneratedFrame {
  /** 1-based line and column in the module's JavaScript. */
  readonly jsLine: number;
  readonly jsColumn: number;
  /** True when the module's own code threw (not a runtime function it called). */
  readonly innermost: boolean;
}

/** The innermost frame of `error`'s stack that runs the module loaded under `sourceUrl`. */
export function generatedFrame(error: unknown, sourceUrl: string): GeneratedFrame | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  const frames = error.stack.split('\n').filter((l) => /^\s+at /.test(l));
  for (let i = 0; i < frames.length; i++) {
    const at = frames[i].lastIndexOf(`${sourceUrl}:`);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(frames[i].slice(at + sourceUrl.length));
    if (!match) continue;
    return {
      jsLine: Number(match[1]) - FUNCTION_WRAPPER_LINES,
      jsColumn: Number(match[2]),
      innermost: i === 0,
    };
  }
  return undefined;
}
