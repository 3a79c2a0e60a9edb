import type { Program } from '../parser/ast.js';
import { getBuiltinCatalogue } from './builtins/index.js';
import { Checker } from './checker.js';
import type { Analysis } from './model.js';

export type * from './model.js';
export { literalValue, dottedName } from './literal-value.js';

export interface AnalyzeOptions {
  /** File name used in diagnostics. */
  readonly file?: string;
}

/**
 * Resolves names, types, qualifiers and calls of a parsed Pine program (see Checker). The AST is
 * not changed; results come back in side tables keyed by node id, with every diagnostic.
 */
export function analyze(program: Program, options: AnalyzeOptions = {}): Analysis {
  return new Checker(program, getBuiltinCatalogue(), options.file).run();
}
