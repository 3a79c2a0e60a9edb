import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as A from '../parser/ast.js';
import type {
  BuiltinConstant,
  BuiltinFunction,
  BuiltinOverload,
  BuiltinVariable,
  PineVersion,
} from './builtins/index.js';
import type { QualifiedType } from './types/index.js';

/** A variable declared by the script (global or local), or a function parameter. */
export interface VariableSymbol {
  readonly kind: 'variable';
  /** Unique within one analysis; codegen derives stable names from it when Pine names clash. */
  readonly id: number;
  readonly name: string;
  readonly declaration:
    A.VariableDeclaration | A.TupleDeclaration | A.Parameter | A.ForExpression | A.ForInExpression;
  readonly mode: A.DeclarationMode | undefined;
  /** 'global' for the script's top level; 'local' inside functions and blocks. */
  readonly scope: 'global' | 'local';
  readonly isParameter: boolean;
  /** Inferred from the declaration (widened by later `:=` of floats into an int-declared variable). */
  type: QualifiedType;
  /** The deepest constant `x[n]` read of it; `Infinity` when an offset is not a constant. */
  historyDepth: number;
  /** True when some `:=`/`+=`… assigns it after its declaration. */
  reassigned: boolean;
  /** The function that declares it, when local to one. */
  readonly owner: FunctionSymbol | undefined;
}

/** A function declared by the script. */
export interface FunctionSymbol {
  readonly kind: 'function';
  readonly id: number;
  readonly name: string;
  readonly declaration: A.FunctionDeclaration;
  readonly isMethod: boolean;
  readonly parameters: VariableSymbol[];
  /** The result type, from the body's last statement, as analysed at the first call. */
  returnType: QualifiedType | undefined;
  /** Keeps state between bars (stateful built-ins, `var`, history of locals): one instance per call site. */
  stateful: boolean;
  analysed: boolean;
}

export interface FieldInfo {
  readonly name: string;
  readonly type: QualifiedType;
  readonly declaration: A.FieldDeclaration;
}

/** A user-defined type (`type Name`). */
export interface TypeSymbol {
  readonly kind: 'type';
  readonly name: string;
  readonly declaration: A.TypeDeclaration;
  readonly fields: FieldInfo[];
}

/** A user-defined enum. */
export interface EnumSymbol {
  readonly kind: 'enum';
  readonly name: string;
  readonly declaration: A.EnumDeclaration;
  readonly members: readonly string[];
}

/** An `import … as alias`; libraries are not available offline, so uses resolve to nothing. */
export interface LibrarySymbol {
  readonly kind: 'library';
  readonly name: string;
  readonly declaration: A.ImportDeclaration;
}

export type ScriptSymbol = VariableSymbol | FunctionSymbol | TypeSymbol | EnumSymbol | LibrarySymbol;

/** What a name (an identifier, or a dotted path such as `ta.sma`) refers to. */
export type Binding =
  | { readonly kind: 'symbol'; readonly symbol: ScriptSymbol }
  | { readonly kind: 'builtin-variable'; readonly name: string; readonly entry: BuiltinVariable }
  | { readonly kind: 'builtin-constant'; readonly name: string; readonly entry: BuiltinConstant }
  | { readonly kind: 'builtin-function'; readonly name: string; readonly entry: BuiltinFunction }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'enum-member'; readonly enumSymbol: EnumSymbol; readonly member: string }
  | { readonly kind: 'field'; readonly type: TypeSymbol; readonly field: FieldInfo };

/** How a call is carried out. `args` are aligned with the callee's parameters (undefined: default). */
export type CallResolution =
  | {
      readonly kind: 'builtin';
      readonly name: string;
      readonly entry: BuiltinFunction;
      readonly overload: BuiltinOverload;
      readonly args: readonly (A.Expression | undefined)[];
      /** Arguments past the last parameter of a rest parameter (`math.max(a, b, c)`). */
      readonly restArgs: readonly A.Expression[];
      /** `arr.push(x)`: the receiver is the first argument. */
      readonly receiver: A.Expression | undefined;
    }
  | {
      readonly kind: 'user';
      readonly symbol: FunctionSymbol;
      readonly args: readonly (A.Expression | undefined)[];
      readonly receiver: A.Expression | undefined;
    }
  | {
      readonly kind: 'type-new';
      readonly type: TypeSymbol;
      readonly args: readonly (A.Expression | undefined)[];
    }
  | { readonly kind: 'type-copy'; readonly type: TypeSymbol; readonly source: A.Expression }
  | { readonly kind: 'unresolved' };

/** A literal value as written in the script (for inputs and settings). */
export type LiteralValue =
  number | string | boolean | null | { readonly constant: string } | readonly LiteralValue[];

/** One `input*()` call, as the optimiser and `pineport check --json` see it. */
export interface InputDescriptor {
  readonly name: string;
  readonly variable: string | undefined;
  readonly function: string;
  readonly type:
    | 'int'
    | 'float'
    | 'bool'
    | 'string'
    | 'color'
    | 'source'
    | 'timeframe'
    | 'session'
    | 'symbol'
    | 'time'
    | 'price'
    | 'enum'
    | 'text_area';
  readonly title: string | undefined;
  readonly default: LiteralValue;
  readonly minval?: LiteralValue;
  readonly maxval?: LiteralValue;
  readonly step?: LiteralValue;
  readonly options?: readonly LiteralValue[];
  readonly group?: string;
  readonly tooltip?: string;
  readonly inline?: string;
  readonly line: number;
}

/** The `strategy()` / `indicator()` / `library()` call. */
export interface ScriptDeclaration {
  readonly kind: 'strategy' | 'indicator' | 'library';
  readonly call: A.CallExpression;
  /** Arguments by parameter name, as literals where they are literal. */
  readonly settings: Readonly<Partial<Record<string, LiteralValue>>>;
}

/** Per-version semantics codegen must apply (recorded, not re-derived). */
export interface VersionRules {
  readonly version: PineVersion;
  /** v6: `and`/`or` evaluate their right side only when needed. */
  readonly shortCircuitLogic: boolean;
  /** v4/v5: `/` between two const ints truncates; v6 gives a float. */
  readonly constIntDivisionTruncates: boolean;
  /** v6: a bool can never be na. */
  readonly boolCanBeNa: boolean;
  /** v5: margin_long/short default 0; v6: 100. */
  readonly defaultMarginPercent: number;
}

/** The resolved program: the AST plus side tables keyed by node id (the AST is never mutated). */
export interface Analysis {
  readonly program: A.Program;
  readonly rules: VersionRules;
  readonly declaration: ScriptDeclaration | undefined;
  readonly inputs: readonly InputDescriptor[];
  readonly bindings: ReadonlyMap<number, Binding>;
  readonly types: ReadonlyMap<number, QualifiedType>;
  readonly calls: ReadonlyMap<number, CallResolution>;
  /** The symbol each declaring node introduces (declarations, tuple names, parameters, loop counters). */
  readonly declared: ReadonlyMap<number, VariableSymbol>;
  readonly functions: readonly FunctionSymbol[];
  readonly userTypes: readonly TypeSymbol[];
  readonly enums: readonly EnumSymbol[];
  readonly globals: readonly VariableSymbol[];
  readonly diagnostics: readonly Diagnostic[];
}
