import type { PineType, QualifiedType } from '../../analysis/types/index.js';
import type { BuiltinEmitContext, BuiltinEmitter, EmitterTable } from './types.js';

// Shared helpers of the library emitters (math, str, collections, color, time, plot) and the emitters
// of na handling, casts, runtime errors and `request.*`.
//
// Every emitter uses each argument expression at most once: an argument may carry a stateful call
// (`this.ta0.update(…)`), and evaluating it twice would advance that state twice on one bar.

/**
 * True when `expr` can stand as a receiver or an operand without parentheses: identifiers, member
 * chains, calls, index reads, literals and already-parenthesised text (`this.a.get(0)`, `'x'`, `(a + b)`).
 */
export function isPrimary(expr: string): boolean {
  const e = expr.trim();
  if (e === '' || e.startsWith('new ')) return false;
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    const ch = e[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i = closingQuote(e, i);
      if (i < 0) return false;
    } else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      depth--;
      if (depth < 0) return false;
    } else if (depth === 0 && !/[\w$.]/.test(ch)) return false;
  }
  return depth === 0;
}

/** Index of the quote closing the string literal opened at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** `expr`, parenthesised unless it is primary (see {@link isPrimary}). */
export function group(expr: string): string {
  return isPrimary(expr) ? expr.trim() : `(${expr})`;
}

/** The text of a TypeScript string literal (`'abc'`, `"abc"`), or undefined for any other expression. */
export function stringLiteralValue(expr: string | undefined): string | undefined {
  if (expr === undefined) return undefined;
  const e = expr.trim();
  if (e.length < 2 || closingQuote(e, 0) !== e.length - 1) return undefined;
  if (e[0] === '"') return JSON.parse(e) as string;
  if (e[0] !== "'") return undefined;
  const body = e
    .slice(1, -1)
    .replace(/\\'/g, "'")
    .replace(/(^|[^\\])"/g, '$1\\"');
  return JSON.parse(`"${body}"`) as string;
}

/** True for the empty string literal `''` / `""`. */
export function isEmptyStringLiteral(expr: string | undefined): boolean {
  return stringLiteralValue(expr) === '';
}

/**
 * The values of a rest parameter: the analysis puts the first rest argument in the parameter's own
 * slot and the further ones in `restArgs`; both are read so either layout works.
 */
export function restValues(c: BuiltinEmitContext, restParam: string): string[] {
  const first = c.arg(restParam);
  return first === undefined ? [...c.restArgs] : [first, ...c.restArgs];
}

/**
 * A TypeScript argument list from optional arguments: trailing missing ones are left out (the runtime
 * default applies), missing ones before a given one become `undefined` (which also selects the default).
 */
export function argList(values: readonly (string | undefined)[]): string {
  let end = values.length;
  while (end > 0 && values[end - 1] === undefined) end--;
  return values
    .slice(0, end)
    .map((v) => v ?? 'undefined')
    .join(', ');
}

/** `receiver.method(args…)` with the receiver parenthesised when needed. */
export function methodCall(
  receiver: string,
  method: string,
  values: readonly (string | undefined)[],
): string {
  return `${group(receiver)}.${method}(${argList(values)})`;
}

/** The argument that must be present (the analysis reported its absence already); `NaN` stands in. */
export function required(c: BuiltinEmitContext, name: string): string {
  return c.arg(name) ?? 'NaN';
}

/** The argument's Pine type by parameter name. */
export function argType(c: BuiltinEmitContext, name: string): PineType | undefined {
  const i = c.paramNames.indexOf(name);
  return i < 0 ? undefined : c.argTypes[i]?.type;
}

/** The primitive name of a type (`int`, `float`, `bool`, `string`, `color`), or undefined. */
export function primitiveName(t: PineType | undefined): string | undefined {
  return t?.kind === 'primitive' ? t.name : undefined;
}

/** True for types represented as JS numbers with NaN as na: int, float and color. */
export function isNumberType(t: PineType | undefined): boolean {
  const name = primitiveName(t);
  return name === 'int' || name === 'float' || name === 'color';
}

/** True for types whose na is `null`: strings, drawing ids, collections, UDT objects. */
export function isReferenceType(t: PineType | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'primitive') return t.name === 'string';
  return ['id', 'array', 'matrix', 'map', 'udt'].includes(t.kind);
}

/**
 * The TypeScript type of a Pine type in generated code, or undefined when it cannot be written here
 * (type parameters, tuples, na). Numbers (int, float, color) and drawing ids are `number`; bool is
 * `boolean`; strings and enum values (member names) `string`; collections the runtime classes; UDTs
 * their own names.
 * na of reference types is `null` at run time; generated code types it with `null as never` (see
 * {@link naLiteral}) so the element types stay the plain ones runtime functions accept.
 */
export function tsType(t: PineType, rt: string): string | undefined {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'bool' ? 'boolean' : t.name === 'string' ? 'string' : 'number';
    case 'id':
      return t.name === 'chart.point' ? '{ time: number; index: number; price: number }' : 'number';
    case 'array':
    case 'matrix': {
      const element = tsType(t.element, rt);
      if (element === undefined) return undefined;
      return `${rt}.${t.kind === 'array' ? 'PineArray' : 'PineMatrix'}<${element}>`;
    }
    case 'map': {
      const key = tsType(t.key, rt);
      const value = tsType(t.value, rt);
      return key === undefined || value === undefined ? undefined : `${rt}.PineMap<${key}, ${value}>`;
    }
    case 'udt':
      return t.name;
    case 'enum':
      return 'string';
    default:
      return undefined;
  }
}

