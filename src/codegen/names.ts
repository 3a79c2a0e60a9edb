/** Words a Pine name cannot keep in TypeScript (reserved words, and members the module shape uses). */
const reserved = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  'any',
  'boolean',
  'number',
  'string',
  'symbol',
  'type',
  'of',
  'undefined',
  'NaN',
  'Infinity',
  'arguments',
  'eval',
  'rt',
  'ctx',
  'st',
  'strategy',
  'inputs',
  'step',
  'constructor',
  'Math',
  'Number',
  'Object',
  'Array',
]);

/**
 * The TypeScript spelling of a Pine identifier: unchanged when it is safe, else suffixed with `_`
 * (deterministic, so generating twice gives identical code).
 */
export function tsName(pineName: string): string {
  return reserved.has(pineName) ? `${pineName}_` : pineName;
}

/** A name for a generated helper (state field, temp), unique within one module by a counter. */
export class NameAllocator {
  private readonly used = new Map<string, number>();

  next(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_]/g, '_');
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return `_${base}${n}`;
  }
}
