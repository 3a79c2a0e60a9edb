import type { QualifiedType } from '../types/index.js';

/** The Pine versions the catalogue describes. */
export type PineVersion = 4 | 5 | 6;

/** All catalogued versions, oldest first. */
export const PINE_VERSIONS: readonly PineVersion[] = Object.freeze([4, 5, 6]);

/** One parameter of one overload. */
export interface BuiltinParam {
  readonly name: string;
  /** The strongest qualifier the argument may have, and its type (`length: simple int` refuses a series). */
  readonly type: QualifiedType;
  /** False when the argument may be left out. */
  readonly required: boolean;
  /**
   * The default as Pine source text (`na`, `false`, `color.blue`, `"FIFO"`), or undefined when the parameter is
   * required or its default depends on context (e.g. `strategy.entry`'s `qty` defaults to the strategy's settings).
   */
  readonly defaultText: string | undefined;
  /** Defaults that differ between versions (`margin_long`: 0 in v5, 100 in v6); overrides defaultText. */
  readonly defaultByVersion: Readonly<Partial<Record<PineVersion, string>>> | undefined;
  /** A rest parameter takes any number of further arguments of its type (`math.max(number0, number1, …)`). */
  readonly rest: boolean;
  /** The versions in which the parameter exists (`when` of `strategy.entry`: 4 and 5 only). */
  readonly versions: readonly PineVersion[];
}

/** One callable form of a built-in function. */
export interface BuiltinOverload {
  /** The function's qualified name. */
  readonly name: string;
  /** The type parameters the signature mentions (see types/type-params.ts), e.g. ['T']. */
  readonly typeParams: readonly string[];
  /** The type parameters a call may give explicitly, in order: `array.new<float>` → ['T']. */
  readonly explicitTypeParams: readonly string[];
  readonly params: readonly BuiltinParam[];
  /** The result; when resultQualifierFromArgs is set, its qualifier is only the floor (see there). */
  readonly result: QualifiedType;
  /**
   * True when the result's qualifier is the join of `result.qualifier` and the arguments' qualifiers
   * (`math.abs(const) → const`, `math.abs(series) → series`, `math.avg(const) → simple` with floor simple):
   * Pine's manual lists one overload per qualifier; the catalogue writes `auto` / `auto simple`.
   */
  readonly resultQualifierFromArgs: boolean;
  readonly versions: readonly PineVersion[];
  /** The catalogue text this overload was read from (for messages and "did you mean"). */
  readonly signature: string;
}

/** What codegen must know about a function beyond its types. */
export interface FunctionFlags {
  /** Each call site keeps its own history or state (all `ta.*` but the pure ones, `math.sum`, `fixnan`). */
  readonly stateful: boolean;
  /** Acts on the outside world: orders, plots, drawings, alerts, logs, runtime errors. */
  readonly sideEffect: boolean;
  /** Declares a script input (`input.*`), which `pineport check --json` lists. */
  readonly input: boolean;
  /** A declaration statement: `strategy()`, `indicator()`, `library()`, v4 `study()`. */
  readonly declaration: boolean;
  /** Requests other data (`request.*`): another symbol or timeframe context. */
  readonly request: boolean;
}

/** A built-in function with all its overloads. */
export interface BuiltinFunction {
  readonly kind: 'function';
  readonly name: string;
  /** The part before the last dot (`strategy.risk` for `strategy.risk.max_drawdown`), '' for globals. */
  readonly namespace: string;
  readonly overloads: readonly BuiltinOverload[];
  /** The versions in which at least one overload exists. */
  readonly versions: readonly PineVersion[];
  readonly flags: FunctionFlags;
  /** Callable as a method on its first argument (`arr.push(x)` for `array.push(arr, x)`). */
  readonly method: boolean;
}

/** A built-in variable such as `close` or `strategy.position_size`. */
export interface BuiltinVariable {
  readonly kind: 'variable';
  readonly name: string;
  readonly namespace: string;
  readonly type: QualifiedType;
  readonly versions: readonly PineVersion[];
}

/** A built-in named constant such as `color.red` or `strategy.long`. */
export interface BuiltinConstant {
  readonly kind: 'constant';
  readonly name: string;
  readonly namespace: string;
  readonly type: QualifiedType;
  /** The value where it is a plain number, string or bool (colors as `#RRGGBB[AA]` strings); else undefined. */
  readonly value: number | string | boolean | undefined;
  readonly versions: readonly PineVersion[];
}

/** Any catalogue entry. */
export type BuiltinEntry = BuiltinFunction | BuiltinVariable | BuiltinConstant;