/** `<T>` for a generic call when the type can be written, else '' (TypeScript infers it). */
export function typeArgs(types: readonly (PineType | undefined)[], rt: string): string {
  const written = types.map((t) => (t === undefined ? undefined : tsType(t, rt)));
  if (written.some((w) => w === undefined)) return '';
  return `<${written.join(', ')}>`;
}

/** The na value of a Pine type as a TypeScript expression: NaN for numbers, false for bool, else null. */
export function naLiteral(t: PineType | undefined): string {
  if (isNumberType(t)) return 'NaN';
  if (primitiveName(t) === 'bool') return 'false';
  return 'null as never';
}

/** The element type of the call's `array<…>`/`matrix<…>` result, if known. */
export function resultElement(type: QualifiedType): PineType | undefined {
  const t = type.type;
  return t.kind === 'array' || t.kind === 'matrix' ? t.element : undefined;
}

/** An emitter calling `rt.<path>(args…)` with the named arguments in order (missing trailing ones left out). */
export function rtCall(path: string, params: readonly string[]): BuiltinEmitter {
  return (c) => `${c.rt}.${path}(${argList(params.map((p) => c.arg(p)))})`;
}

// na handling and casts ---------------------------------------------------------------------------

/** `na(x)`: the NaN test for numbers, the general na test (null, undefined, NaN) for everything else. */
const na: BuiltinEmitter = (c) => {
  const x = required(c, 'x');
  return isNumberType(argType(c, 'x')) ? `${c.rt}.isNa(${x})` : `${c.rt}.isNaValue(${x})`;
};

/** `nz(x, y)`: runtime `nz` for numbers; bools are never na; references use `??` (null is their na). */
const nz: BuiltinEmitter = (c) => {
  const source = required(c, 'source');
  const replacement = c.arg('replacement');
  const t = argType(c, 'source');
  if (primitiveName(t) === 'bool') return group(source);
  if (!isReferenceType(t)) return `${c.rt}.nz(${argList([source, replacement])})`;
  return replacement === undefined ? group(source) : `(${group(source)} ?? ${group(replacement)})`;
};

/**
 * `fixnan(x)`: one `rt.Fixnan` per call site for numbers (int, float, color). A bool value here is a
 * JS boolean, never na, so it is itself; other types have no numeric na to fix.
 */
const fixnan: BuiltinEmitter = (c) => {
  const t = argType(c, 'source');
  if (primitiveName(t) === 'bool') return group(required(c, 'source'));
  if (!isNumberType(t)) {
    return c.unsupported('fixnan() of a non-numeric value is not supported', 'use fixnan on a number');
  }
  const site = c.state('fixnan', `${c.rt}.Fixnan`, `new ${c.rt}.Fixnan()`);
  return `${site}.update(${required(c, 'source')})`;
};

/** Casts that change nothing at run time (`float(x)`, `color(x)`, `line(x)` …). */
const identity: BuiltinEmitter = (c) => group(required(c, 'x'));

/**
 * `bool(x)`: for a number, true unless 0 or na. `Boolean(x)` is exactly `x !== 0 && !isNaN(x)` for
 * numbers and evaluates `x` once.
 */
const toBool: BuiltinEmitter = (c) =>
  primitiveName(argType(c, 'x')) === 'bool' ? group(required(c, 'x')) : `Boolean(${required(c, 'x')})`;

// request.* -------------------------------------------------------------------------------------------

