import type { PineType } from './type.js';

/**
 * The type-parameter letters the built-in catalogue uses, each with what it may stand for. Pine's reference
 * writes these as prose ("any array type", "array<int/float>", "<type of the map's elements>"); one letter per
 * constraint keeps signatures short and lets the checker verify a binding.
 * - `T`: any value type (element of an array/matrix, a `request.security` expression, which may be a tuple)
 * - `K`: a map key: int, float, bool, string, color or an enum
 * - `V`: a map value: anything but a collection
 * - `N`: a number: int or float (`array.sum(array<N>) → N`)
 * - `E`: a user-defined enum (`input.enum`)
 */
export const CATALOGUE_TYPE_PARAMS: readonly string[] = Object.freeze(['T', 'K', 'V', 'N', 'E']);

/** True when `type` may be bound to the type parameter `name` (unknown letters accept anything). */
export function typeParamAccepts(name: string, type: PineType): boolean {
  switch (name) {
    case 'N':
      return type.kind === 'primitive' && (type.name === 'int' || type.name === 'float');
    case 'E':
      return type.kind === 'enum' || type.kind === 'udt';
    case 'K':
      return type.kind === 'primitive' || type.kind === 'enum' || type.kind === 'udt';
    case 'V':
      return type.kind !== 'array' && type.kind !== 'matrix' && type.kind !== 'map' && isValueType(type);
    default:
      return isValueType(type) || type.kind === 'tuple';
  }
}

function isValueType(type: PineType): boolean {
  return type.kind !== 'void' && type.kind !== 'tuple' && type.kind !== 'list';
}
