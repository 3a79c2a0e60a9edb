import type { Diagnostic, DiagnosticDefinition } from '../diagnostics/index.js';
import { optimizeCodes } from '../diagnostics/codes/optimize.js';
import type { ParamValue, ParamValues } from './types.js';

/** An input as `pineport check --json` describes it. */
export interface InputDescriptor {
  readonly name: string;
  readonly type: 'int' | 'float' | 'bool' | 'string' | 'source';
  readonly default: ParamValue;
  readonly minval?: number;
  readonly maxval?: number;
  readonly step?: number;
  readonly options?: readonly ParamValue[];
}

/** A numeric dimension. `step` undefined means continuous; values are `low + k·step` otherwise. */
export interface NumericDimension {
  readonly kind: 'numeric';
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly step: number | undefined;
  readonly log: boolean;
  readonly integer: boolean;
}

/** A dimension over a finite list of values (bool, options lists, sources). */
export interface CategoricalDimension {
  readonly kind: 'categorical';
  readonly name: string;
  readonly choices: readonly ParamValue[];
}

export type Dimension = NumericDimension | CategoricalDimension;

/**
 * What the samplers search: the free dimensions (in input order) and the fixed values of every
 * other input; `settings` are strategy settings (commission, slippage…) fixed for the whole study.
 */
export interface SearchSpace {
  readonly dimensions: readonly Dimension[];
  readonly fixed: ParamValues;
  /** Every input name in declaration order. */
  readonly order: readonly string[];
  readonly settings: ParamValues;
}

/** One entry of `space.json`'s `params`: a fixed value, or a narrowed range / options subset. */
export type ParamOverride =
  | ParamValue
  | {
      readonly fixed?: ParamValue;
      readonly optimize?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly step?: number;
      readonly log?: boolean;
      readonly options?: readonly ParamValue[];
    };

/** The user's `space.json`. */
export interface SpaceOverrides {
  /** Optimise only these inputs; the others stay at their defaults. */
  readonly only?: readonly string[];
  readonly params?: Readonly<Record<string, ParamOverride>>;
  /** What to do with numeric inputs that have no bounds: `error` (default) or `fix` at the default. */
  readonly unbounded?: 'error' | 'fix';
  readonly settings?: Readonly<Record<string, ParamValue>>;
}

/** Pine's built-in price sources, the choices of a `source` input. */
export const PINE_SOURCES: readonly string[] = [
  'open',
  'high',
  'low',
  'close',
  'hl2',
  'hlc3',
  'ohlc4',
  'hlcc4',
];

const BOUNDS_HINT = 'give minval/maxval in the script or in space.json';

function diag(def: DiagnosticDefinition, message: string, hint?: string, file?: string): Diagnostic {
  return {
    code: def.code,
    severity: def.severity,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(file === undefined ? {} : { file }),
  };
}

function isParamValue(v: unknown): v is ParamValue {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
}

/**
 * Reads `space.json` text into {@link SpaceOverrides}, checking its shape. Unknown keys and wrong
 * types are errors with the path of the offending value.
 */
export function parseSpaceOverrides(
  text: string,
  file?: string,
): { overrides: SpaceOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (message: string): { overrides: SpaceOverrides; diagnostics: Diagnostic[] } => {
    diagnostics.push(diag(optimizeCodes.invalidSpaceFile, message, undefined, file));
    return { overrides: {}, diagnostics };
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return bad(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('expected a JSON object');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!['only', 'params', 'unbounded', 'settings'].includes(key)) {
      return bad(`unknown key '${key}' (expected only, params, unbounded, settings)`);
    }
  }
  const { only, params, unbounded, settings } = obj;
  if (only !== undefined && !(Array.isArray(only) && only.every((x) => typeof x === 'string'))) {
    return bad("'only' must be a list of input names");
  }
  if (unbounded !== undefined && unbounded !== 'error' && unbounded !== 'fix') {
    return bad('\'unbounded\' must be "error" or "fix"');
  }
  if (settings !== undefined) {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      return bad("'settings' must be an object of fixed values");
    }
    for (const [k, v] of Object.entries(settings)) {
      if (!isParamValue(v)) return bad(`settings.${k} must be a number, string or boolean`);
    }
  }
  if (params !== undefined) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return bad("'params' must be an object keyed by input name");
    }
    for (const [name, entry] of Object.entries(params)) {
      const problem = checkOverrideEntry(entry);
      if (problem !== undefined) return bad(`params.${name}: ${problem}`);
    }
  }
  return { overrides: obj, diagnostics };
}

