/**
 * The catalogue's source form. Each namespace file lists its entries as blocks of one-line signatures in a
 * small TypeScript-like notation, parsed once into structures by dsl.ts:
 *
 *   functions({ versions: '56', stateful: true }, `
 *     ta.sma(source: series float, length: series int): series float
 *     ta.tr(handle_na: simple bool = false): series float @56 -stateful
 *   `)
 *   variables({ versions: '456' }, `close: series float`)
 *   constants({ versions: '56' }, `color.red: const color = #F23645`)
 *
 * Why text and not object literals: one line per overload reads like Pine's reference manual, so a reviewer
 * can compare the two side by side; 450 functions as nested object literals would be ten times longer and
 * hide the signatures. The notation (all of it):
 * - `name?: type` is optional without a default; `name: type = text` has a default (Pine source text);
 *   `= {v5: 0, v6: 100}` a per-version default; `...name: type` a rest parameter.
 * - A type is a printed qualified type (types/print.ts); a missing qualifier means `series`.
 *   Letters T, K, V, N, E are type parameters (types/type-params.ts).
 * - Return type `auto int`: the result's qualifier is the join of the arguments' (Pine's per-qualifier
 *   overload families, e.g. `math.abs`); `auto simple float`: the same, but never weaker than simple.
 * - `array.new<T>(…)`: type parameters a call may give explicitly.
 * - After a parameter or at the end of a line, `@56` restricts versions (digits of 4, 5, 6);
 *   at the end of a line `+stateful`, `-stateful`, `+effect`, `-effect` adjust the block's flags.
 * - Lines starting with `#` are comments; `# UNVERIFIED` marks signatures not checked against the manual.
 */
export interface CatalogueBlock {
  readonly kind: 'functions' | 'variables' | 'constants';
  /** Versions of every entry in the block unless a line says otherwise: digits of 4, 5, 6. */
  readonly versions: string;
  readonly flags: BlockFlags;
  readonly text: string;
}

/** Flags shared by a block's functions. */
export interface BlockFlags {
  readonly stateful: boolean;
  readonly sideEffect: boolean;
  readonly input: boolean;
  readonly declaration: boolean;
  readonly request: boolean;
}

/** Options of a functions block; flags default to false. */
export interface FunctionBlockOptions {
  readonly versions: string;
  readonly stateful?: boolean;
  readonly sideEffect?: boolean;
  readonly input?: boolean;
  readonly declaration?: boolean;
  readonly request?: boolean;
}

/** A block of function signatures, one overload per line. */
export function functions(options: FunctionBlockOptions, text: string): CatalogueBlock {
  return {
    kind: 'functions',
    versions: options.versions,
    flags: {
      stateful: options.stateful ?? false,
      sideEffect: options.sideEffect ?? false,
      input: options.input ?? false,
      declaration: options.declaration ?? false,
      request: options.request ?? false,
    },
    text,
  };
}

const NO_FLAGS: BlockFlags = Object.freeze({
  stateful: false,
  sideEffect: false,
  input: false,
  declaration: false,
  request: false,
});

/** A block of variables, `name: qualified type` per line. */
export function variables(options: { readonly versions: string }, text: string): CatalogueBlock {
  return { kind: 'variables', versions: options.versions, flags: NO_FLAGS, text };
}

/** A block of named constants, `name: qualified type = value` per line (value optional). */
export function constants(options: { readonly versions: string }, text: string): CatalogueBlock {
  return { kind: 'constants', versions: options.versions, flags: NO_FLAGS, text };
}
