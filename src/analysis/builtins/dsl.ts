import {
  CATALOGUE_TYPE_PARAMS,
  hasTypeParams,
  parseQualifiedType,
  printQualifiedType,
} from '../types/index.js';
import type { PineType, QualifiedType } from '../types/index.js';
import type { BlockFlags } from './block.js';
import type { BuiltinOverload, BuiltinParam, PineVersion } from './model.js';

// Parses the one-line notation described in block.ts. The text is the project's own table, so a malformed
// line is a programming error: these functions throw, and the consistency test makes every line parse.

const TYPE_OPTIONS = { typeParams: CATALOGUE_TYPE_PARAMS } as const;

/** A function line read into an overload plus the flag adjustments written at its end. */
export interface ParsedFunctionLine {
  readonly overload: BuiltinOverload;
  readonly flags: BlockFlags;
}

/** A variable or constant line. */
export interface ParsedValueLine {
  readonly name: string;
  readonly type: QualifiedType;
  readonly valueText: string | undefined;
  readonly versions: readonly PineVersion[];
}

/** A capture group that may not have taken part in the match (RegExpExecArray types them all as string). */
function optionalGroup(m: RegExpExecArray, index: number): string | undefined {
  const groups: readonly (string | undefined)[] = m;
  return groups[index];
}

/** Reads a version set such as '56' into [5, 6]. */
export function parseVersions(digits: string): readonly PineVersion[] {
  const out: PineVersion[] = [];
  for (const d of digits) {
    if (d !== '4' && d !== '5' && d !== '6') throw new Error(`bad version digit '${d}' in '${digits}'`);
    const v = Number(d) as PineVersion;
    if (!out.includes(v)) out.push(v);
  }
  if (out.length === 0) throw new Error('empty version set');
  return Object.freeze(out.sort());
}

/** Splits text at top-level separators, ignoring those inside brackets, braces, parentheses and quotes. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts;
}

/** Strips trailing `@56`, `+flag`, `-flag` annotations; returns the rest and the annotations. */
function takeAnnotations(text: string): { body: string; versions: string | undefined; marks: string[] } {
  let body = text.trim();
  let versions: string | undefined;
  const marks: string[] = [];
  const annotation = /\s(@[456]+|[+-](?:stateful|effect))$/;
  for (let m = annotation.exec(body); m !== null; m = annotation.exec(body)) {
    const mark = m[1];
    if (mark.startsWith('@')) versions = mark.slice(1);
    else marks.unshift(mark);
    body = body.slice(0, m.index).trim();
  }
  return { body, versions, marks };
}

function applyMarks(flags: BlockFlags, marks: readonly string[], line: string): BlockFlags {
  const out = { ...flags };
  for (const mark of marks) {
    const on = mark.startsWith('+');
    switch (mark.slice(1)) {
      case 'stateful':
        out.stateful = on;
        break;
      case 'effect':
        out.sideEffect = on;
        break;
      default:
        throw new Error(`unknown flag '${mark}' in: ${line}`);
    }
  }
  return out;
}

/** Reads one function signature line. */
export function parseFunctionLine(
  line: string,
  blockVersions: readonly PineVersion[],
  blockFlags: BlockFlags,
): ParsedFunctionLine {
  const { body, versions, marks } = takeAnnotations(line);
  const m = /^([A-Za-z_][\w.]*)(?:<([A-Z](?:\s*,\s*[A-Z])*)>)?\((.*)\)\s*:\s*(.+)$/.exec(body);
  if (m === null) throw new Error(`unreadable function line: ${line}`);
  const [, name, , paramText, resultText] = m;
  const explicit = optionalGroup(m, 2);
  const lineVersions = versions === undefined ? blockVersions : parseVersions(versions);
  const params = splitTopLevel(paramText, ',').map((p) => parseParam(p, lineVersions, line));
  // `auto float` → the join of the arguments' qualifiers; `auto simple float` → that join, at least simple.
  const auto = /^auto\s+(?:(const|input|simple|series)\s+)?/.exec(resultText);
  const result =
    auto === null
      ? parseQualifiedType(resultText, TYPE_OPTIONS)
      : parseQualifiedType(
          `${optionalGroup(auto, 1) ?? 'const'} ${resultText.slice(auto[0].length)}`,
          TYPE_OPTIONS,
        );
  const typeParams = collectTypeParams([...params.map((p) => p.type.type), result.type]);
  const overload: BuiltinOverload = Object.freeze({
    name,
    typeParams,
    explicitTypeParams: Object.freeze(explicit === undefined ? [] : explicit.split(',').map((s) => s.trim())),
    params: Object.freeze(params),
    result,
    resultQualifierFromArgs: auto !== null,
    versions: lineVersions,
    signature: body,
  });
  return { overload, flags: applyMarks(blockFlags, marks, line) };
}

