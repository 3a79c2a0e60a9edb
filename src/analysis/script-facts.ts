import type * as A from '../parser/ast.js';
import { literalValue } from './literal-value.js';
import type { CallResolution, InputDescriptor, LiteralValue, ScriptDeclaration } from './model.js';

type BuiltinCall = Extract<CallResolution, { kind: 'builtin' }>;

/** Arguments of a resolved built-in call by parameter name, as literals where they are literal. */
function literalArguments(resolution: BuiltinCall): Partial<Record<string, LiteralValue>> {
  const out: Partial<Record<string, LiteralValue>> = {};
  const params = resolution.overload.params;
  resolution.args.forEach((argument, i) => {
    if (!argument || i >= params.length) return;
    const value = literalValue(argument);
    out[params[i].name] = value === undefined ? { constant: '<expression>' } : value;
  });
  return out;
}

const inputTypes: Readonly<Partial<Record<string, InputDescriptor['type']>>> = {
  'input.int': 'int',
  'input.float': 'float',
  'input.bool': 'bool',
  'input.string': 'string',
  'input.color': 'color',
  'input.source': 'source',
  'input.timeframe': 'timeframe',
  'input.session': 'session',
  'input.symbol': 'symbol',
  'input.time': 'time',
  'input.price': 'price',
  'input.enum': 'enum',
  'input.text_area': 'text_area',
};

/** v4 `input(…, type=input.integer)` names its type with a constant. */
const v4InputTypes: Readonly<Partial<Record<string, InputDescriptor['type']>>> = {
  'input.integer': 'int',
  'input.float': 'float',
  'input.bool': 'bool',
  'input.string': 'string',
  'input.color': 'color',
  'input.source': 'source',
  'input.resolution': 'timeframe',
  'input.session': 'session',
  'input.symbol': 'symbol',
  'input.time': 'time',
  'input.price': 'price',
};

function typeOfGenericInput(
  settings: Partial<Record<string, LiteralValue>>,
  defval: A.Expression | undefined,
): InputDescriptor['type'] {
  const written = settings.type;
  if (typeof written === 'object' && written !== null && 'constant' in written) {
    const mapped = v4InputTypes[written.constant];
    if (mapped) return mapped;
  }
  if (!defval) return 'float';
  if (defval.kind === 'NumberLiteral') return defval.isInteger ? 'int' : 'float';
  if (defval.kind === 'BoolLiteral') return 'bool';
  if (defval.kind === 'StringLiteral') return 'string';
  if (defval.kind === 'ColorLiteral') return 'color';
  if (
    defval.kind === 'Identifier' &&
    ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'].includes(defval.name)
  )
    return 'source';
  return 'float';
}

function text(value: LiteralValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** One `input*()` call as data: what `pineport check --json` lists and the optimiser searches. */
export function describeInput(
  resolution: BuiltinCall,
  call: A.CallExpression,
  variable: string | undefined,
  index: number,
): InputDescriptor {
  const settings = literalArguments(resolution);
  const defval = resolution.args[0];
  const type = inputTypes[resolution.name] ?? typeOfGenericInput(settings, defval);
  const defaultValue: LiteralValue = defval
    ? defval.kind === 'Identifier'
      ? defval.name
      : (literalValue(defval) ?? { constant: '<expression>' })
    : null;
  const title = text(settings.title);
  const options = settings.options;
  return {
    name: variable ?? title ?? `input${index + 1}`,
    variable,
    function: resolution.name,
    type,
    title,
    default: defaultValue,
    ...(settings.minval !== undefined ? { minval: settings.minval } : {}),
    ...(settings.maxval !== undefined ? { maxval: settings.maxval } : {}),
    ...(settings.step !== undefined ? { step: settings.step } : {}),
    ...(Array.isArray(options) ? { options } : {}),
    ...(text(settings.group) !== undefined ? { group: text(settings.group) } : {}),
    ...(text(settings.tooltip) !== undefined ? { tooltip: text(settings.tooltip) } : {}),
    ...(text(settings.inline) !== undefined ? { inline: text(settings.inline) } : {}),
    line: call.span.line,
  };
}

/** The `strategy()`/`indicator()`/`library()` call's settings (v4 `study` is an indicator). */
export function describeDeclaration(resolution: BuiltinCall, call: A.CallExpression): ScriptDeclaration {
  const kind =
    resolution.name === 'strategy' ? 'strategy' : resolution.name === 'library' ? 'library' : 'indicator';
  return { kind, call, settings: literalArguments(resolution) };
}
