import { isQualifier, joinQualifiers } from './qualifier.js';
import type { Qualifier } from './qualifier.js';
import {
  ID_NAMES,
  NA,
  PRIMITIVE_NAMES,
  SPECIAL_NAMES,
  VOID,
  arrayOf,
  idType,
  listOf,
  mapOf,
  matrixOf,
  primitive,
  qualified,
  specialType,
  tupleOf,
  typeParam,
  udtType,
} from './type.js';
import type { IdName, PineType, PrimitiveName, QualifiedType, SpecialName } from './type.js';

/** How to read names the grammar does not fix. */
export interface TypeParseOptions {
  /** Names read as type parameters (e.g. `T`); any other unknown name is a user-defined type. */
  readonly typeParams?: readonly string[];
  /** The qualifier of a type written without one (Pine treats reference types as series). Default `series`. */
  readonly defaultQualifier?: Qualifier;
}

/**
 * Reads the printed form of a type (`float`, `array<float>`, `float[]`, `map<string, int>`, `chart.point`),
 * or returns undefined when the text is not one. Inverse of printType.
 */
export function tryParseType(text: string, options: TypeParseOptions = {}): PineType | undefined {
  const reader = new TypeReader(text, options);
  const t = reader.type();
  return t !== undefined && reader.atEnd() ? t : undefined;
}

/**
 * Reads the printed form of a qualified type (`series float`, `simple int`, `array<float>` → series,
 * `[series float, series int]`, `void`), or returns undefined. Inverse of printQualifiedType.
 */
export function tryParseQualifiedType(
  text: string,
  options: TypeParseOptions = {},
): QualifiedType | undefined {
  const reader = new TypeReader(text, options);
  const t = reader.qualifiedType();
  return t !== undefined && reader.atEnd() ? t : undefined;
}

/** Like tryParseType, for text that must be valid (built-in tables): throws on a syntax error. */
export function parseType(text: string, options: TypeParseOptions = {}): PineType {
  const t = tryParseType(text, options);
  if (t === undefined) throw new Error(`invalid type: '${text}'`);
  return t;
}

/** Like tryParseQualifiedType, for text that must be valid (built-in tables): throws on a syntax error. */
export function parseQualifiedType(text: string, options: TypeParseOptions = {}): QualifiedType {
  const t = tryParseQualifiedType(text, options);
  if (t === undefined) throw new Error(`invalid qualified type: '${text}'`);
  return t;
}

const TOKEN = new RegExp(
  String.raw`\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\[\]|[<>,[\]])`,
  'g',
);
const PRIMITIVE_SET: ReadonlySet<string> = new Set(PRIMITIVE_NAMES);
const ID_SET: ReadonlySet<string> = new Set(ID_NAMES);
const SPECIAL_SET: ReadonlySet<string> = new Set(SPECIAL_NAMES);

/** A recursive-descent reader over the tokens of one type text. */
class TypeReader {
  private readonly tokens: string[];
  private pos: number;
  private readonly typeParams: ReadonlySet<string>;
  private readonly defaultQualifier: Qualifier;

  constructor(text: string, options: TypeParseOptions) {
    this.tokens = tokenize(text);
    this.pos = 0;
    this.typeParams = new Set(options.typeParams ?? []);
    this.defaultQualifier = options.defaultQualifier ?? 'series';
  }

  atEnd(): boolean {
    return this.pos === this.tokens.length;
  }

  qualifiedType(): QualifiedType | undefined {
    const head = this.peek();
    if (head === '[') return this.tuple();
    if (head === 'void') {
      this.pos++;
      return qualified('const', VOID);
    }
    let qualifier = this.defaultQualifier;
    if (head !== undefined && isQualifier(head)) {
      qualifier = head;
      this.pos++;
    }
    const t = this.type();
    return t === undefined ? undefined : qualified(qualifier, t);
  }

  type(): PineType | undefined {
    let t = this.baseType();
    while (t !== undefined && this.peek() === '[]') {
      this.pos++;
      t = arrayOf(t);
    }
    return t;
  }

  private tuple(): QualifiedType | undefined {
    this.pos++; // '['
    const elements: QualifiedType[] = [];
    for (;;) {
      const e = this.qualifiedType();
      if (e === undefined) return undefined;
      elements.push(e);
      const next = this.next();
      if (next === ']') break;
      if (next !== ',') return undefined;
    }
    if (elements.length < 2) return undefined;
    return qualified(joinQualifiers(elements.map((e) => e.qualifier)), tupleOf(elements));
  }

  private baseType(): PineType | undefined {
    const name = this.next();
    if (name === undefined || !/^[A-Za-z_]/.test(name)) return undefined;
    switch (name) {
      case 'array':
      case 'matrix':
      case 'list': {
        const args = this.typeArguments(1);
        if (args === undefined) return undefined;
        const element = args[0];
        return name === 'array' ? arrayOf(element) : name === 'matrix' ? matrixOf(element) : listOf(element);
      }
      case 'map': {
        const args = this.typeArguments(2);
        return args === undefined ? undefined : mapOf(args[0], args[1]);
      }
      case 'na':
        return NA;
      case 'void':
        return VOID;
    }
    if (PRIMITIVE_SET.has(name)) return primitive(name as PrimitiveName);
    if (ID_SET.has(name)) return idType(name as IdName);
    if (SPECIAL_SET.has(name)) return specialType(name as SpecialName);
    if (this.typeParams.has(name)) return typeParam(name);
    if (isQualifier(name)) return undefined;
    return udtType(name);
  }

  private typeArguments(count: number): PineType[] | undefined {
    if (this.next() !== '<') return undefined;
    const args: PineType[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0 && this.next() !== ',') return undefined;
      const t = this.type();
      if (t === undefined) return undefined;
      args.push(t);
    }
    return this.next() === '>' ? args : undefined;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private next(): string | undefined {
    return this.tokens[this.pos++];
  }
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let end = 0;
  // matchAll works on a copy of the regex, so the shared pattern keeps no state between calls.
  for (const m of text.matchAll(TOKEN)) {
    if (m.index !== end) break; // a gap means an unreadable character
    tokens.push(m[1]);
    end = m.index + m[0].length;
  }
  // Unreadable characters make the whole text invalid: push a token no rule accepts.
  if (text.slice(end).trim() !== '') tokens.push('\u0000');
  return tokens;
}