function parseParam(text: string, overloadVersions: readonly PineVersion[], line: string): BuiltinParam {
  const { body, versions, marks } = takeAnnotations(text);
  if (marks.length > 0) throw new Error(`flags are not allowed on a parameter: ${line}`);
  const m = /^(\.\.\.)?([A-Za-z_]\w*)(\?)?\s*:\s*([^=]+?)(?:\s*=\s*(.+))?$/.exec(body);
  if (m === null) throw new Error(`unreadable parameter '${text}' in: ${line}`);
  const [, , name, , typeText] = m;
  const rest = optionalGroup(m, 1);
  const optional = optionalGroup(m, 3);
  const defaultText = optionalGroup(m, 5);
  const byVersion = defaultText === undefined ? undefined : parseVersionedDefault(defaultText, line);
  return Object.freeze({
    name,
    type: parseQualifiedType(typeText, TYPE_OPTIONS),
    required: rest === undefined && optional === undefined && defaultText === undefined,
    defaultText: byVersion === undefined ? defaultText : undefined,
    defaultByVersion: byVersion,
    rest: rest !== undefined,
    versions: versions === undefined ? overloadVersions : parseVersions(versions),
  });
}

/** `{v5: 0, v6: 100}` → {5: '0', 6: '100'}; any other text → undefined (a plain default). */
function parseVersionedDefault(text: string, line: string): Partial<Record<PineVersion, string>> | undefined {
  const m = /^\{(.*)\}$/.exec(text.trim());
  if (m === null) return undefined;
  const out: Partial<Record<PineVersion, string>> = {};
  for (const part of splitTopLevel(m[1], ',')) {
    const e = /^v([456])\s*:\s*(.+)$/.exec(part);
    if (e === null) throw new Error(`bad per-version default '${text}' in: ${line}`);
    out[Number(e[1]) as PineVersion] = e[2].trim();
  }
  return Object.freeze(out);
}

function collectTypeParams(types: readonly PineType[]): readonly string[] {
  const names = new Set<string>();
  const visit = (t: PineType): void => {
    if (!hasTypeParams(t)) return;
    switch (t.kind) {
      case 'param':
        names.add(t.name);
        break;
      case 'array':
      case 'matrix':
      case 'list':
        visit(t.element);
        break;
      case 'map':
        visit(t.key);
        visit(t.value);
        break;
      case 'tuple':
        for (const e of t.elements) visit(e.type);
        break;
      default:
        break;
    }
  };
  for (const t of types) visit(t);
  return Object.freeze([...names].sort());
}

/** Reads one variable (`name: type`) or constant (`name: type = value`) line. */
export function parseValueLine(line: string, blockVersions: readonly PineVersion[]): ParsedValueLine {
  const { body, versions, marks } = takeAnnotations(line);
  if (marks.length > 0) throw new Error(`flags are only for functions: ${line}`);
  const m = /^([A-Za-z_][\w.]*)\s*:\s*([^=]+?)(?:\s*=\s*(.+))?$/.exec(body);
  if (m === null) throw new Error(`unreadable value line: ${line}`);
  const [, name, typeText] = m;
  const valueText = optionalGroup(m, 3);
  return {
    name,
    type: parseQualifiedType(typeText, TYPE_OPTIONS),
    valueText: valueText?.trim(),
    versions: versions === undefined ? blockVersions : parseVersions(versions),
  };
}

/** The meaningful lines of a block's text: trimmed, without blanks and `#` comments. */
export function blockLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A qualified type from its printed form with the catalogue's type parameters. */
export function catalogueType(text: string): QualifiedType {
  return parseQualifiedType(text, TYPE_OPTIONS);
}

/**
 * An overload in the catalogue notation, e.g. `ta.sma(source: series float, length: series int): series float`.
 * Per-version views print only their own parameters and defaults.
 */
export function printSignature(o: BuiltinOverload): string {
  const params = o.params.map((p) => {
    const head = `${p.rest ? '...' : ''}${p.name}${!p.required && p.defaultText === undefined && !p.rest ? '?' : ''}`;
    const byVersion =
      p.defaultByVersion === undefined
        ? ''
        : ` = {${Object.entries(p.defaultByVersion)
            .map(([v, d]) => `v${v}: ${d}`)
            .join(', ')}}`;
    const dflt = p.defaultText === undefined ? byVersion : ` = ${p.defaultText}`;
    return `${head}: ${printQualifiedType(p.type)}${dflt}`;
  });
  const explicit = o.explicitTypeParams.length === 0 ? '' : `<${o.explicitTypeParams.join(', ')}>`;
  const result = o.resultQualifierFromArgs
    ? `auto ${o.result.qualifier === 'const' ? '' : `${o.result.qualifier} `}${printQualifiedType(o.result).replace(/^\w+ /, '')}`
    : printQualifiedType(o.result);
  return `${o.name}${explicit}(${params.join(', ')}): ${result}`;
}
