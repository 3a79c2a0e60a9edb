import { functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `str.*` string functions (v5+; v4 had `tostring` and `tonumber`, see v4-names.ts).
export const STR: readonly CatalogueBlock[] = [
  functions(
    { versions: '56' },
    `
    str.contains(source: series string, str: series string): auto bool
    str.endswith(source: series string, str: series string): auto bool
    str.format(formatString: simple string, ...arg: series T): auto simple string
    str.format_time(time: series int, format: series string = "yyyy-MM-dd'T'HH:mm:ssZ", timezone: series string = syminfo.timezone): series string
    str.length(string: series string): auto int
    str.lower(source: series string): auto string
    str.match(source: series string, regex: series string): auto simple string
    str.pos(source: series string, str: series string): auto int
    str.repeat(source: series string, repeat: series int, separator: series string = ""): auto string
    str.replace(source: series string, target: series string, replacement: series string, occurrence: series int = 0): auto string
    str.replace_all(source: series string, target: series string, replacement: series string): auto simple string
    str.split(string: series string, separator: series string): array<string>
    str.startswith(source: series string, str: series string): auto bool
    str.substring(source: series string, begin_pos: series int, end_pos?: series int): auto string
    str.tonumber(string: series string): auto float
    str.tostring(value: series T, format: series string = "#.##########"): auto simple string
    str.trim(source: series string): auto string
    str.upper(source: series string): auto string
    `,
  ),
];