/** True when a timeframe argument means the chart's own timeframe: `""` or `timeframe.period`. */
export function isChartTimeframe(c: BuiltinEmitContext, tf: string | undefined): boolean {
  return tf !== undefined && (isEmptyStringLiteral(tf) || tf.trim() === `${c.ctx}.timeframe.period`);
}

/** True when a symbol argument is the chart's own symbol (`syminfo.tickerid` / `syminfo.ticker`). */
function isChartSymbol(c: BuiltinEmitContext, symbol: string | undefined): boolean {
  const s = symbol?.trim();
  return s === `${c.ctx}.syminfo.tickerid` || s === `${c.ctx}.syminfo.ticker`;
}

/** request.security at a higher timeframe is emitted by the emitter (src/codegen/security.ts); lower ones need intrabars. */
const HTF_HINT =
  'pineport has no intrabar data: request the chart timeframe or a higher one with request.security';

/**
 * `request.security(sym, tf, expr)` on the chart's symbol and timeframe is `expr` itself; a higher
 * timeframe of the chart symbol never reaches this table (the emitter runs `expr` on the resampled
 * feed, see src/codegen/security.ts); other symbols and lower timeframes are not supported.
 */
function security(lowerTf: boolean): BuiltinEmitter {
  return (c) => {
    if (!isChartSymbol(c, c.arg('symbol'))) {
      return c.missingData(
        `${c.name} of another symbol needs that symbol's bars, which the chart feed does not hold`,
        'request the chart symbol (syminfo.tickerid)',
      );
    }
    if (!isChartTimeframe(c, c.arg('timeframe'))) {
      return c.missingData(
        `${c.name} at a lower timeframe needs intrabars (bars of that timeframe), which the chart feed does not hold`,
        HTF_HINT,
      );
    }
    const expression = required(c, 'expression');
    if (!lowerTf) return group(expression);
    // On the chart's own timeframe every bar holds exactly one intrabar: itself.
    const floats = primitiveName(resultElement(c.resultType)) === 'float';
    return floats ? `${c.rt}.PineArray.fromFloats(${expression})` : `${c.rt}.PineArray.from(${expression})`;
  };
}

/** Data sources the runtime has no feed for: dividends, earnings, financials, economic data … */
const noDataFeed: BuiltinEmitter = (c) =>
  c.missingData(
    `${c.name} needs data pineport has no feed for`,
    'remove the call or replace it with an input',
  );

/** Ticker ids of other chart types or sessions: only useful with requests of other contexts. */
const otherTicker: BuiltinEmitter = (c) =>
  c.unsupported(`${c.name} is not supported (other chart types and sessions)`, 'use syminfo.tickerid');

/** na handling, casts, `iff`, `max_bars_back`, `runtime.error`, `request.*`, `ticker.*`. */
export const miscEmitters: EmitterTable = {
  na,
  nz,
  fixnan,
  int: (c) => `${c.rt}.toInt(${required(c, 'x')})`,
  float: identity,
  bool: toBool,
  color: identity,
  string: identity,
  label: identity,
  line: identity,
  box: identity,
  table: identity,
  linefill: identity,
  iff: (c) =>
    `(${group(required(c, 'condition'))} ? ${group(required(c, 'then'))} : ${group(required(c, '_else'))})`,
  // History sizes come from codegen's lookback analysis; the call itself does nothing per bar.
  max_bars_back: () => 'void 0',
  'runtime.error': (c) => `${c.rt}.runtimeError(${required(c, 'message')})`,
  'request.security': security(false),
  'request.security_lower_tf': security(true),
  'request.currency_rate': noDataFeed,
  'request.dividends': noDataFeed,
  'request.earnings': noDataFeed,
  'request.economic': noDataFeed,
  'request.financial': noDataFeed,
  'request.quandl': noDataFeed,
  'request.seed': noDataFeed,
  'request.splits': noDataFeed,
  'ticker.heikinashi': otherTicker,
  'ticker.inherit': otherTicker,
  'ticker.kagi': otherTicker,
  'ticker.linebreak': otherTicker,
  'ticker.modify': otherTicker,
  'ticker.new': otherTicker,
  'ticker.pointfigure': otherTicker,
  'ticker.renko': otherTicker,
  'ticker.standard': otherTicker,
  'syminfo.prefix': (c) =>
    c.unsupported('syminfo.prefix(symbol) is not supported', 'use the variable syminfo.prefix'),
  'syminfo.ticker': (c) =>
    c.unsupported('syminfo.ticker(symbol) is not supported', 'use the variable syminfo.ticker'),
};
