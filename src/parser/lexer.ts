import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseCodes } from '../diagnostics/codes/parse.js';
import { LineMap } from '../diagnostics/span.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Comment } from './trivia.js';
import { knownAnnotations } from './trivia.js';
import * as T from './tokens.js';

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: readonly Diagnostic[];
  readonly lineMap: LineMap;
  /** Offsets of brackets the lexer reported as never closed. */
  readonly abandonedBrackets: readonly number[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const SLASH = 47;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const unicodeLetter = /\p{L}/u;

function isIdentStart(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  return c > 127 && unicodeLetter.test(String.fromCharCode(c));
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

const twoCharOperators: ReadonlyMap<string, TokenType> = new Map([
  ['=>', T.Arrow],
  [':=', T.ColonEquals],
  ['==', T.EqualsEquals],
  ['!=', T.NotEquals],
  ['<=', T.LessEquals],
  ['>=', T.GreaterEquals],
  ['+=', T.CompoundAssign],
  ['-=', T.CompoundAssign],
  ['*=', T.CompoundAssign],
  ['/=', T.CompoundAssign],
  ['%=', T.CompoundAssign],
]);

const oneCharOperators: ReadonlyMap<number, TokenType> = new Map([
  [60, T.Less],
  [62, T.Greater],
  [61, T.Equals],
  [43, T.Plus],
  [45, T.Minus],
  [42, T.Star],
  [47, T.Slash],
  [37, T.Percent],
  [63, T.Question],
  [58, T.Colon],
  [44, T.Comma],
  [46, T.Dot],
  [40, T.LParen],
  [41, T.RParen],
  [91, T.LBracket],
  [93, T.RBracket],
]);

/** Tokens after which a line inside brackets clearly continues. */
const continuationEnders: ReadonlySet<TokenType> = new Set([
  T.Comma,
  T.LParen,
  T.LBracket,
  T.Plus,
  T.Minus,
  T.Star,
  T.Slash,
  T.Percent,
  T.And,
  T.Or,
  T.Not,
  T.Question,
  T.Colon,
  T.Equals,
  T.ColonEquals,
  T.Arrow,
  T.Less,
  T.Greater,
  T.LessEquals,
  T.GreaterEquals,
  T.EqualsEquals,
  T.NotEquals,
]);

/**
 * Pine's lexer. Besides tokens it applies Pine's layout rules:
 * - a line indented by a multiple of 4 spaces (a tab counts as 4) starts a statement at that block
 *   level; a line indented by any other amount continues the previous line;
 * - inside `(` `)` and `[` `]` line breaks and indentation mean nothing;
 * - blank lines and comment-only lines never open or close blocks.
 * Block structure becomes `Indent`/`Dedent` tokens; every statement ends with `Newline`, and so does
 * every block-closing `Dedent` unless an `else` continues the statement that owns the block.
 * All state lives on the instance: one lexer per source text.
 */
export class PineLexer {
  private readonly src: string;
  private readonly file: string | undefined;
  private readonly tokens: IToken[] = [];
  private readonly comments: Comment[] = [];
  private readonly diagnostics = new DiagnosticBag();
  private readonly lineMap: LineMap;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private bracketDepth = 0;
  /** Offsets of the open brackets, innermost last, for the unclosed-bracket message. */
  private readonly openBrackets: number[] = [];
  /** Where error recovery closed brackets left open, so the parser's echo of it can be dropped. */
  readonly abandonedBrackets: number[] = [];
  private readonly indentStack: number[] = [0];
  private lineHasTokens = false;
  private sawTab = false;
  private sawSpaceIndent = false;

  constructor(source: string, file?: string) {
    this.src = source;
    this.file = file;
    this.lineMap = new LineMap(source);
  }

  tokenize(): LexResult {
    const src = this.src;
    const n = src.length;
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
    let atLineStart = true;
    while (this.pos < n) {
      if (atLineStart) {
        atLineStart = false;
        if (this.bracketDepth === 0 || this.abandonsOpenBrackets()) {
          this.startLine();
          continue;
        }
      }
      const c = src.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === 0xfeff) {
        this.pos++;
      } else if (c === LF || c === CR) {
        this.newlineChar(c);
        atLineStart = true;
      } else if (c === SLASH && src.charCodeAt(this.pos + 1) === SLASH) {
        this.comment(false);
      } else {
        this.token();
      }
    }
    this.finish();
    return {
      tokens: this.tokens,
      comments: this.comments,
      diagnostics: this.diagnostics.all,
      lineMap: this.lineMap,
      abandonedBrackets: this.abandonedBrackets,
    };
  }

  private newlineChar(c: number): void {
    this.pos += c === CR && this.src.charCodeAt(this.pos + 1) === LF ? 2 : 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /** At the first character of a physical line outside brackets: decide what the line means for layout. */
  private startLine(): void {
    const src = this.src;
    let p = this.pos;
    let width = 0;
    let tabs = false;
    let spaces = false;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === SPACE) {
        width++;
        spaces = true;
      } else if (c === TAB) {
        width += 4;
        tabs = true;
      } else break;
      p++;
    }
    const c = src.charCodeAt(p);
    if (p >= src.length || c === LF || c === CR) {
      this.pos = p;
      return; // blank line
    }
    if (c === SLASH && src.charCodeAt(p + 1) === SLASH) {
      this.pos = p;
      this.comment(true);
      return;
    }
    this.pos = p;
    if (tabs) this.sawTab = true;
    if (spaces && width > 0) this.sawSpaceIndent = true;
    if (this.sawTab && this.sawSpaceIndent && tabs && spaces) {
      this.report(
        parseCodes.mixedIndentation,
        p - (p - this.lineStart),
        p,
        'this line mixes tabs and spaces in its indentation',
        'a tab counts as 4 spaces; use one or the other',
      );
    }
    if (!this.lineHasTokens) {
      // The first statement of the file.
      if (width !== 0) {
        this.report(
          parseCodes.badIndentation,
          this.lineStart,
          p,
          'the first statement of a script must not be indented',
          'remove the indentation',
        );
      }
      return;
    }
    if (width % 4 !== 0) return; // line wrapping: continues the previous line
    this.emitSynthetic(
      T.Newline,
      this.tokens[this.tokens.length - 1].startOffset + this.tokens[this.tokens.length - 1].image.length,
    );
    this.lineHasTokens = false;
    const top = this.indentStack[this.indentStack.length - 1];
    if (width > top) {
      this.indentStack.push(width);
      this.emitSynthetic(T.Indent, p);
      return;
    }
    if (width < top) {
      let closing = 0;
      while (this.indentStack.length > 1 && this.indentStack[this.indentStack.length - 1] > width) {
        this.indentStack.pop();
        closing++;
      }
      if (this.indentStack[this.indentStack.length - 1] !== width) {
        this.report(
          parseCodes.badIndentation,
          this.lineStart,
          p,
          `this line's indentation (${width} spaces) matches no enclosing block`,
          `indent it to ${this.indentStack[this.indentStack.length - 1]} spaces, or by a non-multiple of 4 to continue the previous line`,
        );
        // The line is read at the enclosing level it fell back to; deeper lines that follow
        // then show up as unexpected blocks, each reported where it starts.
      }
      const continuesWithElse = this.startsWithWord(p, 'else');
      for (let i = 0; i < closing; i++) {
        this.emitSynthetic(T.Dedent, p);
        if (i < closing - 1 || !continuesWithElse) this.emitSynthetic(T.Newline, p);
      }
    }
  }

  /**
   * Error recovery for a bracket left open: a line at column 1 that cannot continue the previous
   * one (which ends with no operator or comma, and the line does not start by closing a bracket)
   * is taken as a new statement, so one missing `)` does not swallow the rest of the script.
   */
  private abandonsOpenBrackets(): boolean {
    const c = this.src.charCodeAt(this.pos);
    if (c === SPACE || c === TAB || c === LF || c === CR || c === 41 || c === 93) return false;
    if (c === SLASH && this.src.charCodeAt(this.pos + 1) === SLASH) return false;
    const last = this.tokens[this.tokens.length - 1];
    if (continuationEnders.has(last.tokenType)) return false;
    const open = this.openBrackets[0];
    this.report(
      parseCodes.unbalancedBracket,
      open,
      open + 1,
      `this '${this.src[open]}' is never closed`,
      `close it before the end of the statement on line ${this.lineMap.position(open).line}`,
    );
    this.abandonedBrackets.push(open);
    this.bracketDepth = 0;
    this.openBrackets.length = 0;
    return true;
  }

  private startsWithWord(p: number, word: string): boolean {
    return this.src.startsWith(word, p) && !isIdentPart(this.src.charCodeAt(p + word.length));
  }

  private finish(): void {
    if (this.lineHasTokens) this.emitSynthetic(T.Newline, this.src.length);
    while (this.indentStack.length > 1) {
      this.indentStack.pop();
      this.emitSynthetic(T.Dedent, this.src.length);
      this.emitSynthetic(T.Newline, this.src.length);
    }
  }

  private comment(ownLine: boolean): void {
    const src = this.src;
    const start = this.pos;
    let end = start;
    while (end < src.length && src.charCodeAt(end) !== LF && src.charCodeAt(end) !== CR) end++;
    let textEnd = end;
    while (textEnd > start && (src.charCodeAt(textEnd - 1) === SPACE || src.charCodeAt(textEnd - 1) === TAB))
      textEnd--;
    const text = src.slice(start, textEnd);
    const span = this.lineMap.span(start, textEnd);
    this.pos = end;
    const match = /^\/\/@([A-Za-z_]+)(?:\s*=\s*|\s+|$)(.*)$/s.exec(text);
    if (match) {
      const name = match[1];
      if (!knownAnnotations.has(name)) {
        this.report(
          parseCodes.unknownAnnotation,
          start,
          textEnd,
          `unknown compiler annotation '//@${name}'`,
          `known annotations: ${[...knownAnnotations].map((a) => '//@' + a).join(', ')}`,
        );
      }
      this.comments.push({ text, span, ownLine, annotation: name, annotationValue: match[2].trim() });
    } else {
      this.comments.push({ text, span, ownLine });
    }
  }

  private token(): void {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (isIdentStart(c)) {
      let p = start + 1;
      while (p < src.length && isIdentPart(src.charCodeAt(p))) p++;
      const image = src.slice(start, p);
      this.emit(T.keywordTokens.get(image) ?? T.Identifier, start, p);
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(start + 1)))) {
      this.number(start);
      return;
    }
    if (c === 34 || c === 39) {
      this.string(start, c);
      return;
    }
    if (c === 35) {
      this.color(start);
      return;
    }
    const two = twoCharOperators.get(src.slice(start, start + 2));
    if (two) {
      this.emit(two, start, start + 2);
      return;
    }
    const one = oneCharOperators.get(c);
    if (one) {
      if (one === T.LParen || one === T.LBracket) {
        this.bracketDepth++;
        this.openBrackets.push(start);
      } else if ((one === T.RParen || one === T.RBracket) && this.bracketDepth > 0) {
        this.bracketDepth--;
        this.openBrackets.pop();
      }
      this.emit(one, start, start + 1);
      return;
    }
    const char = String.fromCodePoint(src.codePointAt(start) ?? c);
    this.report(
      parseCodes.unexpectedCharacter,
      start,
      start + char.length,
      `unexpected character '${char}'`,
      c === 33
        ? "Pine writes 'not x' for negation and '!=' for inequality"
        : 'remove it or put it inside a string',
    );
    this.pos = start + char.length;
  }

  private number(start: number): void {
    const src = this.src;
    let p = start;
    let isFloat = false;
    while (isDigit(src.charCodeAt(p))) p++;
    if (src.charCodeAt(p) === 46 && !isIdentStart(src.charCodeAt(p + 1))) {
      isFloat = true;
      p++;
      while (isDigit(src.charCodeAt(p))) p++;
    }
    const e = src.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = src.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (isDigit(src.charCodeAt(q))) {
        while (isDigit(src.charCodeAt(q))) q++;
        p = q;
        isFloat = true;
      }
    }
    this.emit(isFloat ? T.FloatLiteral : T.IntLiteral, start, p);
  }

  private string(start: number, quote: number): void {
    const src = this.src;
    let p = start + 1;
    while (p < src.length) {
      const c = src.charCodeAt(p);
      if (c === quote) {
        this.emit(T.StringLiteral, start, p + 1);
        return;
      }
      if (c === LF || c === CR) break;
      p += c === 92 ? 2 : 1;
    }
    p = Math.min(p, src.length);
    this.report(
      parseCodes.unterminatedString,
      start,
      p,
      'this string is not closed on its line',
      `add the closing ${String.fromCharCode(quote)}`,
    );
    this.emit(T.StringLiteral, start, p);
  }

  private color(start: number): void {
    const src = this.src;
    let p = start + 1;
    while (isHex(src.charCodeAt(p))) p++;
    const digits = p - start - 1;
    if (digits !== 6 && digits !== 8) {
      while (isIdentPart(src.charCodeAt(p))) p++;
      this.report(
        parseCodes.badColorLiteral,
        start,
        p,
        `'${src.slice(start, p)}' is not a color`,
        'colors are written #RRGGBB or #RRGGBBAA with hexadecimal digits',
      );
    }
    this.emit(T.ColorLiteral, start, p);
  }

  private emit(type: TokenType, start: number, end: number): void {
    const column = start - this.lineStart + 1;
    this.tokens.push(
      createTokenInstance(
        type,
        this.src.slice(start, end),
        start,
        end - 1,
        this.line,
        this.line,
        column,
        column + end - start - 1,
      ),
    );
    this.lineHasTokens = true;
    this.pos = end;
  }

  /** Layout tokens have no text; they sit at an offset so error messages can point somewhere useful. */
  private emitSynthetic(type: TokenType, offset: number): void {
    const { line, column } = this.lineMap.position(offset);
    this.tokens.push(createTokenInstance(type, '', offset, offset - 1, line, line, column, column - 1));
  }

  private report(
    definition: typeof parseCodes.badIndentation,
    start: number,
    end: number,
    message: string,
    hint: string,
  ): void {
    this.diagnostics.report(definition, this.lineMap.span(start, end), message, hint, this.file);
  }
}
