/**
 * A TOML subset for settings files: `key = value` lines with strings ("basic" with escapes, 'literal'),
 * integers and floats (`_` separators allowed), booleans, `#` comments, `[table]` headers and
 * `[[array-of-tables]]` headers. Values are gathered per table; array tables and inline tables/arrays
 * are not values we read (the problem list says so).
 */

export type TomlValue = string | number | boolean;

/** Parsed tables: '' is the top level; `[[name]]` entries are listed but their keys are not kept. */
export interface TomlDocument {
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, { value: TomlValue; line: number }>>;
  readonly arrayTables: readonly string[];
  /** Lines the subset cannot read: 1-based line and what is wrong. */
  readonly problems: readonly { line: number; message: string }[];
}

/** Parses the subset; never throws. */
export function parseTomlSubset(text: string): TomlDocument {
  const tables = new Map<string, Map<string, { value: TomlValue; line: number }>>([['', new Map()]]);
  const arrayTables: string[] = [];
  const problems: { line: number; message: string }[] = [];
  let current: Map<string, { value: TomlValue; line: number }> | undefined = tables.get('');
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw).trim();
    if (content === '') return;
    const arrayHeader = /^\[\[\s*([\w.-]+)\s*\]\]$/.exec(content);
    if (arrayHeader !== null) {
      arrayTables.push(arrayHeader[1]);
      current = undefined;
      return;
    }
    const header = /^\[\s*([\w.-]+)\s*\]$/.exec(content);
    if (header !== null) {
      const table = tables.get(header[1]) ?? new Map<string, { value: TomlValue; line: number }>();
      tables.set(header[1], table);
      current = table;
      return;
    }
    const pair = /^([\w-]+|"[^"]*")\s*=\s*(.+)$/.exec(content);
    if (pair === null) {
      problems.push({ line, message: `expected key = value, found '${content}'` });
      return;
    }
    const value = parseValue(pair[2].trim());
    if (value === undefined) {
      problems.push({ line, message: `value '${pair[2].trim()}' is not a string, number or boolean` });
      return;
    }
    current?.set(pair[1].replace(/^"|"$/g, ''), { value, line });
  });
  return { tables, arrayTables, problems };
}

/** Removes a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function parseValue(text: string): TomlValue | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1);
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    try {
      // A TOML basic string's escapes are a subset of JSON's.
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  }
  if (/^[+-]?(\d[\d_]*)(\.\d[\d_]*)?([eE][+-]?\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  return undefined;
}