function checkOverrideEntry(entry: unknown): string | undefined {
  if (isParamValue(entry)) return undefined;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return 'expected a value or an object {min, max, step, log, options, fixed, optimize}';
  }
  for (const [k, v] of Object.entries(entry)) {
    switch (k) {
      case 'min':
      case 'max':
      case 'step':
        if (typeof v !== 'number' || !Number.isFinite(v)) return `${k} must be a finite number`;
        break;
      case 'log':
      case 'optimize':
        if (typeof v !== 'boolean') return `${k} must be true or false`;
        break;
      case 'fixed':
        if (!isParamValue(v)) return 'fixed must be a number, string or boolean';
        break;
      case 'options':
        if (!Array.isArray(v) || v.length === 0 || !v.every(isParamValue)) {
          return 'options must be a non-empty list of values';
        }
        break;
      default:
        return `unknown key '${k}'`;
    }
  }
  return undefined;
}

/**
 * Builds the search space from the strategy's inputs and the user's overrides. Int and float
 * inputs with both bounds become numeric dimensions (int: step ≥ 1, default 1; float: continuous
 * unless a step is given); bools, option lists and sources become categorical; strings without
 * options stay fixed. A numeric input lacking a bound is an error unless the overrides fix it,
 * leave it out via `only`, or say `unbounded: "fix"`.
 */
export function buildSearchSpace(
  inputs: readonly InputDescriptor[],
  overrides: SpaceOverrides = {},
  file?: string,
): { space: SearchSpace; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const known = new Set(inputs.map((i) => i.name));
  const params = overrides.params ?? {};
  for (const name of [...Object.keys(params), ...(overrides.only ?? [])]) {
    if (!known.has(name)) {
      diagnostics.push(
        diag(
          optimizeCodes.unknownParameter,
          `'${name}' is not an input of the strategy`,
          suggestion(name, [...known]),
          file,
        ),
      );
    }
  }
  const only = overrides.only === undefined ? undefined : new Set(overrides.only);
  const dimensions: Dimension[] = [];
  const fixed: Record<string, ParamValue> = {};
  for (const input of inputs) {
    const override = params[input.name];
    const result = dimensionFor(input, override, only, overrides.unbounded ?? 'error', file);
    diagnostics.push(...result.diagnostics);
    if (result.dimension === undefined) fixed[input.name] = result.value;
    else dimensions.push(result.dimension);
  }
  if (dimensions.length === 0 && inputs.length > 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(
      diag(optimizeCodes.emptySpace, 'every input is fixed: the study has one point', undefined, file),
    );
  }
  return {
    space: { dimensions, fixed, order: inputs.map((i) => i.name), settings: overrides.settings ?? {} },
    diagnostics,
  };
}

interface DimensionResult {
  readonly dimension?: Dimension;
  readonly value: ParamValue;
  readonly diagnostics: Diagnostic[];
}

