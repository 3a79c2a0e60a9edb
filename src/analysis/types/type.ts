import type { Qualifier } from './qualifier.js';

/** Pine's value types that are not references. */
export type PrimitiveName = 'int' | 'float' | 'bool' | 'string' | 'color';

/** Handles to objects the runtime owns: drawings, plots, `chart.point`. */
export type IdName =
  'label' | 'line' | 'box' | 'table' | 'linefill' | 'polyline' | 'chart.point' | 'plot' | 'hline';

/**
 * Types of built-in named constants that only accept their own constants (v5+: `plot.style_line` is a
 * `plot_style`, not an int; `strategy.long` is a `strategy_direction`). `plot_simple_display` is the subset
 * of `plot_display` made of `display.all` and `display.none`.
 */
export type SpecialName =
  | 'plot_style'
  | 'plot_line_style'
  | 'hline_style'
  | 'plot_display'
  | 'plot_simple_display'
  | 'barmerge_gaps'
  | 'barmerge_lookahead'
  | 'strategy_direction'
  | 'sort_order'
  | 'scale_type'
  | 'settlement'
  | 'backadjustment'
  | 'text_format';

/** A base type such as `int`. */
export interface PrimitiveType {
  readonly kind: 'primitive';
  readonly name: PrimitiveName;
}
/** An object handle such as `line`. */
export interface IdType {
  readonly kind: 'id';
  readonly name: IdName;
}
/** A built-in constant type such as `plot_style`. */
export interface SpecialType {
  readonly kind: 'special';
  readonly name: SpecialName;
}
/** `array<T>`. */
export interface ArrayType {
  readonly kind: 'array';
  readonly element: PineType;
}
/** `matrix<T>`. */
export interface MatrixType {
  readonly kind: 'matrix';
  readonly element: PineType;
}
/** `map<K, V>`. */
export interface MapType {
  readonly kind: 'map';
  readonly key: PineType;
  readonly value: PineType;
}
/**
 * A user-defined type by name. The type parser cannot tell a UDT from an enum (both are bare names);
 * it produces `udt`, and name resolution turns it into `enum` when the name is an enum.
 */
export interface UdtType {
  readonly kind: 'udt';
  readonly name: string;
}
/** A user-defined enum by name. */
export interface EnumType {
  readonly kind: 'enum';
  readonly name: string;
}
/** The type of the `na` literal before it meets a context. */
export interface NaType {
  readonly kind: 'na';
}
/** What functions without a result return. */
export interface VoidType {
  readonly kind: 'void';
}
/** Several results, e.g. `ta.macd` → `[series float, series float, series float]`. */
export interface TupleType {
  readonly kind: 'tuple';
  readonly elements: readonly QualifiedType[];
}
/**
 * A placeholder of a generic built-in, bound from the arguments: `array.get(id: array<T>, …): series T`.
 * See type-params.ts for the letters and their constraints.
 */
export interface TypeParam {
  readonly kind: 'param';
  readonly name: string;
}
/** A bracketed literal list `[a, b, …]` of elements of one type (only the `options` of inputs take one). */
export interface ListType {
  readonly kind: 'list';
  readonly element: PineType;
}

/** Any Pine type, without its qualifier. Values are immutable and compared structurally (see typesEqual). */
export type PineType =
  | PrimitiveType
  | IdType
  | SpecialType
  | ArrayType
  | MatrixType
  | MapType
  | UdtType
  | EnumType
  | NaType
  | VoidType
  | TupleType
  | TypeParam
  | ListType;

/** A type with its qualifier, e.g. `series float`. */
export interface QualifiedType {
  readonly qualifier: Qualifier;
  readonly type: PineType;
}

