import { argType, required, restValues, rtCall } from './misc.js';
import type { BuiltinEmitter, EmitterTable } from './types.js';

// `str.*` → `rt.str.*` (src/runtime/lib/str.ts).

/**
 * `str.tostring(value, format)`: the symbol's mintick goes along whenever a format is given
 * (`format.mintick` needs it). An enum prints its member title, which needs codegen's title table.
 */
const tostring: BuiltinEmitter = (c) => {
  if (argType(c, 'value')?.kind === 'enum') {
    return c.unsupported(
      'str.tostring() of an enum value is not supported yet',
      'print a string of your own',
    );
  }
  const value = required(c, 'value');
  const format = c.arg('format');
  if (format === undefined) return `${c.rt}.str.tostring(${value})`;
  return `${c.rt}.str.tostring(${value}, ${format}, ${c.ctx}.syminfo.mintick)`;
};

/**
 * `str.format(f, a, b, …)`: Java MessageFormat over an argument array, dates in the exchange zone.
 * The array is allocated per call, which string building allocates anyway.
 */
const format: BuiltinEmitter = (c) =>
  `${c.rt}.str.strFormat(${required(c, 'formatString')}, [${restValues(c, 'arg').join(', ')}], ${c.ctx}.exchangeZone)`;

/** `str.format_time(time, format, timezone)`: the zone resolved by the context (exchange zone by default). */
const formatTime: BuiltinEmitter = (c) => {
  const tz = c.arg('timezone');
  const zone = tz === undefined ? `${c.ctx}.exchangeZone` : `${c.ctx}.zone(${tz})`;
  return `${c.rt}.str.format_time(${required(c, 'time')}, ${c.arg('format') ?? 'undefined'}, ${zone})`;
};

/** Emitters of the `str.*` functions. */
export const strEmitters: EmitterTable = {
  'str.tostring': tostring,
  'str.tonumber': rtCall('str.tonumber', ['string']),
  'str.format': format,
  'str.format_time': formatTime,
  'str.length': rtCall('str.length', ['string']),
  'str.contains': rtCall('str.contains', ['source', 'str']),
  'str.startswith': rtCall('str.startswith', ['source', 'str']),
  'str.endswith': rtCall('str.endswith', ['source', 'str']),
  'str.lower': rtCall('str.lower', ['source']),
  'str.upper': rtCall('str.upper', ['source']),
  'str.trim': rtCall('str.trim', ['source']),
  'str.pos': rtCall('str.pos', ['source', 'str']),
  'str.repeat': rtCall('str.repeat', ['source', 'repeat', 'separator']),
  'str.substring': rtCall('str.substring', ['source', 'begin_pos', 'end_pos']),
  'str.replace': rtCall('str.replace', ['source', 'target', 'replacement', 'occurrence']),
  'str.replace_all': rtCall('str.replace_all', ['source', 'target', 'replacement']),
  'str.split': rtCall('str.split', ['string', 'separator']),
  'str.match': rtCall('str.match', ['source', 'regex']),
};