function dimensionFor(
  input: InputDescriptor,
  override: ParamOverride | undefined,
  only: ReadonlySet<string> | undefined,
  unbounded: 'error' | 'fix',
  file: string | undefined,
): DimensionResult {
  const keep = (value: ParamValue, diagnostics: Diagnostic[] = []): DimensionResult => ({
    value,
    diagnostics,
  });
  if (isParamValue(override)) return keep(override);
  if (override?.fixed !== undefined) return keep(override.fixed);
  if (override?.optimize === false) return keep(input.default);
  if (only !== undefined && !only.has(input.name)) return keep(input.default);
  if (input.type === 'int' || input.type === 'float')
    return numericDimension(input, override ?? {}, unbounded, file);
  let choices: readonly ParamValue[];
  if (input.type === 'bool') choices = [false, true];
  else if (input.options !== undefined && input.options.length > 0) choices = input.options;
  else if (input.type === 'source') choices = PINE_SOURCES;
  else choices = override?.options ?? [];
  if (override?.options !== undefined) {
    const missing = override.options.filter((o) => !choices.includes(o));
    if (missing.length > 0 && choices.length > 0) {
      return keep(input.default, [
        diag(
          optimizeCodes.invalidOptions,
          `${input.name}: ${missing.map((m) => JSON.stringify(m)).join(', ')} not among the input's options`,
          `choose from ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
          file,
        ),
      ]);
    }
    choices = override.options;
  }
  if (choices.length <= 1) return keep(choices.length === 1 ? choices[0] : input.default);
  return {
    dimension: { kind: 'categorical', name: input.name, choices },
    value: input.default,
    diagnostics: [],
  };
}

function numericDimension(
  input: InputDescriptor,
  o: Exclude<ParamOverride, ParamValue>,
  unbounded: 'error' | 'fix',
  file: string | undefined,
): DimensionResult {
  const integer = input.type === 'int';
  let low = o.min ?? input.minval;
  let high = o.max ?? input.maxval;
  const fail = (def: DiagnosticDefinition, message: string, hint?: string): DimensionResult => ({
    value: input.default,
    diagnostics: [diag(def, `${input.name}: ${message}`, hint, file)],
  });
  if (low === undefined || high === undefined) {
    if (unbounded === 'fix') return { value: input.default, diagnostics: [] };
    const which =
      low === undefined && high === undefined
        ? 'no minval or maxval'
        : low === undefined
          ? 'no minval'
          : 'no maxval';
    return fail(
      optimizeCodes.unboundedRange,
      `${input.type} input has ${which} to search between`,
      BOUNDS_HINT,
    );
  }
  const log = o.log ?? false;
  let step = o.step ?? input.step ?? (integer ? 1 : undefined);
  if (step !== undefined && !(step > 0))
    return fail(optimizeCodes.invalidRange, `step must be positive (got ${step})`);
  if (integer) {
    if (step !== undefined && !Number.isInteger(step))
      return fail(optimizeCodes.invalidRange, `int step must be whole (got ${step})`);
    low = Math.ceil(low);
    high = Math.floor(high);
  }
  if (low > high) return fail(optimizeCodes.invalidRange, `min ${low} is above max ${high}`);
  if (log && low <= 0) return fail(optimizeCodes.invalidRange, `log scale needs min > 0 (got ${low})`);
  if (step !== undefined) high = low + Math.floor((high - low) / step + 1e-9) * step;
  if (low === high) return { value: low, diagnostics: [] };
  if (step === undefined && integer) step = 1;
  return {
    dimension: { kind: 'numeric', name: input.name, low, high, step, log, integer },
    value: input.default,
    diagnostics: [],
  };
}

/**
 * Snaps a raw number onto a numeric dimension: clamps to [low, high], rounds to the step grid
 * (`low + k·step`, rounding the multiple to avoid drift like 0.30000000000000004) and to an integer.
 */
export function snapNumeric(dim: NumericDimension, x: number): number {
  let v = Math.min(dim.high, Math.max(dim.low, x));
  if (dim.step !== undefined) {
    const k = Math.round((v - dim.low) / dim.step);
    v = roundDecimal(dim.low + k * dim.step, dim.step);
    v = Math.min(dim.high, Math.max(dim.low, v));
  }
  return dim.integer ? Math.round(v) : v;
}

/** Rounds to the number of decimals `step` has (up to 12), so 0.1·3 prints as 0.3. */
function roundDecimal(v: number, step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  const decimals = dot < 0 || text.includes('e') ? 0 : Math.min(12, text.length - dot - 1);
  if (decimals === 0) return v;
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** The values a grid visits along a dimension; a continuous float range gets `defaultIntervals + 1` points. */
export function gridValues(dim: Dimension, defaultIntervals = 10): ParamValue[] {
  if (dim.kind === 'categorical') return [...dim.choices];
  if (dim.step !== undefined) {
    const count = Math.round((dim.high - dim.low) / dim.step) + 1;
    return Array.from({ length: count }, (_, k) => snapNumeric(dim, dim.low + k * dim.step!));
  }
  if (dim.log) {
    const a = Math.log(dim.low);
    const b = Math.log(dim.high);
    return Array.from({ length: defaultIntervals + 1 }, (_, k) =>
      Math.exp(a + ((b - a) * k) / defaultIntervals),
    );
  }
  return Array.from(
    { length: defaultIntervals + 1 },
    (_, k) => dim.low + ((dim.high - dim.low) * k) / defaultIntervals,
  );
}

/** Full parameter values: the fixed inputs plus one value per dimension, in input order. */
export function composeParams(space: SearchSpace, values: readonly ParamValue[]): ParamValues {
  const byName: Record<string, ParamValue> = { ...space.fixed };
  space.dimensions.forEach((d, i) => {
    byName[d.name] = values[i];
  });
  const out: Record<string, ParamValue> = {};
  for (const name of space.order) out[name] = byName[name];
  return out;
}

/** Levenshtein distance, for did-you-mean hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}

/** `did you mean 'x'?` for the closest candidate within a third of the name's length, else undefined. */
export function suggestion(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? undefined : `did you mean '${best}'?`;
}