/** Builds a primitive type (shared frozen instances for the five names). */
export function primitive(name: PrimitiveName): PrimitiveType {
  return PRIMITIVES[name];
}
/** Builds an object-handle type. */
export function idType(name: IdName): IdType {
  return Object.freeze({ kind: 'id', name });
}
/** Builds a built-in constant type. */
export function specialType(name: SpecialName): SpecialType {
  return Object.freeze({ kind: 'special', name });
}
/** Builds `array<element>`. */
export function arrayOf(element: PineType): ArrayType {
  return Object.freeze({ kind: 'array', element });
}
/** Builds `matrix<element>`. */
export function matrixOf(element: PineType): MatrixType {
  return Object.freeze({ kind: 'matrix', element });
}
/** Builds `map<key, value>`. */
export function mapOf(key: PineType, value: PineType): MapType {
  return Object.freeze({ kind: 'map', key, value });
}
/** Refers to a user-defined type. */
export function udtType(name: string): UdtType {
  return Object.freeze({ kind: 'udt', name });
}
/** Refers to a user-defined enum. */
export function enumType(name: string): EnumType {
  return Object.freeze({ kind: 'enum', name });
}
/** Builds a tuple of qualified element types. */
export function tupleOf(elements: readonly QualifiedType[]): TupleType {
  return Object.freeze({ kind: 'tuple', elements: Object.freeze([...elements]) });
}
/** Refers to a type parameter of a generic built-in. */
export function typeParam(name: string): TypeParam {
  return Object.freeze({ kind: 'param', name });
}
/** Builds a literal-list type. */
export function listOf(element: PineType): ListType {
  return Object.freeze({ kind: 'list', element });
}
/** Pairs a qualifier with a type. */
export function qualified(qualifier: Qualifier, type: PineType): QualifiedType {
  return Object.freeze({ qualifier, type });
}

const PRIMITIVES: Readonly<Record<PrimitiveName, PrimitiveType>> = Object.freeze({
  int: Object.freeze({ kind: 'primitive', name: 'int' }),
  float: Object.freeze({ kind: 'primitive', name: 'float' }),
  bool: Object.freeze({ kind: 'primitive', name: 'bool' }),
  string: Object.freeze({ kind: 'primitive', name: 'string' }),
  color: Object.freeze({ kind: 'primitive', name: 'color' }),
});

/** `int`. */
export const INT: PrimitiveType = PRIMITIVES.int;
/** `float`. */
export const FLOAT: PrimitiveType = PRIMITIVES.float;
/** `bool`. */
export const BOOL: PrimitiveType = PRIMITIVES.bool;
/** `string`. */
export const STRING: PrimitiveType = PRIMITIVES.string;
/** `color`. */
export const COLOR: PrimitiveType = PRIMITIVES.color;
/** The type of `na`. */
export const NA: NaType = Object.freeze({ kind: 'na' });
/** No value. */
export const VOID: VoidType = Object.freeze({ kind: 'void' });

/** The names that are primitive types. */
export const PRIMITIVE_NAMES: readonly PrimitiveName[] = Object.freeze([
  'int',
  'float',
  'bool',
  'string',
  'color',
]);
/** The names that are object-handle types. */
export const ID_NAMES: readonly IdName[] = Object.freeze([
  'label',
  'line',
  'box',
  'table',
  'linefill',
  'polyline',
  'chart.point',
  'plot',
  'hline',
]);
/** The names that are built-in constant types. */
export const SPECIAL_NAMES: readonly SpecialName[] = Object.freeze([
  'plot_style',
  'plot_line_style',
  'hline_style',
  'plot_display',
  'plot_simple_display',
  'barmerge_gaps',
  'barmerge_lookahead',
  'strategy_direction',
  'sort_order',
  'scale_type',
  'settlement',
  'backadjustment',
  'text_format',
]);

/** Structural equality of two types (qualifiers of tuple elements included). */
export function typesEqual(a: PineType, b: PineType): boolean {
  switch (a.kind) {
    case 'primitive':
    case 'id':
    case 'special':
    case 'udt':
    case 'enum':
    case 'param':
      return b.kind === a.kind && b.name === a.name;
    case 'na':
    case 'void':
      return b.kind === a.kind;
    case 'array':
    case 'matrix':
    case 'list':
      return b.kind === a.kind && typesEqual(a.element, b.element);
    case 'map':
      return b.kind === 'map' && typesEqual(a.key, b.key) && typesEqual(a.value, b.value);
    case 'tuple':
      return (
        b.kind === 'tuple' &&
        a.elements.length === b.elements.length &&
        a.elements.every(
          (e, i) => e.qualifier === b.elements[i].qualifier && typesEqual(e.type, b.elements[i].type),
        )
      );
  }
}

/** True when the type mentions a type parameter anywhere (so it must be bound before use). */
export function hasTypeParams(t: PineType): boolean {
  switch (t.kind) {
    case 'param':
      return true;
    case 'array':
    case 'matrix':
    case 'list':
      return hasTypeParams(t.element);
    case 'map':
      return hasTypeParams(t.key) || hasTypeParams(t.value);
    case 'tuple':
      return t.elements.some((e) => hasTypeParams(e.type));
    default:
      return false;
  }
}

/** Numeric types: `int` and `float`. */
export function isNumeric(t: PineType): boolean {
  return t.kind === 'primitive' && (t.name === 'int' || t.name === 'float');
}
