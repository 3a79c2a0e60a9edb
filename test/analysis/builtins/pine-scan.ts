// Finds the built-in names a Pine script refers to, with regular expressions: enough to check that the
// catalogue covers a corpus, not a parser. Comments and string literals are blanked first.

/** The names a script uses, by kind of use. */
export interface ScriptNames {
  readonly version: number;
  /** `ns.name(` and `ns.name<T>(` calls. */
  readonly qualifiedCalls: ReadonlySet<string>;
  /** Dotted names not followed by a call: variables, constants, type names such as `chart.point`. */
  readonly qualifiedValues: ReadonlySet<string>;
  /** `name(` calls of names the script does not define itself. */
  readonly globalCalls: ReadonlySet<string>;
}

const KEYWORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'and',
  'or',
  'not',
  'return',
  'var',
  'varip',
  'else',
  'to',
  'by',
  'in',
]);

/** Blanks `//` comments and string literals so their text cannot look like code. */
export function stripCommentsAndStrings(source: string): string {
  return source.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""').replace(/\/\/.*$/gm, '');
}

/** Scans one script. */
export function scanPine(source: string): ScriptNames {
  const version = Number(/\/\/\s*@version\s*=\s*(\d+)/.exec(source)?.[1] ?? '6');
  const code = stripCommentsAndStrings(source);
  const defined = new Set<string>();
  for (const m of code.matchAll(/^\s*(?:export\s+)?(?:method\s+)?([A-Za-z_]\w*)\s*\([^()]*\)\s*=>/gm))
    defined.add(m[1]);
  for (const m of code.matchAll(/^\s*(?:export\s+)?(?:type|enum)\s+([A-Za-z_]\w*)/gm)) defined.add(m[1]);
  const qualifiedCalls = new Set<string>();
  const qualifiedValues = new Set<string>();
  const globalCalls = new Set<string>();
  for (const m of code.matchAll(
    /(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(\s*(?:<[\w\s,.<>]*>)?\s*\()?/g,
  )) {
    const call: string | undefined = m.at(2);
    (call === undefined ? qualifiedValues : qualifiedCalls).add(m[1]);
  }
  for (const m of code.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*(?:<[\w\s,.<>]*>)?\s*\(/g)) {
    if (!KEYWORDS.has(m[1]) && !defined.has(m[1])) globalCalls.add(m[1]);
  }
  return { version, qualifiedCalls, qualifiedValues, globalCalls };
}
