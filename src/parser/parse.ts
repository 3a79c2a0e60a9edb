import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCodes } from '../diagnostics/codes/parse.js';
import type { LineMap } from '../diagnostics/span.js';
import type { Program } from './ast.js';
import { PineGrammar } from './cst-boundary/grammar.js';
import { PineLexer } from './lexer.js';
import { NodeFactory } from './node-factory.js';
import { syntaxDiagnostics } from './syntax-errors.js';

export interface ParseOptions {
  /** File name used in diagnostics. */
  readonly file?: string;
}

export interface ParseResult {
  /** Always present: with syntax errors it holds what could be recovered. */
  readonly program: Program;
  readonly diagnostics: readonly Diagnostic[];
  readonly lineMap: LineMap;
}

const supportedVersions = new Set([1, 2, 3, 4, 5, 6]);

/**
 * Parses Pine source. Holds one Chevrotain parser (building it costs a grammar analysis), so make
 * one `PineParser` and reuse it for many files; parsing is synchronous and resets all state.
 */
export class PineParser {
  private readonly grammar = new PineGrammar();

  parse(source: string, options: ParseOptions = {}): ParseResult {
    const { file } = options;
    const lexed = new PineLexer(source, file).tokenize();
    const factory = new NodeFactory(lexed.lineMap, lexed.comments);
    const { body, errors } = this.grammar.parseTokens(lexed.tokens, factory);
    const diagnostics = new DiagnosticBag();
    for (const d of lexed.diagnostics) diagnostics.add(d);
    for (const d of syntaxDiagnostics(errors, lexed.lineMap, file, lexed.abandonedBrackets))
      diagnostics.add(d);
    for (const indent of this.grammar.strayIndents) {
      diagnostics.report(
        parseCodes.badIndentation,
        lexed.lineMap.span(indent.startOffset, indent.startOffset),
        'this line is indented as a block, but nothing above opens one',
        'only if/else, for, while, switch, functions, type and enum open blocks; to wrap a long line, indent the continuation by a number of spaces that is not a multiple of 4',
        file,
      );
    }
    for (const target of this.grammar.invalidTargets) {
      diagnostics.report(
        parseCodes.invalidAssignmentTarget,
        target.span,
        'only a variable or a field can be assigned to',
        'assign to a name (x := …) or a field (obj.field := …)',
        file,
      );
    }
    const versionComment = lexed.comments.find((c) => c.annotation === 'version');
    let version: number | undefined;
    if (versionComment) {
      version = Number(versionComment.annotationValue);
      if (!supportedVersions.has(version)) {
        diagnostics.report(
          parseCodes.unsupportedVersion,
          versionComment.span,
          `'${versionComment.text}' names no Pine version pineport knows`,
          'write //@version=4, //@version=5 or //@version=6',
          file,
        );
        version = undefined;
      }
    } else {
      diagnostics.report(
        parseCodes.missingVersion,
        undefined,
        'the script has no //@version annotation; Pine reads it as version 1',
        'add //@version=6 (or the version the script was written for) as its first line',
        file,
      );
    }
    const program: Program = factory.makeAt('Program', lexed.lineMap.span(0, source.length), {
      version,
      body,
      comments: lexed.comments,
    });
    return { program, diagnostics: diagnostics.all, lineMap: lexed.lineMap };
  }
}

/** Parses one source with a fresh parser. For many files, reuse a `PineParser`. */
export function parsePine(source: string, options: ParseOptions = {}): ParseResult {
  return new PineParser().parse(source, options);
}
