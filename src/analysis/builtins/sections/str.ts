import { functions } from '../block.js';
import type { CatalogueBlock } from '../block.js';

// `str.*` string functions (v5+); `str.tostring` and `str.tonumber` were v4's `tostring` and `tonumber`
// (see v4-names.ts), hence their version 4.
export const STR: readonly CatalogueBlock[] = [
  functions(
    { versions: '456' },
    `
    str.contains(source: series string, str: series string): auto bool @56
    str.endswith(source: series string, str: series string): auto bool @56
    str.format(formatString: simple string, ...arg: series T): auto simple string @56
    str.format_time(time: series int, format: series string = "yyyy-MM-dd'T'HH:mm:ssZ", timezone: series string = syminfo.timezone): series string @56
    str.length(string: series string): auto int @56
    str.lower(source: series string): auto string @56
    str.match(source: series string, regex: series string): auto simple string @56
    str.pos(source: series string, str: series string): auto int @56
    str.repeat(source: series string, repeat: series int, separator: series string = ""): auto string @56
    str.replace(source: series string, target: series string, replacement: series string, occurrence: series int = 0): auto string @56
    str.replace_all(source: series string, target: series string, replacement: series string): auto simple string @56
    str.split(string: series string, separator: series string): array<string> @56
    str.startswith(source: series string, str: series string): auto bool @56
    str.substring(source: series string, begin_pos: series int, end_pos?: series int): auto string @56
    str.tonumber(string: series string): auto float @456
    str.tostring(value: series T, format: series string = "#.##########"): auto simple string @456
    str.trim(source: series string): auto string @56
    str.upper(source: series string): auto string @56
    `,
  ),
];
