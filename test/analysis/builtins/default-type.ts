// Types a catalogue default (Pine source text) the way the checker would: literals, or built-in names.
import { getBuiltinCatalogue } from '../../../src/analysis/builtins/index.js';
import type { PineVersion } from '../../../src/analysis/builtins/index.js';
import { BOOL, COLOR, FLOAT, INT, NA, STRING, qualified } from '../../../src/analysis/types/index.js';
import type { QualifiedType } from '../../../src/analysis/types/index.js';

/** The qualified type of a default's text in `version`, or undefined when the text is not understood. */
export function typeOfDefault(text: string, version: PineVersion): QualifiedType | undefined {
  if (text === 'na') return qualified('const', NA);
  if (text === 'true' || text === 'false') return qualified('const', BOOL);
  if (/^-?\d+$/.test(text)) return qualified('const', INT);
  if (/^-?\d*\.\d+$/.test(text)) return qualified('const', FLOAT);
  if (/^"[^"]*"$/.test(text)) return qualified('const', STRING);
  if (/^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(text)) return qualified('const', COLOR);
  const catalogue = getBuiltinCatalogue();
  return (
    catalogue.lookupConstant(text, version)?.entry.type ?? catalogue.lookupVariable(text, version)?.entry.type
  );
}
