// The Pine type model: types, qualifiers, their printed form, assignability and generic bindings.
export type { Qualifier } from './qualifier.js';
export {
  QUALIFIERS,
  isQualifier,
  isQualifierAssignable,
  joinQualifier,
  joinQualifiers,
  qualifierRank,
} from './qualifier.js';
export type {
  ArrayType,
  EnumType,
  IdName,
  IdType,
  ListType,
  MapType,
  MatrixType,
  NaType,
  PineType,
  PrimitiveName,
  PrimitiveType,
  QualifiedType,
  SpecialName,
  SpecialType,
  TupleType,
  TypeParam,
  UdtType,
  VoidType,
} from './type.js';
export {
  BOOL,
  COLOR,
  FLOAT,
  ID_NAMES,
  INT,
  NA,
  PRIMITIVE_NAMES,
  SPECIAL_NAMES,
  STRING,
  VOID,
  arrayOf,
  enumType,
  hasTypeParams,
  idType,
  isNumeric,
  listOf,
  mapOf,
  matrixOf,
  primitive,
  qualified,
  specialType,
  tupleOf,
  typeParam,
  typesEqual,
  udtType,
} from './type.js';
export { CATALOGUE_TYPE_PARAMS, typeParamAccepts } from './type-params.js';
export { printQualifiedType, printType } from './print.js';
export type { TypeParseOptions } from './parse.js';
export { parseQualifiedType, parseType, tryParseQualifiedType, tryParseType } from './parse.js';
export type { AssignRules } from './assign.js';
export { assignRulesFor, isAssignable, isTypeAssignable } from './assign.js';
export { TypeBindings } from './bind.js';
