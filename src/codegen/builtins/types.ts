import type { QualifiedType } from '../../analysis/types/index.js';
import type { PineVersion } from '../../analysis/builtins/index.js';

/**
 * What an emitter of one built-in function gets: its arguments already emitted as TypeScript
 * expressions, aligned with the chosen overload's parameters. An emitter returns the TypeScript
 * expression for the call; it never sees the AST.
 */
export interface BuiltinEmitContext {
  /** The built-in's Pine name, e.g. `ta.sma`, `str.tostring`, `array.push`. */
  readonly name: string;
  /** Emitted arguments aligned with `paramNames`; undefined where the script left the default. */
  readonly args: readonly (string | undefined)[];
  /** Further arguments of a rest parameter (`math.max(a, b, c)`: `c`). */
  readonly restArgs: readonly string[];
  readonly paramNames: readonly string[];
  /** Pine types of the arguments (undefined where defaulted). */
  readonly argTypes: readonly (QualifiedType | undefined)[];
  /** The call's Pine result type. */
  readonly resultType: QualifiedType;
  /** Argument by parameter name (undefined when not given). */
  arg(name: string): string | undefined;
  /** Argument by name, or the given TypeScript default. */
  argOr(name: string, fallback: string): string;
  /**
   * Declares per-call-site state (a field created once, in the constructor): `init` is the
   * constructor expression, e.g. `new rt.ta.Sma()`. Returns the expression that reads the field.
   */
  state(hint: string, type: string, init: string): string;
  /** The runtime namespace import (`rt`), the bar context (`ctx`) and the strategy (`this.s`). */
  readonly rt: string;
  readonly ctx: string;
  readonly strategy: string;
  readonly version: PineVersion;
  /** Records an unsupported use (a diagnostic with the Pine line) and returns a placeholder expression. */
  unsupported(message: string, hint: string): string;
  /** Like `unsupported`, for a call that needs data the chart's feed cannot provide (PP3004). */
  missingData(message: string, hint: string): string;
  /** Declares a plot once (constructor) by its title as plain text; returns the id expression. */
  declarePlot(title: string): string;
}

/** Emits one built-in call. */
export type BuiltinEmitter = (c: BuiltinEmitContext) => string;

/** Emitters by Pine name; each file of this folder contributes one table. */
export type EmitterTable = Readonly<Record<string, BuiltinEmitter>>;
