import { createToken, type TokenType } from 'chevrotain';

/**
 * Token types for Pine. The lexer is hand-written (see lexer.ts): Pine's indentation and
 * line-wrapping rules are easier to get exactly right, and faster, in a single character scan,
 * so these token types carry no patterns; they only name what the parser consumes.
 */
function token(name: string, categories?: TokenType[]): TokenType {
  return createToken({ name, pattern: /NOT_USED/, ...(categories ? { categories } : {}) });
}

// Structure, produced by the indentation logic.
export const Newline = token('Newline');
export const Indent = token('Indent');
export const Dedent = token('Dedent');

// Names. Soft keywords are identifiers everywhere except where the grammar asks for them.
export const Identifier = token('Identifier');
export const TypeKw = token('TypeKw', [Identifier]);
export const MethodKw = token('MethodKw', [Identifier]);
export const EnumKw = token('EnumKw', [Identifier]);
export const ImportKw = token('ImportKw', [Identifier]);
export const ExportKw = token('ExportKw', [Identifier]);
export const SeriesKw = token('SeriesKw', [Identifier]);
export const SimpleKw = token('SimpleKw', [Identifier]);
export const ConstKw = token('ConstKw', [Identifier]);
export const ToKw = token('ToKw', [Identifier]);
export const ByKw = token('ByKw', [Identifier]);
export const InKw = token('InKw', [Identifier]);

// Hard keywords.
export const If = token('If');
export const Else = token('Else');
export const For = token('For');
export const While = token('While');
export const Switch = token('Switch');
export const Var = token('Var');
export const Varip = token('Varip');
export const Break = token('Break');
export const Continue = token('Continue');
export const And = token('And');
export const Or = token('Or');
export const Not = token('Not');

// Literals.
export const IntLiteral = token('IntLiteral');
export const FloatLiteral = token('FloatLiteral');
export const StringLiteral = token('StringLiteral');
export const ColorLiteral = token('ColorLiteral');
export const True = token('True');
export const False = token('False');
export const Na = token('Na');

// Operators and punctuation.
export const Arrow = token('Arrow'); // =>
export const ColonEquals = token('ColonEquals'); // :=
export const CompoundAssign = token('CompoundAssign'); // += -= *= /= %=
export const EqualsEquals = token('EqualsEquals');
export const NotEquals = token('NotEquals');
export const LessEquals = token('LessEquals');
export const GreaterEquals = token('GreaterEquals');
export const Less = token('Less');
export const Greater = token('Greater');
export const Equals = token('Equals');
export const Plus = token('Plus');
export const Minus = token('Minus');
export const Star = token('Star');
export const Slash = token('Slash');
export const Percent = token('Percent');
export const Question = token('Question');
export const Colon = token('Colon');
export const Comma = token('Comma');
export const Dot = token('Dot');
export const LParen = token('LParen');
export const RParen = token('RParen');
export const LBracket = token('LBracket');
export const RBracket = token('RBracket');

export const allTokenTypes: TokenType[] = [
  Newline,
  Indent,
  Dedent,
  Identifier,
  TypeKw,
  MethodKw,
  EnumKw,
  ImportKw,
  ExportKw,
  SeriesKw,
  SimpleKw,
  ConstKw,
  ToKw,
  ByKw,
  InKw,
  If,
  Else,
  For,
  While,
  Switch,
  Var,
  Varip,
  Break,
  Continue,
  And,
  Or,
  Not,
  IntLiteral,
  FloatLiteral,
  StringLiteral,
  ColorLiteral,
  True,
  False,
  Na,
  Arrow,
  ColonEquals,
  CompoundAssign,
  EqualsEquals,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Question,
  Colon,
  Comma,
  Dot,
  LParen,
  RParen,
  LBracket,
  RBracket,
];

/** Words the lexer turns into keyword tokens. */
export const keywordTokens: ReadonlyMap<string, TokenType> = new Map([
  ['type', TypeKw],
  ['method', MethodKw],
  ['enum', EnumKw],
  ['import', ImportKw],
  ['export', ExportKw],
  ['series', SeriesKw],
  ['simple', SimpleKw],
  ['const', ConstKw],
  ['to', ToKw],
  ['by', ByKw],
  ['in', InKw],
  ['if', If],
  ['else', Else],
  ['for', For],
  ['while', While],
  ['switch', Switch],
  ['var', Var],
  ['varip', Varip],
  ['break', Break],
  ['continue', Continue],
  ['and', And],
  ['or', Or],
  ['not', Not],
  ['true', True],
  ['false', False],
  ['na', Na],
]);
